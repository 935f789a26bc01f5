import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { ErrorAlert, Loading } from '../components/Status';
import { Timeline } from '../components/Timeline';
import { displayName } from '../format';
import { errorCode, errorMessages } from '../graphql';
import { graphql } from '../gql';
import { APPLICATION_STATUS_LABELS, ELIGIBILITY_RULE_LABELS, enumWords, formatCents, label } from '../labels';
import { ProcessingClock } from './ApplicationQueuePage';

export const ApplicationQuery = graphql(`
  query Application($id: ID!) {
    application(id: $id) {
      id
      kind
      channel
      status
      version
      submittedOn
      queuedOn
      incompleteSince
      missingItems
      late
      decidedOn
      decisionReasons
      appealRights
      eligible
      person {
        id
        legalName
        preferredName
        county
      }
      policyVersion {
        id
        effectiveFrom
      }
      processingClock {
        businessDaysWaiting
        targetBusinessDays
        dueBy
        overdue
      }
      checklist {
        rule
        met
        required
        why
        evidence
      }
      fees {
        id
        kind
        amountCents
        status
        method
        referenceNumber
        paidOn
        waivedReason
      }
      timeline {
        id
        fromStatus
        toStatus
        actor
        actorName
        reason
        at
      }
    }
  }
`);

const StartReviewMutation = graphql(`
  mutation StartApplicationReview($input: ApplicationVersionInput!) {
    startApplicationReview(input: $input) {
      id
      status
      version
    }
  }
`);

const RequestMissingItemsMutation = graphql(`
  mutation RequestMissingItems($input: RequestMissingItemsInput!) {
    requestMissingItems(input: $input) {
      id
      status
      version
      missingItems
    }
  }
`);

const ApproveMutation = graphql(`
  mutation ApproveApplication($input: ApplicationVersionInput!) {
    approveApplication(input: $input) {
      id
      status
      version
    }
  }
`);

const DenyMutation = graphql(`
  mutation DenyApplication($input: DenyApplicationInput!) {
    denyApplication(input: $input) {
      id
      status
      version
      decisionReasons
    }
  }
`);

const DECIDABLE = ['SUBMITTED', 'IN_REVIEW', 'INCOMPLETE', 'ON_HOLD'];

export function ApplicationPage() {
  const { id = '' } = useParams();
  const [result, reexecute] = useQuery({ query: ApplicationQuery, variables: { id } });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const app = result.data?.application;

  if (result.error && !app) {
    return (
      <>
        <title>Application · CPSS Platform</title>
        <h1>Application</h1>
        <ErrorAlert error={result.error} title="Could not load the application" onRetry={reload} />
        <p>
          <Link to="/applications">Back to the queue</Link>
        </p>
      </>
    );
  }
  if (!app) return <Loading>Loading the application…</Loading>;

  return (
    <>
      <title>{`Application of ${app.person.legalName} · CPSS Platform`}</title>
      <p>
        <Link to="/applications">← Applications</Link>
      </p>
      <h1>
        {enumWords(app.kind)} application: {displayName(app.person)}
      </h1>
      <dl className="facts card" data-testid="application-facts">
        <div>
          <dt>Status</dt>
          <dd data-testid="application-status">{label(APPLICATION_STATUS_LABELS, app.status)}</dd>
        </div>
        <div>
          <dt>County</dt>
          <dd>{app.person.county}</dd>
        </div>
        <div>
          <dt>Channel</dt>
          <dd>{enumWords(app.channel)}</dd>
        </div>
        <div>
          <dt>Submitted</dt>
          <dd>{app.submittedOn ?? '—'}</dd>
        </div>
        <div>
          <dt>Processing clock</dt>
          <dd>
            <ProcessingClock clock={app.processingClock} />
          </dd>
        </div>
        <div>
          <dt>Policy in force from</dt>
          <dd>{app.policyVersion.effectiveFrom}</dd>
        </div>
        {app.decidedOn && (
          <div>
            <dt>Decided on</dt>
            <dd>{app.decidedOn}</dd>
          </div>
        )}
      </dl>
      {result.error && <ErrorAlert error={result.error} title="Could not refresh the application" onRetry={reload} />}

      {app.missingItems.length > 0 && (
        <section className="card" aria-labelledby="missing-title">
          <h2 id="missing-title">Missing items{app.incompleteSince ? ` (asked for on ${app.incompleteSince})` : ''}</h2>
          <ul data-testid="missing-items">
            {app.missingItems.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </section>
      )}

      {app.decisionReasons.length > 0 && (
        <section className="card" aria-labelledby="reasons-title">
          <h2 id="reasons-title">Reasons for the decision</h2>
          <ul>
            {app.decisionReasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          {app.appealRights && <p>Appeal rights: {app.appealRights}</p>}
        </section>
      )}

      <section className="card" aria-labelledby="checklist-title">
        <h2 id="checklist-title">Eligibility checklist</h2>
        <p role="status" data-testid="eligible">
          {app.eligible ? (
            <span className="badge badge--good">Every required rule is met</span>
          ) : (
            <span className="badge badge--bad">Not every required rule is met</span>
          )}
        </p>
        <div className="table-wrap" role="region" aria-label="Eligibility checklist" tabIndex={0}>
          <table className="table" data-testid="checklist">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Met</th>
                <th scope="col">Why</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {app.checklist.map((c) => (
                <tr key={c.rule} data-testid="checklist-row" data-rule={c.rule}>
                  <th scope="row">
                    {label(ELIGIBILITY_RULE_LABELS, c.rule)}
                    {!c.required && <div className="muted">Designation only</div>}
                  </th>
                  <td data-testid="checklist-met">{c.met ? <span className="badge badge--good">Met</span> : <span className="badge badge--bad">Not met</span>}</td>
                  <td>{c.why}</td>
                  <td>
                    <Evidence evidence={c.evidence} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="fees-title">
        <h2 id="fees-title">Fees</h2>
        {app.fees.length === 0 ? (
          <p className="muted">No fees.</p>
        ) : (
          <table className="table" data-testid="fees">
            <thead>
              <tr>
                <th scope="col">Fee</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Status</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {app.fees.map((f) => (
                <tr key={f.id}>
                  <th scope="row">{enumWords(f.kind)}</th>
                  <td className="num">{formatCents(f.amountCents)}</td>
                  <td>{enumWords(f.status)}</td>
                  <td>
                    {f.status === 'PAID' && [f.method && enumWords(f.method), f.referenceNumber, f.paidOn && `paid ${f.paidOn}`].filter(Boolean).join(' · ')}
                    {f.status === 'WAIVED' && f.waivedReason}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {DECIDABLE.includes(app.status) && <Actions id={app.id} status={app.status} version={app.version} onChanged={reload} />}

      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <Timeline entries={app.timeline} />
      </section>
    </>
  );
}

function Evidence({ evidence }: { evidence: Record<string, unknown> }) {
  const entries = Object.entries(evidence);
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="evidence">
      {entries.map(([k, v]) => (
        <li key={k}>
          {k}: {typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}
        </li>
      ))}
    </ul>
  );
}

function ActionError({ error, onReload }: { error: CombinedError; onReload: () => void }) {
  if (errorCode(error) === 'CONFLICT') {
    return <ErrorAlert title="Not saved" messages={['Someone else changed this case; reload to see their change, then try again.']} onRetry={onReload} />;
  }
  return <ErrorAlert title="Not saved" messages={errorMessages(error)} />;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function Actions({ id, status, version, onChanged }: { id: string; status: string; version: number; onChanged: () => void }) {
  const [start, startReview] = useMutation(StartReviewMutation);
  const [missing, requestMissing] = useMutation(RequestMissingItemsMutation);
  const [approval, approve] = useMutation(ApproveMutation);
  const [denial, deny] = useMutation(DenyMutation);
  const [items, setItems] = useState('');
  const [reasons, setReasons] = useState('');
  const [appealRights, setAppealRights] = useState('');
  const [confirmApprove, setConfirmApprove] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const busy = start.fetching || missing.fetching || approval.fetching || denial.fetching;
  const after = (r: { error?: CombinedError }) => {
    if (!r.error) onChanged();
  };

  async function onMissing(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const list = lines(items);
    if (list.length === 0) return setLocalError('Name at least one missing item, one a line');
    setLocalError(null);
    const r = await requestMissing({ input: { applicationId: id, expectedVersion: version, items: list } });
    if (!r.error) setItems('');
    after(r);
  }

  async function onDeny(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const list = lines(reasons);
    if (list.length === 0 || !appealRights.trim()) return setLocalError('A denial needs at least one reason and the appeal rights');
    setLocalError(null);
    after(await deny({ input: { applicationId: id, expectedVersion: version, reasons: list, appealRights: appealRights.trim() } }));
  }

  const error = start.error ?? missing.error ?? approval.error ?? denial.error;

  return (
    <section className="card" aria-labelledby="actions-title" data-testid="application-actions">
      <h2 id="actions-title">Decide</h2>
      {error && <ActionError error={error} onReload={onChanged} />}
      {localError && (
        <p role="alert" className="alert alert--error">
          {localError}
        </p>
      )}
      {status === 'SUBMITTED' && (
        <p>
          <button type="button" className="button button--secondary" disabled={busy} onClick={async () => after(await startReview({ input: { applicationId: id, expectedVersion: version } }))}>
            Start review
          </button>
        </p>
      )}
      <div className="actions">
        <form className="form" onSubmit={onMissing} noValidate>
          <h3>Request missing items</h3>
          <div className="field">
            <label htmlFor="missing-items">Missing items, one a line</label>
            <textarea id="missing-items" rows={3} value={items} onChange={(e) => setItems(e.target.value)} />
          </div>
          <button type="submit" className="button button--secondary" disabled={busy}>
            Request missing items
          </button>
        </form>
        <div className="form">
          <h3>Approve</h3>
          <p className="hint">Issues the certification; needs every required rule met and no fee due.</p>
          {confirmApprove ? (
            <p>
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={async () => {
                  setConfirmApprove(false);
                  after(await approve({ input: { applicationId: id, expectedVersion: version } }));
                }}
              >
                Confirm approval
              </button>{' '}
              <button type="button" className="button button--secondary" onClick={() => setConfirmApprove(false)}>
                Cancel
              </button>
            </p>
          ) : (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => setConfirmApprove(true)}>
              Approve
            </button>
          )}
        </div>
        <form className="form" onSubmit={onDeny} noValidate>
          <h3>Deny</h3>
          <div className="field">
            <label htmlFor="deny-reasons">Reasons, one a line</label>
            <textarea id="deny-reasons" rows={3} value={reasons} onChange={(e) => setReasons(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="deny-appeal">Appeal rights</label>
            <textarea id="deny-appeal" rows={2} value={appealRights} onChange={(e) => setAppealRights(e.target.value)} />
          </div>
          <button type="submit" className="button button--secondary" disabled={busy}>
            Deny
          </button>
        </form>
      </div>
    </section>
  );
}
