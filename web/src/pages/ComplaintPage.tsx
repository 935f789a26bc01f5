import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../components/Status';
import { Timeline } from '../components/Timeline';
import { displayName } from '../format';
import { graphql, useFragment } from '../gql';
import { enumWords, label } from '../labels';
import { hasAnyRole } from '../roles';
import { useUser } from '../session';
import { ComplaintActions } from './ethics/ComplaintActions';
import { Readable } from './ethics/Readable';
import { CLOCK_STEP_LABELS, OUTCOME_LABELS, SUBJECT_KIND_LABELS, TRIAGE_LEVEL_LABELS } from './ethics/caseFlow';
import { ComplaintCaseFragmentDoc } from './ethics/complaintCase';

// Reading the confidential fields here is audited by the ethics service. The case's fields are one
// fragment (pages/ethics/complaintCase.ts) that every step's mutation also selects, so the status,
// clocks and timeline update as soon as a step is saved.
export const ComplaintQuery = graphql(`
  query Complaint($id: ID!) {
    complaint(id: $id) {
      id
      ...ComplaintCase
    }
  }
`);

export function ComplaintPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const user = useUser();
  const [result, reexecute] = useQuery({ query: ComplaintQuery, variables: { id } });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const c = useFragment(ComplaintCaseFragmentDoc, result.data?.complaint ?? null);
  // Admins read cases; only ethics staff work them.
  const works = hasAnyRole(user.roles, ['ETHICS_STAFF']);
  const recorded = (location.state as { recorded?: string } | null)?.recorded;
  const back = (
    <p>
      <Link to="/complaints">← Complaints</Link>
    </p>
  );

  if (result.error && !c) {
    return (
      <>
        <title>Complaint · CPSS Platform</title>
        {back}
        <h1>Complaint</h1>
        <ErrorAlert error={result.error} title="Could not load the complaint" onRetry={reload} />
      </>
    );
  }
  if (!result.data) return <Loading>Loading the complaint…</Loading>;
  if (!c) {
    return (
      <>
        <title>Complaint not found · CPSS Platform</title>
        {back}
        <h1>Complaint not found</h1>
        <p role="alert" className="alert alert--error">
          There is no complaint with this id.
        </p>
      </>
    );
  }

  const dates: [string, string | null | undefined][] = [
    ['Acknowledged', c.acknowledgedOn],
    ['Triaged', c.triagedOn],
    ['Referred', c.referredOn],
    ['Respondent notified', c.respondentNotifiedOn],
    ['Respondent responded', c.respondentRespondedOn],
    ['Findings', c.findingsOn],
    ['Outcome notice', c.outcomeNoticeOn],
    ['Appealed', c.appealedOn],
    ['Appeal decided', c.appealDecidedOn],
    ['Closed', c.closedOn],
  ];

  return (
    <Readable>
      <title>{`Complaint ${c.referenceNumber} · CPSS Platform`}</title>
      {back}
      <h1>
        Complaint {c.referenceNumber}
        {c.overdue && <span className="badge badge--bad">Overdue</span>}
      </h1>
      {recorded === c.referenceNumber && c.status === 'RECEIVED' && (
        <p role="status" className="alert alert--info" data-testid="complaint-recorded">
          Complaint {c.referenceNumber} recorded. Acknowledge it to the complainant next.
        </p>
      )}
      <dl className="facts card" data-testid="complaint-facts">
        <div>
          <dt>Status</dt>
          <dd data-testid="complaint-status">{enumWords(c.status)}</dd>
        </div>
        <div>
          <dt>About</dt>
          <dd>
            {label(SUBJECT_KIND_LABELS, c.subjectKind)}
            {c.respondent ? `: ${displayName(c.respondent)}` : c.respondentDescription ? `: ${c.respondentDescription}` : ''}
          </dd>
        </div>
        <div>
          <dt>Incident on</dt>
          <dd>{c.incidentOn}</dd>
        </div>
        <div>
          <dt>Received</dt>
          <dd>
            {c.receivedOn} ({enumWords(c.channel)})
          </dd>
        </div>
        <div>
          <dt>Age</dt>
          <dd>{c.ageBusinessDays} business days</dd>
        </div>
        <div>
          <dt>Next due</dt>
          <dd data-testid="complaint-next-due">{c.nextDueOn ?? '—'}</dd>
        </div>
        <div>
          <dt>Triage</dt>
          <dd data-testid="complaint-triage">{c.triageLevel ? label(TRIAGE_LEVEL_LABELS, c.triageLevel) : 'Not triaged'}</dd>
        </div>
        <div>
          <dt>Code of Ethics</dt>
          <dd>{c.codeOfEthics.version}</dd>
        </div>
        {c.referredTo && (
          <div>
            <dt>Referred to</dt>
            <dd>{c.referredTo}</dd>
          </div>
        )}
        {c.cooperation && (
          <div>
            <dt>Cooperation</dt>
            <dd>
              {enumWords(c.cooperation)}
              {c.cooperationNote ? ` (${c.cooperationNote})` : ''}
            </dd>
          </div>
        )}
        {c.substantiated != null && (
          <div>
            <dt>Findings</dt>
            <dd>{c.substantiated ? 'Substantiated' : 'Not substantiated'}</dd>
          </div>
        )}
        {c.outcome && (
          <div>
            <dt>Outcome</dt>
            <dd data-testid="complaint-outcome">
              {label(OUTCOME_LABELS, c.outcome)}
              {c.appealDeadline ? ` (appeal by ${c.appealDeadline})` : ''}
            </dd>
          </div>
        )}
        {c.appealDecision && (
          <div>
            <dt>Appeal</dt>
            <dd>{enumWords(c.appealDecision)}</dd>
          </div>
        )}
      </dl>
      {result.error && <ErrorAlert error={result.error} title="Could not refresh the complaint" onRetry={reload} />}

      {works && c.status !== 'CLOSED' && <ComplaintActions c={c} onReload={reload} />}
      {!works && c.status !== 'CLOSED' && (
        <p className="muted" data-testid="complaint-read-only">
          Ethics staff take the case&apos;s steps; you can read it here.
        </p>
      )}

      <section className="card" aria-labelledby="clocks-title">
        <h2 id="clocks-title">Clocks</h2>
        {c.clocks.length === 0 ? (
          <p className="muted">No step started yet.</p>
        ) : (
          <div className="table-wrap" role="region" aria-label="Clocks" tabIndex={0}>
            <table className="table" data-testid="complaint-clocks">
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col">Started</th>
                  <th scope="col">Due</th>
                  <th scope="col">Done</th>
                  <th scope="col" className="num">
                    Business days
                  </th>
                </tr>
              </thead>
              <tbody>
                {c.clocks.map((k) => (
                  <tr key={`${k.step}:${k.startedOn}`} data-testid="complaint-clock" data-step={k.step}>
                    <th scope="row">
                      {label(CLOCK_STEP_LABELS, k.step)}
                      {k.kind === 'WINDOW' && <span className="muted"> (window)</span>}
                    </th>
                    <td>{k.startedOn}</td>
                    <td>{k.dueOn}</td>
                    <td data-testid="complaint-clock-done">{k.completedOn ?? (k.running ? 'Running' : '—')}</td>
                    <td className="num">
                      {k.businessDaysElapsed} of {k.targetBusinessDays}
                      {k.overdue && <span className="badge badge--bad">Overdue</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3>Key dates</h3>
        <dl className="facts" data-testid="complaint-dates">
          {dates.map(([what, on]) => (
            <div key={what}>
              <dt>{what}</dt>
              <dd>{on ?? '—'}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="card" aria-labelledby="complaint-detail-title">
        <h2 id="complaint-detail-title">What was reported (confidential)</h2>
        <p data-testid="complaint-summary">{c.summary ?? '—'}</p>
        {c.complainant && (
          <p>
            Filed by {c.complainant.name}
            {[c.complainant.email, c.complainant.phone, c.complainant.postalAddress].filter(Boolean).map((x) => ` · ${x}`)}
          </p>
        )}
        {c.allegations && c.allegations.length > 0 && (
          <>
            <h3>Allegations</h3>
            <ul data-testid="complaint-allegations">
              {c.allegations.map((a) => (
                <li key={a.id}>
                  <strong>{principleTitle(c.codeOfEthics.principles, a.principle)}</strong>: {a.description}
                </li>
              ))}
            </ul>
          </>
        )}
        {c.respondentResponse && (
          <>
            <h3>The respondent’s response{c.respondentRespondedOn ? ` (${c.respondentRespondedOn})` : ''}</h3>
            <p data-testid="complaint-response">{c.respondentResponse}</p>
          </>
        )}
        {c.findings && (
          <>
            <h3>Findings</h3>
            <p data-testid="complaint-findings">{c.findings}</p>
          </>
        )}
        {c.outcomeReason && (
          <>
            <h3>Why this outcome</h3>
            <p>{c.outcomeReason}</p>
          </>
        )}
        {c.appealGrounds && (
          <>
            <h3>Grounds of the appeal</h3>
            <p>{c.appealGrounds}</p>
          </>
        )}
      </section>

      {c.sanctions.length > 0 && (
        <section className="card" aria-labelledby="sanctions-title">
          <h2 id="sanctions-title">Sanctions</h2>
          <ul data-testid="complaint-sanctions">
            {c.sanctions.map((s) => (
              <li key={s.id}>
                <strong>{label(OUTCOME_LABELS, s.kind)}</strong> · {enumWords(s.status)} from {s.effectiveFrom}
                {s.effectiveUntil ? ` to ${s.effectiveUntil}` : ''}
                {s.conditions && <div>Conditions: {s.conditions}</div>}
                {s.mandatedTraining && (
                  <div>
                    Mandated training: {s.mandatedTraining}
                    {s.trainingDueOn ? `, due ${s.trainingDueOn}` : ''}
                  </div>
                )}
                <div className="muted">
                  Decided {s.decidedOn}
                  {s.finalizedOn ? ` · final ${s.finalizedOn}` : ''}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="complaint-timeline-title">
        <h2 id="complaint-timeline-title">Timeline</h2>
        <Timeline entries={c.timeline} testId="complaint-timeline" />
      </section>
    </Readable>
  );
}

function principleTitle(principles: readonly { code: string; number: number; title: string }[], code: string): string {
  const p = principles.find((x) => x.code === code);
  return p ? `${p.number}. ${p.title}` : enumWords(code);
}
