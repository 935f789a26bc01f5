import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../components/Status';
import { Timeline } from '../components/Timeline';
import { displayName } from '../format';
import { graphql } from '../gql';
import { enumWords } from '../labels';

// Reading the confidential fields here is audited by the ethics service.
export const ComplaintQuery = graphql(`
  query Complaint($id: ID!) {
    complaint(id: $id) {
      id
      referenceNumber
      channel
      subjectKind
      respondentDescription
      respondent {
        id
        legalName
        preferredName
        county
      }
      incidentOn
      receivedOn
      status
      version
      triageLevel
      referredTo
      outcome
      appealDeadline
      closedOn
      nextDueOn
      ageBusinessDays
      overdue
      summary
      complainant {
        name
        email
        phone
        postalAddress
      }
      allegations {
        id
        principle
        description
      }
      findings
      outcomeReason
      clocks {
        step
        kind
        targetBusinessDays
        startedOn
        dueOn
        completedOn
        businessDaysElapsed
        running
        overdue
      }
      timeline {
        id
        fromStatus
        toStatus
        actor
        reason
        at
      }
      sanctions {
        id
        kind
        status
        effectiveFrom
        effectiveUntil
      }
      codeOfEthics {
        id
        version
      }
    }
  }
`);

export function ComplaintPage() {
  const { id = '' } = useParams();
  const [result, reexecute] = useQuery({ query: ComplaintQuery, variables: { id } });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const c = result.data?.complaint;
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

  return (
    <>
      <title>{`Complaint ${c.referenceNumber} · CPSS Platform`}</title>
      {back}
      <h1>
        Complaint {c.referenceNumber}
        {c.overdue && <span className="badge badge--bad">Overdue</span>}
      </h1>
      <dl className="facts card" data-testid="complaint-facts">
        <div>
          <dt>Status</dt>
          <dd data-testid="complaint-status">{enumWords(c.status)}</dd>
        </div>
        <div>
          <dt>About</dt>
          <dd>
            {enumWords(c.subjectKind)}
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
          <dd>{c.nextDueOn ?? '—'}</dd>
        </div>
        <div>
          <dt>Triage</dt>
          <dd>{c.triageLevel ? enumWords(c.triageLevel) : 'Not triaged'}</dd>
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
        {c.outcome && (
          <div>
            <dt>Outcome</dt>
            <dd>
              {enumWords(c.outcome)}
              {c.appealDeadline ? ` (appeal by ${c.appealDeadline})` : ''}
            </dd>
          </div>
        )}
      </dl>
      {result.error && <ErrorAlert error={result.error} title="Could not refresh the complaint" onRetry={reload} />}

      <section className="card" aria-labelledby="clocks-title">
        <h2 id="clocks-title">Clocks</h2>
        {c.clocks.length === 0 ? (
          <p className="muted">No step started yet.</p>
        ) : (
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
                <tr key={`${k.step}:${k.startedOn}`}>
                  <th scope="row">
                    {enumWords(k.step)}
                    {k.kind === 'WINDOW' && <span className="muted"> (window)</span>}
                  </th>
                  <td>{k.startedOn}</td>
                  <td>{k.dueOn}</td>
                  <td>{k.completedOn ?? (k.running ? 'Running' : '—')}</td>
                  <td className="num">
                    {k.businessDaysElapsed} of {k.targetBusinessDays}
                    {k.overdue && <span className="badge badge--bad">Overdue</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
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
            <ul>
              {c.allegations.map((a) => (
                <li key={a.id}>
                  <strong>{enumWords(a.principle)}</strong>: {a.description}
                </li>
              ))}
            </ul>
          </>
        )}
        {c.findings && (
          <>
            <h3>Findings</h3>
            <p>{c.findings}</p>
          </>
        )}
        {c.outcomeReason && (
          <>
            <h3>Why this outcome</h3>
            <p>{c.outcomeReason}</p>
          </>
        )}
      </section>

      {c.sanctions.length > 0 && (
        <section className="card" aria-labelledby="sanctions-title">
          <h2 id="sanctions-title">Sanctions</h2>
          <ul>
            {c.sanctions.map((s) => (
              <li key={s.id}>
                {enumWords(s.kind)} · {enumWords(s.status)} from {s.effectiveFrom}
                {s.effectiveUntil ? ` to ${s.effectiveUntil}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="complaint-timeline-title">
        <h2 id="complaint-timeline-title">Timeline</h2>
        <Timeline entries={c.timeline} testId="complaint-timeline" />
      </section>
    </>
  );
}
