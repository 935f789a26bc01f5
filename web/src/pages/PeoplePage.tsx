import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { EthicsStatus } from '../components/EthicsStatus';
import { ExportLink } from '../components/ExportLink';
import { Loading } from '../components/Status';
import { ResponseProblem, Unavailable } from '../components/Unavailable';
import { displayName, formatHours } from '../format';
import { graphql } from '../gql';
import { useDebouncedValue } from '../useDebouncedValue';

export const PAGE_SIZE = 25;
const SEARCH_DEBOUNCE_MS = 250;

// One request, three subgraphs: the person from certification, hours and completions from
// training, acknowledgments from ethics; the gateway plans and joins them. When training or ethics
// does not answer, the people are still listed and their parts say so.
export const PeopleQuery = graphql(`
  query People($first: Int, $after: String, $search: String) {
    people(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          legalName
          preferredName
          county
          dateOfBirth
          email
          trainingHours
          trainingCompletions {
            id
            courseTitle
            kind
            hours
            completedOn
          }
          ethicsAcknowledgments {
            id
            codeVersion
            signedOn
          }
        }
      }
    }
  }
`);

export function PeoplePage() {
  const [input, setInput] = useState('');
  const search = useDebouncedValue(input.trim(), SEARCH_DEBOUNCE_MS);
  // The cursor belongs to the search it was loaded for, so a new search starts at its first page.
  const [cursor, setCursor] = useState<{ search: string; after: string } | null>(null);
  const after = cursor?.search === search ? cursor.after : undefined;

  const [result, reexecute] = useQuery({
    query: PeopleQuery,
    variables: { first: PAGE_SIZE, search: search || undefined, after },
  });
  // While a new search or page loads, urql keeps showing the previous data; pages of one search
  // arrive merged into a single list (see relayPagination in graphql.ts).
  const people = result.data?.people;
  const edges = people?.edges ?? [];
  const searching = input.trim() !== search || (result.fetching && !after);
  const loadingMore = result.fetching && Boolean(after);
  const nextCursor = people?.pageInfo.hasNextPage ? people.pageInfo.endCursor : null;

  return (
    <>
      <title>People · CPSS Platform</title>
      <h1>People</h1>
      <p className="lede">Applicants, certified peer support specialists, trainers and course owners known to the program.</p>

      <div className="toolbar">
        <div className="field field--inline">
          <label htmlFor="people-search">Search people</label>
          <input
            id="people-search"
            type="search"
            placeholder="Legal or preferred name"
            autoComplete="off"
            value={input}
            onChange={(e) => setInput(e.target.value)}
          />
        </div>
        <p className="toolbar__status" role="status" data-testid="people-count">
          {people ? `Showing ${edges.length} of ${people.totalCount}` : ''}
          {people && searching ? ' · Searching…' : ''}
        </p>
        <ExportLink list="people" params={{ search }} />
      </div>

      <ResponseProblem error={result.error} hasData={!!people} title="Could not load people" onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {!people && result.fetching && <Loading>Loading people…</Loading>}

      {people && edges.length === 0 && (
        <p className="muted" data-testid="people-empty">
          {search ? `No people match “${search}”.` : 'No people yet.'}
        </p>
      )}

      {edges.length > 0 && (
        <div className="table-wrap" role="region" aria-label="People" tabIndex={0}>
          <table className="table" data-testid="people-table" aria-busy={result.fetching}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">County</th>
                <th scope="col">Date of birth</th>
                <th scope="col">Email</th>
                <th scope="col" className="num">
                  Training hours
                </th>
                <th scope="col" className="num">
                  Completions
                </th>
                <th scope="col">Code of Ethics</th>
              </tr>
            </thead>
            <tbody>
              {edges.map(({ node: person }) => (
                <tr key={person.id} data-testid="person-row" data-person-id={person.id}>
                  <th scope="row" data-testid="person-name">
                    <Link to={`/people/${person.id}`}>{displayName(person)}</Link>
                  </th>
                  <td>{person.county}</td>
                  <td>
                    <time dateTime={person.dateOfBirth}>{person.dateOfBirth}</time>
                  </td>
                  <td className="email">{person.email}</td>
                  <td className="num" data-testid="training-hours">
                    {person.trainingHours == null ? <Unavailable what="Training hours" /> : formatHours(person.trainingHours)}
                  </td>
                  <td className="num" data-testid="completions">
                    {person.trainingCompletions == null ? <Unavailable what="Completions" /> : person.trainingCompletions.length}
                  </td>
                  <td data-testid="ethics">
                    <EthicsStatus acks={person.ethicsAcknowledgments} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {nextCursor && <LoadMore busy={result.fetching} loadingMore={loadingMore} onLoadMore={() => setCursor({ search, after: nextCursor })} />}
    </>
  );
}

// Disabled during any fetch: the data shown may belong to the previous search, and so its cursor.
function LoadMore({ busy, loadingMore, onLoadMore }: { busy: boolean; loadingMore: boolean; onLoadMore: () => void }) {
  return (
    <div className="load-more">
      <button type="button" className="button button--secondary" disabled={busy} onClick={onLoadMore}>
        Load more
      </button>
      {loadingMore && <Loading>Loading more people…</Loading>}
    </div>
  );
}
