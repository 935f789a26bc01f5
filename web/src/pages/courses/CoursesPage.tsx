// The curriculum developer's courses (staff: every course), with approval status, term and the
// latest submission; staff filter by status and kind. Pages through the API's cursors.
import { Button, Group, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../../components/Status';
import { courseKindLabel, COURSE_KIND_LABELS, formatHours } from '../../format';
import type { CourseKind, CourseStatus } from '../../gql/graphql';
import { COURSE_AUTHOR_ROLES, hasAnyRole } from '../../roles';
import { useUser } from '../../session';
import { CoursesQuery, MySubmissionsQuery } from './documents';
import { COURSE_STATUS_LABELS, CourseStatusBadge, PRIMARY, SubmissionStatusBadge, totalHours, CoursesScope } from './shared';

const PAGE_SIZE = 25;

export function CoursesPage() {
  const user = useUser();
  const author = hasAnyRole(user.roles, COURSE_AUTHOR_ROLES);
  const [status, setStatus] = useState<CourseStatus | null>(null);
  const [kind, setKind] = useState<CourseKind | null>(null);
  // Cursors of the pages before the current one: "Previous" pops, "Next" pushes.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const [result, reexecute] = useQuery({ query: CoursesQuery, variables: { first: PAGE_SIZE, after, status, kind }, requestPolicy: 'cache-and-network' });
  const [subs] = useQuery({ query: MySubmissionsQuery, variables: { first: 100 }, requestPolicy: 'cache-and-network' });
  const courses = result.data?.courses;

  // The latest submission of each course, when every submission fits in one answer.
  const latest = new Map<string, { id: string; status: Parameters<typeof SubmissionStatusBadge>[0]['status']; attempt: number }>();
  const allSubs = subs.data?.courseSubmissions;
  const haveAllSubs = allSubs !== undefined && allSubs.totalCount <= allSubs.edges.length;
  if (haveAllSubs) for (const { node } of allSubs.edges) latest.set(node.course.id, node);

  const resetPaging = () => setCursors([null]);

  return (
    <CoursesScope>
      <title>Courses · CPSS Platform</title>
      <Group justify="space-between" align="flex-end">
        <div>
          <h1>Courses</h1>
          <p className="lede">{author ? 'Your courses, their approval status and term, and where each submission is in its review.' : 'Every course, its approval status and term.'}</p>
        </div>
        {author && (
          <Button component={Link} to="/courses/new" color={PRIMARY} data-testid="new-course">
            New course
          </Button>
        )}
      </Group>
      <Group align="flex-end" gap="md" mb="md">
        <Select
          label="Status"
          w={200}
          data={[{ value: '', label: 'All statuses' }, ...Object.entries(COURSE_STATUS_LABELS).map(([value, text]) => ({ value, label: text }))]}
          value={status ?? ''}
          onChange={(v) => {
            setStatus(v ? (v as CourseStatus) : null);
            resetPaging();
          }}
          allowDeselect={false}
        />
        <Select
          label="Kind"
          w={220}
          data={[{ value: '', label: 'All kinds' }, ...Object.entries(COURSE_KIND_LABELS).map(([value, text]) => ({ value, label: text }))]}
          value={kind ?? ''}
          onChange={(v) => {
            setKind(v ? (v as CourseKind) : null);
            resetPaging();
          }}
          allowDeselect={false}
        />
        <Text role="status" size="sm" data-testid="courses-count">
          {courses ? `${courses.totalCount} ${courses.totalCount === 1 ? 'course' : 'courses'}` : ''}
        </Text>
      </Group>
      {result.error && <ErrorAlert error={result.error} title="Could not load the courses" onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {!courses && result.fetching && <Loading>Loading the courses…</Loading>}
      {courses && courses.edges.length === 0 && (
        <p className="muted" data-testid="courses-empty">
          {status || kind ? 'No course matches these filters.' : author ? 'You have no courses yet. Start with “New course”.' : 'No courses yet.'}
        </p>
      )}
      {courses && courses.edges.length > 0 && (
        <Table.ScrollContainer minWidth={700} type="native">
          <Table striped highlightOnHover aria-label="Courses" data-testid="courses-table" aria-busy={result.fetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Course</Table.Th>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col">Hours</Table.Th>
                <Table.Th scope="col">Approval</Table.Th>
                <Table.Th scope="col">Term</Table.Th>
                {haveAllSubs && <Table.Th scope="col">Latest submission</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {courses.edges.map(({ node: c }) => {
                const sub = latest.get(c.id);
                return (
                  <Table.Tr key={c.id} data-testid="course-row">
                    <Table.Th scope="row">
                      <Link to={`/courses/${c.id}`}>{c.title}</Link>
                      {c.childAndFamily && <div className="muted">Children and families</div>}
                    </Table.Th>
                    <Table.Td>{courseKindLabel(c.kind)}</Table.Td>
                    <Table.Td>
                      {formatHours(totalHours(c))}
                      {c.preWorkHours > 0 && <div className="muted">{formatHours(c.preWorkHours)} pre-work</div>}
                    </Table.Td>
                    <Table.Td>
                      <CourseStatusBadge status={c.status} testId="course-status" />
                    </Table.Td>
                    <Table.Td>
                      {c.approvedOn || c.expiresOn ? (
                        <>
                          {c.approvedOn && <div>Approved {c.approvedOn}</div>}
                          {c.expiresOn && <div>Expires {c.expiresOn}</div>}
                        </>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    {haveAllSubs && (
                      <Table.Td data-testid="course-latest-submission">
                        {sub ? (
                          <>
                            <SubmissionStatusBadge status={sub.status} />
                            {sub.attempt > 1 && <div className="muted">Resubmission</div>}
                          </>
                        ) : (
                          <span className="muted">None yet</span>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {courses && (cursors.length > 1 || courses.pageInfo.hasNextPage) && (
        <Group mt="md">
          <Button variant="outline" color={PRIMARY} disabled={cursors.length <= 1} onClick={() => setCursors((cs) => cs.slice(0, -1))}>
            Previous page
          </Button>
          <Button
            variant="outline"
            color={PRIMARY}
            disabled={!courses.pageInfo.hasNextPage}
            onClick={() => setCursors((cs) => [...cs, courses.pageInfo.endCursor ?? null])}
          >
            Next page
          </Button>
        </Group>
      )}
    </CoursesScope>
  );
}
