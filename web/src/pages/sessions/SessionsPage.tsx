// The trainer's sessions (staff see every trainer's): upcoming, past or all, by first day, with
// status, seats taken against capacity and the waitlist. Pages of the connection are appended by
// "Load more" (the cursor of the last row asks for the next page).
import { Badge, Button, Group, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ExportLink } from '../../components/ExportLink';
import { ErrorAlert, Loading } from '../../components/Status';
import { courseKindLabel } from '../../format';
import { graphql } from '../../gql';
import type { TrainingSessionsQuery } from '../../gql/graphql';
import { hasAnyRole, isStaff, TRAINER_ROLES } from '../../roles';
import { useUser } from '../../session';
import { SessionsFrame } from './SessionsFrame';
import { DELIVERY_LABELS, SESSION_STATUS_LABELS, sessionPhase, shortId, todayInNc } from './sessionFormat';

export const TrainingSessionsDocument = graphql(`
  query TrainingSessions($first: Int!, $after: String, $from: LocalDate, $courseId: ID) {
    trainingSessions(first: $first, after: $after, from: $from, courseId: $courseId) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          status
          delivery
          address
          county
          capacity
          firstDay
          lastDay
          trainerPersonId
          enrolledCount
          waitlistCount
          course {
            id
            title
            kind
          }
        }
      }
    }
  }
`);

// Staff narrow every trainer's sessions to one course (a trainer's own list is short enough).
const StaffCoursesDocument = graphql(`
  query SessionCourses {
    courses(first: 100) {
      edges {
        node {
          id
          title
          status
        }
      }
    }
  }
`);

type SessionRow = TrainingSessionsQuery['trainingSessions']['edges'][number]['node'];
type View = 'upcoming' | 'past' | 'all';
const PAGE_SIZE = 25;

export function SessionsPage() {
  const user = useUser();
  const staff = isStaff(user.roles);
  const [view, setView] = useState<View>('upcoming');
  const [courseId, setCourseId] = useState<string | null>(null);

  return (
    <SessionsFrame>
      <title>Sessions · CPSS Platform</title>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <h1>{staff ? 'Training sessions' : 'My sessions'}</h1>
          <p className="lede">{staff ? 'Every trainer’s sessions, by first day.' : 'The sessions you teach, by first day.'}</p>
        </div>
        {hasAnyRole(user.roles, TRAINER_ROLES) && (
          <Button component={Link} to="/sessions/new" data-testid="schedule-session">
            Schedule a session
          </Button>
        )}
      </Group>
      <Group align="flex-end" mb="md" wrap="wrap">
        <SegmentedControl
          aria-label="Which sessions"
          value={view}
          onChange={(v) => setView(v as View)}
          data={[
            { value: 'upcoming', label: 'Upcoming and under way' },
            { value: 'past', label: 'Past' },
            { value: 'all', label: 'All' },
          ]}
          data-testid="sessions-view"
        />
        {staff && <CourseFilter value={courseId} onChange={setCourseId} />}
        <ExportLink list="sessions" params={{ view, courseId }} />
      </Group>
      {/* A new view or course starts from its first page. */}
      <SessionList key={`${view}:${courseId ?? ''}`} view={view} courseId={courseId} staff={staff} />
    </SessionsFrame>
  );
}

function CourseFilter({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const [courses] = useQuery({ query: StaffCoursesDocument });
  const options = (courses.data?.courses.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.title }));
  return (
    <Select
      label="Course"
      placeholder={courses.error ? 'Courses could not be loaded' : 'Every course'}
      data={options}
      value={value}
      onChange={onChange}
      clearable
      searchable
      w={320}
      error={courses.error ? 'Could not load the courses; showing every course' : undefined}
    />
  );
}

function SessionList({ view, courseId, staff }: { view: View; courseId: string | null; staff: boolean }) {
  const today = todayInNc();
  const [after, setAfter] = useState<string | null>(null);
  const [earlier, setEarlier] = useState<SessionRow[]>([]);
  const [result, reexecute] = useQuery({
    query: TrainingSessionsDocument,
    variables: { first: PAGE_SIZE, after, from: view === 'upcoming' ? today : null, courseId },
    // A session just scheduled or changed elsewhere shows when the list is opened again.
    requestPolicy: 'cache-and-network',
  });
  const connection = result.data?.trainingSessions;
  const seen = new Set<string>();
  const rows = [...earlier, ...(connection?.edges.map((e) => e.node) ?? [])].filter((s) => !seen.has(s.id) && seen.add(s.id));
  const shown = view === 'past' ? rows.filter((s) => s.lastDay < today) : rows;

  if (result.error && !connection) {
    return <ErrorAlert error={result.error} title="Could not load the sessions" onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  if (!connection) return <Loading>Loading the sessions…</Loading>;

  return (
    <>
      {result.error && <ErrorAlert error={result.error} title="Could not refresh the sessions" onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      <Text size="sm" role="status" data-testid="sessions-count">
        {view === 'past'
          ? `${shown.length} past ${shown.length === 1 ? 'session' : 'sessions'} shown`
          : `${shown.length} of ${connection.totalCount} ${connection.totalCount === 1 ? 'session' : 'sessions'}`}
      </Text>
      {shown.length === 0 ? (
        <p className="muted" data-testid="sessions-empty">
          {view === 'upcoming' ? 'No upcoming sessions.' : view === 'past' ? 'No past sessions.' : 'No sessions yet.'}
          {!staff && ' Schedule one with “Schedule a session”.'}
        </p>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover captionSide="top" data-testid="sessions-table">
            <Table.Caption>Sessions by first day</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Course</Table.Th>
                <Table.Th scope="col">Dates</Table.Th>
                <Table.Th scope="col">Where</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Enrolled / capacity</Table.Th>
                <Table.Th scope="col">Waitlist</Table.Th>
                {staff && <Table.Th scope="col">Trainer</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((s) => (
                <Table.Tr key={s.id} data-testid="session-row" data-session-id={s.id}>
                  <Table.Th scope="row" fw="normal">
                    <Link to={`/sessions/${s.id}`}>{s.course.title}</Link>
                    <Text size="xs" c="dimmed">
                      {courseKindLabel(s.course.kind)}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <time dateTime={s.firstDay}>{s.firstDay}</time>
                    {s.lastDay !== s.firstDay && (
                      <>
                        {' – '}
                        <time dateTime={s.lastDay}>{s.lastDay}</time>
                      </>
                    )}
                  </Table.Td>
                  <Table.Td data-testid="session-place">
                    {s.delivery === 'VIRTUAL' ? DELIVERY_LABELS.VIRTUAL : `${s.address ?? ''}${s.county ? ` (${s.county} County)` : ''}`}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={s.status === 'CANCELLED' ? 'gray' : 'teal'} variant="light" tt="none" data-testid="session-status">
                      {SESSION_STATUS_LABELS[s.status]}
                    </Badge>
                    {s.status !== 'CANCELLED' && (
                      <Text size="xs" c="dimmed">
                        {sessionPhase(s, today)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-testid="session-seats">
                    {s.enrolledCount} / {s.capacity}
                  </Table.Td>
                  <Table.Td data-testid="session-waitlist">{s.waitlistCount}</Table.Td>
                  {staff && (
                    <Table.Td>
                      <Text size="sm" title={s.trainerPersonId}>
                        …{shortId(s.trainerPersonId)}
                      </Text>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {connection.pageInfo.hasNextPage && (
        <Button
          variant="default"
          mt="sm"
          loading={result.fetching}
          onClick={() => {
            setEarlier(rows);
            setAfter(connection.pageInfo.endCursor ?? null);
          }}
        >
          Load more sessions
        </Button>
      )}
    </>
  );
}
