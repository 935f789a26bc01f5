import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ExportLink } from '../components/ExportLink';
import { ErrorAlert, Loading } from '../components/Status';
import { displayName } from '../format';
import { graphql } from '../gql';
import type { ApplicationStatus } from '../gql/graphql';
import { APPLICATION_STATUS_LABELS, enumWords, label } from '../labels';

const PAGE_SIZE = 50;

export const ApplicationQueueQuery = graphql(`
  query ApplicationQueue($first: Int, $statuses: [ApplicationStatus!]) {
    applicationQueue(first: $first, statuses: $statuses) {
      totalCount
      edges {
        node {
          id
          kind
          channel
          status
          submittedOn
          queuedOn
          missingItems
          person {
            id
            legalName
            preferredName
            county
          }
          processingClock {
            businessDaysWaiting
            targetBusinessDays
            dueBy
            overdue
          }
        }
      }
    }
  }
`);

const FILTERS: { value: string; text: string; statuses?: ApplicationStatus[] }[] = [
  { value: 'open', text: 'Waiting for review (submitted or in review)' },
  { value: 'all', text: 'All statuses', statuses: Object.keys(APPLICATION_STATUS_LABELS) as ApplicationStatus[] },
  ...(['SUBMITTED', 'IN_REVIEW', 'INCOMPLETE', 'ON_HOLD', 'DRAFT', 'APPROVED', 'DENIED', 'WITHDRAWN', 'CLOSED'] as const).map((s) => ({
    value: s,
    text: label(APPLICATION_STATUS_LABELS, s),
    statuses: [s as ApplicationStatus],
  })),
];

export function ApplicationQueuePage() {
  const [filter, setFilter] = useState('open');
  const statuses = FILTERS.find((f) => f.value === filter)?.statuses;
  const [result, reexecute] = useQuery({ query: ApplicationQueueQuery, variables: { first: PAGE_SIZE, statuses } });
  const queue = result.data?.applicationQueue;

  return (
    <>
      <title>Applications · CPSS Platform</title>
      <h1>Applications</h1>
      <p className="lede">The certification work queue, oldest first, with each case&apos;s processing clock.</p>
      <div className="toolbar">
        <div className="field field--inline">
          <label htmlFor="queue-status">Status</label>
          <select id="queue-status" value={filter} onChange={(e) => setFilter(e.target.value)}>
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.text}
              </option>
            ))}
          </select>
        </div>
        <p className="toolbar__status" role="status" data-testid="queue-count">
          {queue ? `${queue.totalCount} ${queue.totalCount === 1 ? 'application' : 'applications'}${queue.totalCount > queue.edges.length ? `, first ${queue.edges.length} shown` : ''}` : ''}
        </p>
        <ExportLink list="applications" params={{ statuses }} />
      </div>
      {result.error && <ErrorAlert error={result.error} title="Could not load the queue" onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {!queue && result.fetching && <Loading>Loading the queue…</Loading>}
      {queue && queue.edges.length === 0 && <p className="muted">No applications with this status.</p>}
      {queue && queue.edges.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Application queue" tabIndex={0}>
          <table className="table" data-testid="queue-table" aria-busy={result.fetching}>
            <thead>
              <tr>
                <th scope="col">Applicant</th>
                <th scope="col">Kind</th>
                <th scope="col">Channel</th>
                <th scope="col">Status</th>
                <th scope="col">Submitted</th>
                <th scope="col">Processing clock</th>
              </tr>
            </thead>
            <tbody>
              {queue.edges.map(({ node: a }) => (
                <tr key={a.id} data-testid="queue-row">
                  <th scope="row">
                    <Link to={`/applications/${a.id}`}>{displayName(a.person)}</Link>
                    <div className="muted">{a.person.county} County</div>
                  </th>
                  <td>{enumWords(a.kind)}</td>
                  <td>{enumWords(a.channel)}</td>
                  <td>
                    {label(APPLICATION_STATUS_LABELS, a.status)}
                    {a.missingItems.length > 0 && <div className="muted">{a.missingItems.length} missing</div>}
                  </td>
                  <td>{a.submittedOn ? <time dateTime={a.submittedOn}>{a.submittedOn}</time> : '—'}</td>
                  <td data-testid="queue-clock">
                    <ProcessingClock clock={a.processingClock} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function ProcessingClock({
  clock,
}: {
  clock: { businessDaysWaiting: number; targetBusinessDays: number; dueBy: string; overdue: boolean } | null | undefined;
}) {
  if (!clock) return <span className="muted">Not running</span>;
  return (
    <>
      {clock.businessDaysWaiting} of {clock.targetBusinessDays} business days · due <time dateTime={clock.dueBy}>{clock.dueBy}</time>
      {clock.overdue && <span className="badge badge--bad">Overdue</span>}
    </>
  );
}
