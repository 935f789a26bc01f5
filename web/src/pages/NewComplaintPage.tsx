// Ethics staff enter a complaint received by phone, email or mail (the public form is /complaint).
// The server checks everything (dates, a way to reach the complainant, the filing limit) and its
// reasons show next to the fields; once recorded, the new case opens.
import { Button, Fieldset, Group, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../components/Status';
import { graphql } from '../gql';
import type { ComplaintChannel, ComplaintSubjectKind, EthicsPrinciple } from '../gql/graphql';
import { COMPLAINT_SUBJECT_LABELS } from '../labels';
import { AllegationsEditor, type AllegationDraft } from './ethics/AllegationsEditor';
import { PersonPicker } from './ethics/PersonPicker';
import { Readable } from './ethics/Readable';
import { fieldReasons, RefusalAlert } from './ethics/serverErrors';
import { todayInNc } from '../format';

export const IntakeCodeOfEthicsQuery = graphql(`
  query IntakeCodeOfEthics($on: LocalDate) {
    codeOfEthicsInForce(on: $on) {
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

export const RecordComplaintMutation = graphql(`
  mutation RecordComplaint($input: RecordComplaintInput!) {
    recordComplaint(input: $input) {
      id
      referenceNumber
      status
      version
    }
  }
`);

const CHANNELS: { value: Exclude<ComplaintChannel, 'ONLINE_FORM'>; label: string }[] = [
  { value: 'PHONE', label: 'Phone' },
  { value: 'EMAIL', label: 'Email' },
  { value: 'MAIL', label: 'Mail' },
];

const PLACED = ['channel', 'receivedOn', 'subjectKind', 'respondentPersonId', 'respondentDescription', 'incidentOn', 'summary', 'complainant', 'allegations'];
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

export function NewComplaintPage() {
  const navigate = useNavigate();
  const [channel, setChannel] = useState<ComplaintChannel>('PHONE');
  const [receivedOn, setReceivedOn] = useState('');
  const [subjectKind, setSubjectKind] = useState<ComplaintSubjectKind>('CPSS');
  const [respondentPersonId, setRespondentPersonId] = useState<string | null>(null);
  const [respondentDescription, setRespondentDescription] = useState('');
  const [incidentOn, setIncidentOn] = useState('');
  const [summary, setSummary] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [postalAddress, setPostalAddress] = useState('');
  const [allegations, setAllegations] = useState<AllegationDraft[]>([]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [recording, record] = useMutation(RecordComplaintMutation);
  // The principles of the code in force on the incident date (today's until a date is given).
  const [code] = useQuery({ query: IntakeCodeOfEthicsQuery, variables: { on: isDate(incidentOn) ? incidentOn : null } });

  const server = fieldReasons(recording.error);
  const reasonsFor = (...fields: string[]) => {
    const mine = fields.map((f) => local[f]).filter(Boolean);
    const theirs = server.reasonsFor(...fields);
    const all = [...mine, ...(theirs ? [theirs] : [])];
    return all.length ? all.join('; ') : undefined;
  };
  // Reasons about the complainant as a whole (no way to reach them) sit under the contact fields.
  const complainantWhole = server.problems.filter((p) => p.field === 'complainant').map((p) => p.reason);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const l: Record<string, string> = {};
    if (!incidentOn) l['incidentOn'] = 'enter the date the conduct happened';
    if (!summary.trim()) l['summary'] = 'say what happened';
    if (!name.trim()) l['complainant.name'] = 'enter the complainant’s name';
    if (allegations.some((a) => !a.principle || !a.description.trim())) l['allegations'] = 'choose a principle and describe each allegation, or remove it';
    setLocal(l);
    if (Object.keys(l).length > 0) return;
    const r = await record({
      input: {
        channel,
        receivedOn: receivedOn || null,
        subjectKind,
        respondentPersonId: subjectKind === 'PROGRAM' ? null : respondentPersonId,
        respondentDescription: respondentDescription.trim() || null,
        incidentOn,
        summary: summary.trim(),
        complainant: { name: name.trim(), email: email.trim() || null, phone: phone.trim() || null, postalAddress: postalAddress.trim() || null },
        allegations: allegations.map((a) => ({ principle: a.principle as EthicsPrinciple, description: a.description.trim() })),
      },
    });
    const created = r.data?.recordComplaint;
    if (created) navigate(`/complaints/${created.id}`, { state: { recorded: created.referenceNumber } });
  }

  return (
    <Readable>
      <title>Record a complaint · CPSS Platform</title>
      <p>
        <Link to="/complaints">← Complaints</Link>
      </p>
      <h1>Record a complaint</h1>
      <p className="lede">Enter a complaint that arrived by phone, email or mail. What is entered here is confidential to ethics staff; every read is audited.</p>
      <form className="card" onSubmit={submit} noValidate aria-busy={recording.fetching} data-testid="record-complaint-form">
        <Stack gap="md">
          {Object.keys(local).length > 0 && (
            <div role="alert" className="alert alert--error">
              <p className="alert__title">Please correct the fields marked below</p>
            </div>
          )}
          <RefusalAlert error={recording.error} title="The complaint was not recorded" placed={PLACED} testId="record-complaint-error" />

          <Fieldset legend="How it arrived">
            <Stack gap="sm">
              <div>
                <Text component="p" size="sm" fw={500} id="channel-label" mb={4}>
                  Channel
                </Text>
                <SegmentedControl aria-labelledby="channel-label" value={channel} onChange={(v) => setChannel(v as ComplaintChannel)} data={CHANNELS} />
              </div>
              <TextInput
                type="date"
                label="Received on"
                description="The day the call, email or letter arrived; leave empty for today."
                value={receivedOn}
                max={todayInNc()}
                onChange={(e) => setReceivedOn(e.currentTarget.value)}
                error={reasonsFor('receivedOn')}
                errorProps={{ 'data-testid': 'received-on-error' }}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend="About the complaint">
            <Stack gap="sm">
              <Select
                label="Who is the complaint about?"
                data={Object.entries(COMPLAINT_SUBJECT_LABELS).map(([value, label]) => ({ value, label }))}
                value={subjectKind}
                onChange={(v) => v && setSubjectKind(v as ComplaintSubjectKind)}
                allowDeselect={false}
                error={reasonsFor('subjectKind')}
              />
              {subjectKind !== 'PROGRAM' && (
                <PersonPicker
                  label="Respondent in the program (optional)"
                  description="Link the person when they are known to the program; it puts any application of theirs on hold."
                  value={respondentPersonId}
                  onChange={setRespondentPersonId}
                  error={reasonsFor('respondentPersonId')}
                />
              )}
              <TextInput
                label="Name, role and workplace of the respondent"
                description={subjectKind === 'PROGRAM' ? 'Leave empty for a complaint about the program itself.' : 'Needed unless the respondent is linked above.'}
                value={respondentDescription}
                onChange={(e) => setRespondentDescription(e.currentTarget.value)}
                error={reasonsFor('respondentDescription')}
                errorProps={{ 'data-testid': 'respondent-description-error' }}
              />
              <TextInput
                type="date"
                label="When did it happen?"
                required
                value={incidentOn}
                onChange={(e) => setIncidentOn(e.currentTarget.value)}
                error={reasonsFor('incidentOn')}
                errorProps={{ 'data-testid': 'incident-on-error' }}
              />
              <Textarea label="What happened?" required autosize minRows={4} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} error={reasonsFor('summary')} />
            </Stack>
          </Fieldset>

          <AllegationsEditor
            legend="Allegations (optional)"
            idPrefix="intake"
            hint={`Principles of the Code of Ethics${code.data ? ` (${code.data.codeOfEthicsInForce.version})` : ''} in force on the incident date.`}
            allegations={allegations}
            onChange={setAllegations}
            principles={code.data?.codeOfEthicsInForce.principles ?? []}
            reasonsFor={reasonsFor}
          />
          {code.error && <ErrorAlert error={code.error} title="Could not load the Code of Ethics principles" />}

          <Fieldset legend="The complainant (confidential)">
            <Stack gap="sm">
              <Text size="sm" c="dimmed" id="complainant-hint">
                At least one way to reach them (email, phone or postal address), so the program can acknowledge the complaint.
              </Text>
              <TextInput label="Complainant’s name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={reasonsFor('complainant.name')} />
              <TextInput type="email" label="Complainant’s email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={reasonsFor('complainant.email')} />
              <TextInput type="tel" label="Complainant’s phone" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={reasonsFor('complainant.phone')} />
              <Textarea label="Postal address" autosize minRows={2} value={postalAddress} onChange={(e) => setPostalAddress(e.currentTarget.value)} error={reasonsFor('complainant.postalAddress')} />
              {complainantWhole.length > 0 && (
                <Text size="sm" c="red.9" data-testid="complainant-error">
                  {complainantWhole.join('; ')}
                </Text>
              )}
            </Stack>
          </Fieldset>

          <Group>
            <Button type="submit" loading={recording.fetching}>
              Record the complaint
            </Button>
            <Button component={Link} to="/complaints" variant="default">
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Readable>
  );
}
