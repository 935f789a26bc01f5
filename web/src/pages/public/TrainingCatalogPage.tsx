import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { RefusalAlert } from '../../components/Refusal';
import { ErrorAlert, Loading } from '../../components/Status';
import { COURSE_KIND_LABELS, courseKindLabel, formatHours } from '../../format';
import { graphql } from '../../gql';
import type { CourseKind } from '../../gql/graphql';
import { useDebouncedValue } from '../../useDebouncedValue';
import { hasAnyRole } from '../../roles';
import { useSession } from '../../session';

const PAGE_SIZE = 25;

export const TrainingCatalogQuery = graphql(`
  query TrainingCatalog($first: Int, $after: String, $kind: CourseKind, $county: String, $virtual: Boolean, $from: LocalDate, $to: LocalDate) {
    trainingCatalog(first: $first, after: $after, kind: $kind, county: $county, virtual: $virtual, from: $from, to: $to) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          courseTitle
          courseKind
          courseHours
          childAndFamily
          delivery
          address
          county
          firstDay
          lastDay
          registrationOpensOn
          registrationClosesOn
          capacity
          seatsLeft
        }
      }
    }
  }
`);

const RegisterMutation = graphql(`
  mutation RegisterFromCatalog($input: RegisterForTrainingSessionInput!) {
    registerForTrainingSession(input: $input) { id status waitlistPosition }
  }
`);

type Delivery = '' | 'virtual' | 'in-person';

/**
 * Registration from the catalog, for a signed-in applicant or CPSS (the cookie travels with the
 * public client): the answer says whether they got a seat or a place on the waitlist.
 */
function RegisterCell({ sessionId }: { sessionId: string }) {
  const [state, register] = useMutation(RegisterMutation);
  const done = state.data?.registerForTrainingSession;
  if (done) {
    return (
      <span role="status" data-testid="catalog-registered">
        {done.status === 'WAITLISTED' ? `On the waitlist, place ${done.waitlistPosition}` : 'Registered'} · <Link to="/">My registrations</Link>
      </span>
    );
  }
  return (
    <>
      <button type="button" className="button button--secondary" disabled={state.fetching} onClick={() => void register({ input: { sessionId } })}>
        Register
      </button>
      <RefusalAlert error={state.error} title="Could not register" what="this session" testId="catalog-register-error" />
    </>
  );
}

export function TrainingCatalogPage() {
  const { state: session } = useSession();
  const canRegister = session.status === 'signedIn' && session.user.personId !== null && hasAnyRole(session.user.roles, ['APPLICANT']);
  const [kind, setKind] = useState<CourseKind | ''>('');
  const [countyInput, setCounty] = useState('');
  const [delivery, setDelivery] = useState<Delivery>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const county = useDebouncedValue(countyInput.trim(), 300);
  const filters = {
    kind: kind || undefined,
    county: county || undefined,
    virtual: delivery === '' ? undefined : delivery === 'virtual',
    from: from || undefined,
    to: to || undefined,
  };
  const filterKey = JSON.stringify(filters);
  const [cursor, setCursor] = useState<{ key: string; after: string } | null>(null);
  const after = cursor?.key === filterKey ? cursor.after : undefined;
  const [result, reexecute] = useQuery({ query: TrainingCatalogQuery, variables: { first: PAGE_SIZE, after, ...filters } });
  const catalog = result.data?.trainingCatalog;
  const edges = catalog?.edges ?? [];
  const next = catalog?.pageInfo.hasNextPage ? catalog.pageInfo.endCursor : null;

  return (
    <>
      <title>Find training · CPSS Platform</title>
      <h1>Find training</h1>
      <p className="lede">Upcoming sessions of approved peer support courses.</p>
      <form className="filters" aria-label="Filter sessions" onSubmit={(e) => e.preventDefault()}>
        <div className="field field--inline">
          <label htmlFor="catalog-kind">Kind of course</label>
          <select id="catalog-kind" value={kind} onChange={(e) => setKind(e.target.value as CourseKind | '')}>
            <option value="">Any</option>
            {Object.entries(COURSE_KIND_LABELS).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="catalog-county">County</label>
          <input id="catalog-county" value={countyInput} onChange={(e) => setCounty(e.target.value)} autoComplete="off" />
        </div>
        <div className="field field--inline">
          <label htmlFor="catalog-delivery">Delivery</label>
          <select id="catalog-delivery" value={delivery} onChange={(e) => setDelivery(e.target.value as Delivery)}>
            <option value="">Virtual or in person</option>
            <option value="virtual">Virtual only</option>
            <option value="in-person">In person only</option>
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="catalog-from">Starting on or after</label>
          <input id="catalog-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field field--inline">
          <label htmlFor="catalog-to">Starting on or before</label>
          <input id="catalog-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </form>
      <p role="status" className="toolbar__status" data-testid="catalog-count">
        {catalog ? `Showing ${edges.length} of ${catalog.totalCount} sessions` : ''}
      </p>
      {result.error && <ErrorAlert error={result.error} title="Could not load the training catalog" onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {!catalog && result.fetching && <Loading>Loading sessions…</Loading>}
      {catalog && edges.length === 0 && <p className="muted">No sessions match these filters.</p>}
      {edges.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Training sessions" tabIndex={0}>
          <table className="table" data-testid="catalog-table" aria-busy={result.fetching}>
            <thead>
              <tr>
                <th scope="col">Course</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Hours
                </th>
                <th scope="col">Dates</th>
                <th scope="col">Where</th>
                <th scope="col">Registration</th>
                <th scope="col" className="num">
                  Seats left
                </th>
                {canRegister && <th scope="col">Register</th>}
              </tr>
            </thead>
            <tbody>
              {edges.map(({ node: s }) => (
                <tr key={s.id} data-testid="catalog-row">
                  <th scope="row">
                    {s.courseTitle}
                    {s.childAndFamily && <span className="badge">Child and family</span>}
                  </th>
                  <td>{courseKindLabel(s.courseKind)}</td>
                  <td className="num">{formatHours(s.courseHours)}</td>
                  <td>
                    <time dateTime={s.firstDay}>{s.firstDay}</time>
                    {s.lastDay !== s.firstDay && (
                      <>
                        {' – '}
                        <time dateTime={s.lastDay}>{s.lastDay}</time>
                      </>
                    )}
                  </td>
                  <td>{s.delivery === 'VIRTUAL' ? 'Virtual' : [s.address, s.county && `${s.county} County`].filter(Boolean).join(', ') || 'In person'}</td>
                  <td>
                    {s.registrationOpensOn} to {s.registrationClosesOn}
                  </td>
                  <td className="num">{s.seatsLeft === 0 ? 'Waitlist' : `${s.seatsLeft} of ${s.capacity}`}</td>
                  {canRegister && (
                    <td>
                      <RegisterCell sessionId={s.id} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <div className="load-more">
          <button type="button" className="button button--secondary" disabled={result.fetching} onClick={() => setCursor({ key: filterKey, after: next })}>
            Load more
          </button>
        </div>
      )}
    </>
  );
}
