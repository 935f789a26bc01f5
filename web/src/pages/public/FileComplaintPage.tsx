import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { FieldError } from '../../components/FieldError';
import { ErrorAlert } from '../../components/Status';
import { errorCode, errorMessages, fieldProblems } from '../../graphql';
import { graphql } from '../../gql';
import type { ComplaintSubjectKind, EthicsPrinciple } from '../../gql/graphql';
import { COMPLAINT_SUBJECT_LABELS, enumWords } from '../../labels';

export const CodeOfEthicsPrinciplesQuery = graphql(`
  query CodeOfEthicsPrinciples {
    codeOfEthicsInForce {
      id
      version
      principles {
        code
        number
        title
      }
    }
  }
`);

export const FileComplaintMutation = graphql(`
  mutation FileComplaint($input: FileComplaintInput!) {
    fileComplaint(input: $input) {
      referenceNumber
    }
  }
`);

interface Allegation {
  key: number;
  principle: EthicsPrinciple | '';
  description: string;
}

let nextKey = 1;

export function FileComplaintPage() {
  const [subjectKind, setSubjectKind] = useState<ComplaintSubjectKind>('CPSS');
  const [respondent, setRespondent] = useState('');
  const [incidentOn, setIncidentOn] = useState('');
  const [summary, setSummary] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [postalAddress, setPostalAddress] = useState('');
  const [allegations, setAllegations] = useState<Allegation[]>([]);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [principles] = useQuery({ query: CodeOfEthicsPrinciplesQuery });
  const [filing, fileComplaint] = useMutation(FileComplaintMutation);

  const receipt = filing.data?.fileComplaint;
  if (receipt) {
    return (
      <>
        <title>Complaint received · CPSS Platform</title>
        <h1>Complaint received</h1>
        <section className="card" role="status" data-testid="complaint-receipt">
          <p>Thank you. The program has received your complaint and will acknowledge it.</p>
          <p>
            Your reference number is <strong data-testid="complaint-reference">{receipt.referenceNumber}</strong>. Quote it whenever you contact the program about
            this complaint.
          </p>
        </section>
      </>
    );
  }

  // The server's reasons by field (without "input."), plus the checks made here before sending.
  const problems = fieldProblems(filing.error);
  const errorsFor = (field: string) => [
    ...(localErrors[field] ? [localErrors[field]] : []),
    ...problems.filter((p) => p.field === field || p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`)).map((p) => p.reason),
  ];
  const KNOWN = ['subjectKind', 'respondentDescription', 'incidentOn', 'summary', 'complainant', 'allegations'];
  const unplaced = problems.filter((p) => !KNOWN.some((k) => p.field === k || p.field.startsWith(`${k}.`) || p.field.startsWith(`${k}[`)));

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!incidentOn) local['incidentOn'] = 'enter the date the conduct happened';
    if (!summary.trim()) local['summary'] = 'say what happened';
    if (!name.trim()) local['complainant.name'] = 'enter your name';
    if (allegations.some((a) => !a.principle || !a.description.trim())) local['allegations'] = 'choose a principle and describe each allegation, or remove it';
    setLocalErrors(local);
    if (Object.keys(local).length > 0) return;
    await fileComplaint({
      input: {
        subjectKind,
        respondentDescription: respondent.trim() || null,
        incidentOn,
        summary: summary.trim(),
        complainant: { name: name.trim(), email: email.trim() || null, phone: phone.trim() || null, postalAddress: postalAddress.trim() || null },
        allegations: allegations.map((a) => ({ principle: a.principle as EthicsPrinciple, description: a.description.trim() })),
      },
    });
  }

  const field = (id: string, key: string, text: string, control: (describedBy: string | undefined, invalid: boolean) => ReactNode, hint?: string) => {
    const errors = errorsFor(key);
    const errorId = `${id}-error`;
    const describedBy = [errors.length ? errorId : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
    return (
      <div className="field">
        <label htmlFor={id}>{text}</label>
        {hint && (
          <p id={`${id}-hint`} className="hint">
            {hint}
          </p>
        )}
        {control(describedBy, errors.length > 0)}
        <FieldError id={errorId} messages={errors} />
      </div>
    );
  };

  const otherError = filing.error && errorCode(filing.error) !== 'BAD_USER_INPUT';
  const hasFieldErrors = problems.length > 0 || Object.keys(localErrors).length > 0;

  return (
    <>
      <title>File a complaint · CPSS Platform</title>
      <h1>File a complaint</h1>
      <p className="lede">
        Tell the program about conduct that may breach the Code of Ethics for peer support specialists. What you write is confidential to the program&apos;s ethics
        staff.
      </p>
      <form className="card form" onSubmit={submit} noValidate aria-busy={filing.fetching} data-testid="complaint-form">
        {hasFieldErrors && (
          <div role="alert" className="alert alert--error" data-testid="complaint-errors">
            <p className="alert__title">Please correct the fields marked below</p>
            {unplaced.length > 0 && (
              <ul>
                {unplaced.map((p) => (
                  <li key={`${p.field}:${p.reason}`}>
                    {p.field}: {p.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {otherError && <ErrorAlert title="The complaint was not filed" messages={errorMessages(filing.error!)} />}

        <fieldset>
          <legend>About the complaint</legend>
          {field('complaint-subject', 'subjectKind', 'Who is the complaint about?', (d, inv) => (
            <select id="complaint-subject" value={subjectKind} onChange={(e) => setSubjectKind(e.target.value as ComplaintSubjectKind)} aria-describedby={d} aria-invalid={inv || undefined}>
              {Object.entries(COMPLAINT_SUBJECT_LABELS).map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          ))}
          {field(
            'complaint-respondent',
            'respondentDescription',
            'Name, role and workplace of the person',
            (d, inv) => <input id="complaint-respondent" value={respondent} onChange={(e) => setRespondent(e.target.value)} aria-describedby={d} aria-invalid={inv || undefined} />,
            subjectKind === 'PROGRAM' ? 'Leave empty for a complaint about the program itself.' : undefined,
          )}
          {field('complaint-incident', 'incidentOn', 'When did it happen?', (d, inv) => (
            <input id="complaint-incident" type="date" required value={incidentOn} onChange={(e) => setIncidentOn(e.target.value)} aria-describedby={d} aria-invalid={inv || undefined} />
          ))}
          {field('complaint-summary', 'summary', 'What happened?', (d, inv) => (
            <textarea id="complaint-summary" required rows={6} value={summary} onChange={(e) => setSummary(e.target.value)} aria-describedby={d} aria-invalid={inv || undefined} />
          ))}
        </fieldset>

        <fieldset>
          <legend>Allegations (optional)</legend>
          <p className="hint">Name the principles of the Code of Ethics you believe were breached.</p>
          {principles.error && <ErrorAlert error={principles.error} title="Could not load the Code of Ethics principles" />}
          {allegations.map((a, i) => (
            <div key={a.key} className="allegation" data-testid="allegation">
              <div className="field">
                <label htmlFor={`allegation-${a.key}-principle`}>Allegation {i + 1}: principle</label>
                <select
                  id={`allegation-${a.key}-principle`}
                  value={a.principle}
                  onChange={(e) => setAllegations((all) => all.map((x) => (x.key === a.key ? { ...x, principle: e.target.value as EthicsPrinciple } : x)))}
                >
                  <option value="">Choose a principle</option>
                  {(principles.data?.codeOfEthicsInForce.principles ?? []).map((p) => (
                    <option key={p.code} value={p.code}>
                      {p.number}. {p.title}
                    </option>
                  ))}
                  {!principles.data && a.principle && <option value={a.principle}>{enumWords(a.principle)}</option>}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`allegation-${a.key}-description`}>Allegation {i + 1}: what was done</label>
                <textarea
                  id={`allegation-${a.key}-description`}
                  rows={3}
                  value={a.description}
                  onChange={(e) => setAllegations((all) => all.map((x) => (x.key === a.key ? { ...x, description: e.target.value } : x)))}
                />
              </div>
              <button type="button" className="button button--secondary" onClick={() => setAllegations((all) => all.filter((x) => x.key !== a.key))}>
                Remove allegation {i + 1}
              </button>
            </div>
          ))}
          <FieldError id="complaint-allegations-error" messages={errorsFor('allegations')} />
          <button type="button" className="button button--secondary" onClick={() => setAllegations((all) => [...all, { key: nextKey++, principle: '', description: '' }])}>
            Add an allegation
          </button>
        </fieldset>

        <fieldset>
          <legend>About you</legend>
          <p id="complainant-hint" className="hint">
            Give at least one way to reach you (email, phone or postal address) so the program can acknowledge your complaint.
          </p>
          {field('complainant-name', 'complainant.name', 'Your name', (d, inv) => (
            <input id="complainant-name" required autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} aria-describedby={d} aria-invalid={inv || undefined} />
          ))}
          {field('complainant-email', 'complainant.email', 'Email', (d, inv) => (
            <input id="complainant-email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-describedby={d} aria-invalid={inv || undefined} />
          ))}
          {field('complainant-phone', 'complainant.phone', 'Phone', (d, inv) => (
            <input id="complainant-phone" type="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} aria-describedby={d} aria-invalid={inv || undefined} />
          ))}
          {field('complainant-address', 'complainant.postalAddress', 'Postal address', (d, inv) => (
            <textarea id="complainant-address" rows={3} autoComplete="street-address" value={postalAddress} onChange={(e) => setPostalAddress(e.target.value)} aria-describedby={d} aria-invalid={inv || undefined} />
          ))}
          {/* Reasons about the complainant as a whole (e.g. no way to reach them). */}
          <FieldError id="complainant-error" messages={problems.filter((p) => p.field === 'complainant').map((p) => p.reason)} />
        </fieldset>

        <button type="submit" className="button button--primary" disabled={filing.fetching}>
          {filing.fetching ? 'Sending…' : 'File the complaint'}
        </button>
      </form>
    </>
  );
}
