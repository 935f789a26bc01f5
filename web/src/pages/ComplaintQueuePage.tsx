import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ExportLink } from '../components/ExportLink';
import { ErrorAlert, Loading } from '../components/Status';
import { displayName } from '../format';
import { graphql } from '../gql';
import type { ComplaintFilterInput } from '../gql/graphql';
import { enumWords, label } from '../labels';
import { hasAnyRole } from '../roles';
import { useUser } from '../session';
import { SUBJECT_KIND_LABELS } from './ethics/caseFlow';
import { Readable } from './ethics/Readable';

const PAGE_SIZE = 50;

// The list shows no confidential field (summary, complainant, allegations): those are read, and
// audited, only on the case page.
export const ComplaintQueueQuery = graphql(`
  query ComplaintQueue($first: Int, $filter: ComplaintFilterInput) {
    complaints(first: $first, filter: $filter) {
      totalCount
      edges {
        node {
          id
          referenceNumber
          channel
          subjectKind
          respondentDescription
          respondent {
            id
            legalName
            preferredName
          }
          receivedOn
          status
          triageLevel
          ageBusinessDays
          nextDueOn
          overdue
        }
      }
    }
  }
`);

const VIEWS: { value: string; text: string; filter: ComplaintFilterInput }[] = [
  { value: 'open', text: 'Open cases', filter: { open: true } },
  { value: 'overdue', text: 'Open and overdue', filter: { open: true, overdue: true } },
  { value: 'closed', text: 'Closed cases', filter: { open: false } },
  { value: 'all', text: 'All cases', filter: { open: null } },
];

export function ComplaintQueuePage() {
  const [view, setView] = useState('open');
  const [reference, setReference] = useState('');
  const ref = reference.trim();
  const base = VIEWS.find((v) => v.value === view)!.filter;
  const filter = ref ? { open: null, referenceNumber: ref } : base;
  // Cases enter (a new complaint) and leave (closed) the views as others work them: show the cached
  // queue at once and refresh it from the server on every visit.
  const [result, reexecute] = useQuery({ query: ComplaintQueueQuery, variables: { first: PAGE_SIZE, filter }, requestPolicy: 'cache-and-network' });
  const queue = result.data?.complaints;
  // Admins read the queue; ethics staff also enter complaints that came by phone, email or mail.
  const canRecord = hasAnyRole(useUser().roles, ['ETHICS_STAFF']);

  return (
    <Readable>
      <title>Complaints · CPSS Platform</title>
      <Group justify="space-between" align="center" wrap="wrap">
        <h1>Complaints</h1>
        {canRecord && (
          <Button component={Link} to="/complaints/new" data-testid="record-complaint">
            Record a complaint
          </Button>
        )}
      </Group>
      <p className="lede">Open cases oldest first, with the age of each and the next target due.</p>
      <div className="toolbar">
        <div className="field field--inline">
          <label htmlFor="complaint-view">Show</label>
          <select id="complaint-view" value={view} onChange={(e) => setView(e.target.value)} disabled={Boolean(ref)}>
            {VIEWS.map((v) => (
              <option key={v.value} value={v.value}>
                {v.text}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="complaint-reference">Reference number</label>
          <input id="complaint-reference" type="search" value={reference} onChange={(e) => setReference(e.target.value)} placeholder="ETH-2026-000123" autoComplete="off" />
        </div>
        <p className="toolbar__status" role="status" data-testid="complaint-count">
          {queue ? `${queue.totalCount} ${queue.totalCount === 1 ? 'complaint' : 'complaints'}${queue.totalCount > queue.edges.length ? `, first ${queue.edges.length} shown` : ''}` : ''}
        </p>
        <ExportLink list="complaints" params={ref ? { reference: ref } : { view }} />
      </div>
      {result.error && <ErrorAlert error={result.error} title="Could not load complaints" onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {!queue && result.fetching && <Loading>Loading complaints…</Loading>}
      {queue && queue.edges.length === 0 && <p className="muted">No complaints to show.</p>}
      {queue && queue.edges.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Complaints" tabIndex={0}>
          <table className="table" data-testid="complaint-table" aria-busy={result.fetching}>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">About</th>
                <th scope="col">Received</th>
                <th scope="col">Status</th>
                <th scope="col">Triage</th>
                <th scope="col" className="num">
                  Age (business days)
                </th>
                <th scope="col">Next due</th>
              </tr>
            </thead>
            <tbody>
              {queue.edges.map(({ node: c }) => (
                <tr key={c.id} data-testid="complaint-row">
                  <th scope="row">
                    <Link to={`/complaints/${c.id}`}>{c.referenceNumber}</Link>
                  </th>
                  <td>
                    {label(SUBJECT_KIND_LABELS, c.subjectKind)}
                    {(c.respondent || c.respondentDescription) && <div className="muted">{c.respondent ? displayName(c.respondent) : c.respondentDescription}</div>}
                  </td>
                  <td>
                    <time dateTime={c.receivedOn}>{c.receivedOn}</time>
                    <div className="muted">{enumWords(c.channel)}</div>
                  </td>
                  <td>{enumWords(c.status)}</td>
                  <td>{c.triageLevel ? enumWords(c.triageLevel) : '—'}</td>
                  <td className="num">{c.ageBusinessDays}</td>
                  <td data-testid="complaint-due">
                    {c.nextDueOn ? <time dateTime={c.nextDueOn}>{c.nextDueOn}</time> : '—'}
                    {c.overdue && <span className="badge badge--bad">Overdue</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Readable>
  );
}
