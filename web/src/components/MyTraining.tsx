// A participant's own training registrations on their home page: where they stand (enrolled, on
// the waitlist and at which place, completed with the certificate code, withdrawn, cancelled), and
// withdrawing from a session that has not started, which gives the seat to the first waitlisted.
import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { formatHours, todayInNc } from '../format';
import { graphql } from '../gql';
import { enumWords } from '../labels';
import { RefusalAlert } from './Refusal';
import { ErrorAlert, Loading } from './Status';

export const MyTrainingQuery = graphql(`
  query MyTraining {
    myTrainingEnrollments {
      id
      status
      waitlistPosition
      attendedHours
      certificate { id verificationCode }
      session {
        id
        status
        firstDay
        lastDay
        delivery
        county
        course { id title faceToFaceHours preWorkHours }
      }
    }
  }
`);

const WithdrawMutation = graphql(`
  mutation WithdrawFromTrainingSession($input: WithdrawFromTrainingSessionInput!) {
    withdrawFromTrainingSession(input: $input) { id status waitlistPosition }
  }
`);

const ACTIVE = ['ENROLLED', 'WAITLISTED'];

export function MyTraining() {
  const today = todayInNc();
  const [result, reexecute] = useQuery({ query: MyTrainingQuery, requestPolicy: 'cache-and-network' });
  const [withdrawing, withdraw] = useMutation(WithdrawMutation);
  const enrollments = result.data?.myTrainingEnrollments ?? [];

  return (
    <section className="card" aria-labelledby="my-training-title" data-testid="my-training">
      <h2 id="my-training-title">My training registrations</h2>
      {result.error && <ErrorAlert error={result.error} title="Could not load your registrations" onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {result.fetching && !result.data && <Loading>Loading your registrations…</Loading>}
      {result.data && enrollments.length === 0 && (
        <p className="muted" data-testid="my-training-empty">
          You are not registered for any session. <Link to="/training">Find training</Link>.
        </p>
      )}
      <RefusalAlert error={withdrawing.error} title="Could not withdraw" what="this registration" />
      {enrollments.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Course</Table.Th>
                <Table.Th scope="col">Dates</Table.Th>
                <Table.Th scope="col">Where I stand</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {enrollments.map((e) => (
                <Table.Tr key={e.id} data-testid="my-enrollment" data-session-id={e.session.id}>
                  <Table.Th scope="row">{e.session.course.title}</Table.Th>
                  <Table.Td>
                    {e.session.firstDay}
                    {e.session.lastDay !== e.session.firstDay && ` – ${e.session.lastDay}`}
                    <Text size="xs">{e.session.delivery === 'VIRTUAL' ? 'Virtual' : `${e.session.county ?? ''} County`}</Text>
                  </Table.Td>
                  <Table.Td data-testid="my-enrollment-status">
                    <Badge variant="outline" color="dark">
                      {e.session.status === 'CANCELLED' ? 'Session cancelled' : enumWords(e.status)}
                    </Badge>
                    {e.waitlistPosition != null && <Text size="xs">Place {e.waitlistPosition} on the waitlist</Text>}
                    {e.certificate && <Text size="xs">Certificate {e.certificate.verificationCode}</Text>}
                    {e.status === 'ENROLLED' && e.attendedHours > 0 && (
                      <Text size="xs">
                        {formatHours(e.attendedHours)} of {formatHours(e.session.course.faceToFaceHours + e.session.course.preWorkHours)} hours
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {ACTIVE.includes(e.status) && e.session.status !== 'CANCELLED' && e.session.firstDay > today && (
                      <Button
                        size="xs"
                        variant="default"
                        loading={withdrawing.fetching}
                        onClick={() => void withdraw({ input: { enrollmentId: e.id } }).then(() => reexecute({ requestPolicy: 'network-only' }))}
                      >
                        Withdraw
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
