// A person as a trainer (training): whether they may teach (ACTIVE or REMOVED by the program, and
// any bar ethics reports today), the courses they are registered to teach and their sessions not
// yet started. Courses and sessions link to their pages for the roles that may open them.
import { Badge, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { UNAVAILABLE } from '../../components/Unavailable';
import { courseKindLabel } from '../../format';
import type { PersonViewQuery } from '../../gql/graphql';
import { COURSE_READER_ROLES, hasAnyRole, SESSION_READER_ROLES } from '../../roles';
import { useUser } from '../../session';
import { Facts, Section } from './parts';

type Profile = NonNullable<PersonViewQuery['person']['trainerProfile']>;

const BAD = '#a61e1e';
const GOOD = '#05654a';

/** `barred`: why ethics bars them today, null when nothing does, undefined when ethics did not answer. */
export function TrainerSection({ profile, barred }: { profile: Profile; barred: string | null | undefined }) {
  const user = useUser();
  const courseLinks = hasAnyRole(user.roles, COURSE_READER_ROLES);
  const sessionLinks = hasAnyRole(user.roles, SESSION_READER_ROLES);
  const removed = profile.status === 'REMOVED';

  return (
    <Section title="Trainer" testId="person-trainer">
      <Facts
        rows={[
          ['Standing', removed ? 'Removed as trainer by the program' : 'Active'],
          ['Barred from teaching today', barred === undefined ? UNAVAILABLE : (barred ?? 'No')],
        ]}
        testId="person-trainer-facts"
      />
      <Title order={3} size="h5" mt="sm">
        Registered to teach
      </Title>
      {profile.registrations.length === 0 ? (
        <Text size="sm">No course registrations.</Text>
      ) : (
        <ul data-testid="person-trainer-registrations">
          {profile.registrations.map((r) => (
            <li key={r.id}>
              {courseLinks ? <Link to={`/courses/${r.course.id}`}>{r.course.title}</Link> : r.course.title} ({courseKindLabel(r.course.kind)}) since {r.registeredOn}{' '}
              <Badge variant="outline" color={r.status === 'REMOVED' ? BAD : GOOD} tt="none">
                {r.status === 'REMOVED' ? `Removed${r.removedOn ? ` on ${r.removedOn}` : ''}` : 'Active'}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      <Title order={3} size="h5" mt="sm">
        Upcoming sessions
      </Title>
      {profile.upcomingSessions.length === 0 ? (
        <Text size="sm" data-testid="person-trainer-no-sessions">
          No session scheduled.
        </Text>
      ) : (
        <Table data-testid="person-trainer-sessions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Course</Table.Th>
              <Table.Th scope="col">Dates</Table.Th>
              <Table.Th scope="col">Seats taken</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {profile.upcomingSessions.map((s) => (
              <Table.Tr key={s.id} data-testid="person-trainer-session">
                <Table.Td>{sessionLinks ? <Link to={`/sessions/${s.id}`}>{s.course.title}</Link> : s.course.title}</Table.Td>
                <Table.Td>
                  {s.firstDay}
                  {s.lastDay !== s.firstDay && ` to ${s.lastDay}`}
                </Table.Td>
                <Table.Td>
                  {s.enrolledCount} of {s.capacity}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
