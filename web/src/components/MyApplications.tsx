import { VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { APPLICATION_STATUS_LABELS, enumWords, label } from '../labels';
import { APPLICANT_ROLES, hasAnyRole } from '../roles';
import { useUser } from '../session';
import { ErrorAlert, Loading } from './Status';

export const MyApplicationsQuery = graphql(`
  query MyApplications($personId: ID) {
    applications(first: 50, personId: $personId) {
      totalCount
      edges {
        node {
          id
          kind
          status
          createdAt
          submittedOn
          incompleteSince
          missingItems
          decidedOn
          decisionReasons
          appealRights
        }
      }
    }
  }
`);

/**
 * The signed-in person's own applications. Staff see every application through the same query,
 * so for them it is narrowed to their own person record.
 */
export function MyApplications({ personId, narrow }: { personId: string; narrow: boolean }) {
  // Applicants follow (and finish) their own applications on /apply and renewals on /recertification.
  const canOpen = hasAnyRole(useUser().roles, APPLICANT_ROLES);
  // Refreshed on every visit: staff may have asked for something since the last one.
  const [result, reexecute] = useQuery({ query: MyApplicationsQuery, variables: { personId: narrow ? personId : undefined }, requestPolicy: 'cache-and-network' });
  const apps = result.data?.applications.edges.map((e) => e.node) ?? [];

  return (
    <section className="card" aria-labelledby="my-applications-title" data-testid="my-applications">
      <h2 id="my-applications-title">My applications</h2>
      {result.error && <ErrorAlert error={result.error} title="Could not load your applications" onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {result.fetching && !result.data && <Loading>Loading your applications…</Loading>}
      {result.data && apps.length === 0 && <p className="muted">You have no applications.</p>}
      {apps.length > 0 && (
        <ul className="application-list">
          {apps.map((a) => (
            <li key={a.id} data-testid="my-application">
              <p>
                <strong>{enumWords(a.kind)} application</strong> · <span data-testid="my-application-status">{label(APPLICATION_STATUS_LABELS, a.status)}</span>
                <span className="muted">
                  {a.submittedOn ? ` · submitted ${a.submittedOn}` : ` · started ${a.createdAt.slice(0, 10)}`}
                  {a.decidedOn ? ` · decided ${a.decidedOn}` : ''}
                </span>
                {canOpen && (
                  <>
                    {' · '}
                    <Link to={a.kind === 'RECERTIFICATION' ? '/recertification' : `/apply?application=${a.id}`} data-testid="my-application-link">
                      {a.status === 'DRAFT' || a.status === 'INCOMPLETE' ? 'Continue' : 'View'}
                      <VisuallyHidden>{` the ${enumWords(a.kind).toLowerCase()} application started ${a.createdAt.slice(0, 10)}`}</VisuallyHidden>
                    </Link>
                  </>
                )}
              </p>
              {a.status === 'DRAFT' && <p className="muted">Not submitted yet.</p>}
              {a.missingItems.length > 0 && (
                <div className="alert alert--info">
                  <p className="alert__title">The program needs{a.incompleteSince ? ` (asked ${a.incompleteSince})` : ''}:</p>
                  <ul data-testid="my-missing-items">
                    {a.missingItems.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                </div>
              )}
              {a.status === 'DENIED' && a.decisionReasons.length > 0 && (
                <div>
                  <p>Reasons:</p>
                  <ul>
                    {a.decisionReasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                  {a.appealRights && <p>How to appeal: {a.appealRights}</p>}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
