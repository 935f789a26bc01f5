// The trainer's sessions (staff see every trainer's): upcoming, past or all, by first day, with
// status, seats taken against capacity and the waitlist. Pages of the connection are appended by
// "Load more" (the cursor of the last row asks for the next page).
import { Badge, Button, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../../components/Status';
import { courseKindLabel } from '../../format';
import { graphql } from '../../gql';
import type { TrainingSessionsQuery } from '../../gql/graphql';
import { hasAnyRole, isStaff, TRAINER_ROLES } from '../../roles';
import { useUser } from '../../session';
import { SessionsFrame } from './SessionsFrame';
import { DELIVERY_LABELS, SESSION_STATUS_LABELS, sessionPhase, shortId, todayInNc } from './sessionFormat';

export const TrainingSessionsDocument = graphql(`
  query TrainingSessions($first: Int!, $after: String, $from: LocalDate) {
    trainingSessions(first: $first, after: $after, from: $from) {
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

type SessionRow = TrainingSessionsQuery['trainingSessions']['edges'][number]['node'];
type View = 'upcoming' | 'past' | 'all';
const PAGE_SIZE = 25;

export function SessionsPage() {
  const user = useUser();
  const staff = isStaff(user.roles);
  const [view, setView] = useState<View>('upcoming');

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
      <SegmentedControl
        aria-label="Which sessions"
        value={view}
        onChange={(v) => setView(v as View)}
        data={[
          { value: 'upcoming', label: 'Upcoming and under way' },
          { value: 'past', label: 'Past' },
          { value: 'all', label: 'All' },
        ]}
        mb="md"
        data-testid="sessions-view"
      />
      {/* A new view starts from its first page. */}
      <SessionList key={view} view={view} staff={staff} />
    </SessionsFrame>
  );
}

function SessionList({ view, staff }: { view: View; staff: boolean }) {
  const today = todayInNc();
  const [after, setAfter] = useState<string | null>(null);
  const [earlier, setEarlier] = useState<SessionRow[]>([]);
  const [result, reexecute] = useQuery({
    query: TrainingSessionsDocument,
    variables: { first: PAGE_SIZE, after, from: view === 'upcoming' ? today : null },
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
