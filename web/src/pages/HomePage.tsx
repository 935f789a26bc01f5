import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Loading } from '../components/Status';
import { ResponseProblem, Unavailable } from '../components/Unavailable';
import { EthicsStatus } from '../components/EthicsStatus';
import { MyApplications } from '../components/MyApplications';
import { MyTraining } from '../components/MyTraining';
import { courseKindLabel, displayName, formatHours } from '../format';
import { graphql } from '../gql';
import { APPLICATION_REVIEWER_ROLES, ETHICS_STAFF_ROLES, hasAnyRole, isStaff, roleLabels } from '../roles';
import { useUser } from '../session';

// No dateOfBirth here: it is staff-only, and this page is for everyone.
export const MyRecordQuery = graphql(`
  query MyRecord {
    me {
      id
      legalName
      preferredName
      county
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
`);

export function HomePage() {
  const user = useUser();
  return (
    <>
      <title>My record · CPSS Platform</title>
      <h1>Welcome, {user.name}</h1>
      <p className="lede" data-testid="home-roles">
        Your roles: {roleLabels(user.roles)}
      </p>
      {isStaff(user.roles) && (
        <section className="card" aria-labelledby="staff-title">
          <h2 id="staff-title">Program staff</h2>
          <p>
            Find applicants and certified peer support specialists, with their training and Code of Ethics status, in{' '}
            <Link to="/people">People</Link>.
          </p>
          {hasAnyRole(user.roles, APPLICATION_REVIEWER_ROLES) && (
            <p>
              Review and decide certification applications in <Link to="/applications">Applications</Link>.
            </p>
          )}
          {hasAnyRole(user.roles, ETHICS_STAFF_ROLES) && (
            <p>
              Work ethics complaints, with their clocks, in <Link to="/complaints">Complaints</Link>.
            </p>
          )}
        </section>
      )}
      {user.personId ? (
        <>
          <MyApplications personId={user.personId} narrow={isStaff(user.roles)} />
          <MyTraining />
          <MyRecord />
        </>
      ) : (
        <p className="muted" data-testid="no-person">
          Your account is not linked to a person record, so there is no record of training or ethics to show.
        </p>
      )}
    </>
  );
}

function MyRecord() {
  const [result, reexecute] = useQuery({ query: MyRecordQuery });
  const me = result.data?.me;

  return (
    <section className="card" aria-labelledby="my-record-title" data-testid="my-record">
      <h2 id="my-record-title">My record</h2>
      <ResponseProblem error={result.error} hasData={!!me} title="Could not load your record" onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {result.fetching && !result.data && <Loading>Loading your record…</Loading>}
      {result.data && !me && <p className="muted">No person record was found for your account.</p>}
      {me && (
        <>
          <dl className="facts">
            <div>
              <dt>Name</dt>
              <dd>{displayName(me)}</dd>
            </div>
            <div>
              <dt>County</dt>
              <dd>{me.county}</dd>
            </div>
            <div>
              <dt>Training hours</dt>
              <dd data-testid="my-training-hours">{me.trainingHours == null ? <Unavailable what="Training hours" /> : formatHours(me.trainingHours)}</dd>
            </div>
            <div>
              <dt>Code of Ethics</dt>
              <dd data-testid="my-ethics">
                <EthicsStatus acks={me.ethicsAcknowledgments} />
              </dd>
            </div>
          </dl>

          <h3>Completed training</h3>
          {me.trainingCompletions == null ? (
            <p>
              <Unavailable what="Completed training" />
            </p>
          ) : me.trainingCompletions.length === 0 ? (
            <p className="muted">No completed training yet.</p>
          ) : (
            <div className="table-wrap" role="region" aria-label="Completed training" tabIndex={0}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Course</th>
                    <th scope="col">Kind</th>
                    <th scope="col" className="num">
                      Hours
                    </th>
                    <th scope="col">Completed on</th>
                  </tr>
                </thead>
                <tbody>
                  {me.trainingCompletions.map((c) => (
                    <tr key={c.id}>
                      <td>{c.courseTitle}</td>
                      <td>{courseKindLabel(c.kind)}</td>
                      <td className="num">{formatHours(c.hours)}</td>
                      <td>
                        <time dateTime={c.completedOn}>{c.completedOn}</time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
