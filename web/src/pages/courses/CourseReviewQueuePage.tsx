// The training reviewer's queue: course submissions, oldest first, with the review clock
// (business days under review against the policy's target). "Waiting for the review team" joins
// the two statuses the team works (received: format check; team review).
import { Button, Group, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ExportLink } from '../../components/ExportLink';
import { ErrorAlert, Loading } from '../../components/Status';
import { courseKindLabel, formatHours } from '../../format';
import type { CourseReviewQueueQuery, CourseSubmissionStatus } from '../../gql/graphql';
import { enumWords } from '../../labels';
import { ReviewQueueQuery } from './documents';
import { formatUsd, PRIMARY, ReviewClock, SUBMISSION_STATUS_LABELS, SubmissionStatusBadge, totalHours, CoursesScope } from './shared';

const PAGE_SIZE = 50;
type Row = CourseReviewQueueQuery['courseSubmissions']['edges'][number]['node'];

const WAITING = 'WAITING';

export function CourseReviewQueuePage() {
  const [filter, setFilter] = useState<string>(WAITING);
  const waiting = filter === WAITING;
  // Two lists for the waiting view; one for a single status or all.
  const [received, reexecuteReceived] = useQuery({ query: ReviewQueueQuery, variables: { first: PAGE_SIZE, status: 'RECEIVED' }, pause: !waiting, requestPolicy: 'cache-and-network' });
  const [team, reexecuteTeam] = useQuery({ query: ReviewQueueQuery, variables: { first: PAGE_SIZE, status: 'TEAM_REVIEW' }, pause: !waiting, requestPolicy: 'cache-and-network' });
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const [single, reexecuteSingle] = useQuery({
    query: ReviewQueueQuery,
    variables: { first: PAGE_SIZE, after, status: filter === 'ALL' || waiting ? null : (filter as CourseSubmissionStatus) },
    pause: waiting,
    requestPolicy: 'cache-and-network',
  });

  const results = waiting ? [received, team] : [single];
  const error = results.find((r) => r.error)?.error;
  const loaded = results.every((r) => r.data);
  const fetching = results.some((r) => r.fetching);
  const rows: Row[] = loaded ? results.flatMap((r) => r.data!.courseSubmissions.edges.map((e) => e.node)) : [];
  if (waiting) rows.sort((a, b) => (a.submittedOn ?? '').localeCompare(b.submittedOn ?? ''));
  const total = loaded ? results.reduce((n, r) => n + r.data!.courseSubmissions.totalCount, 0) : 0;
  const pageInfo = !waiting ? single.data?.courseSubmissions.pageInfo : undefined;
  const retry = () => {
    if (waiting) {
      reexecuteReceived({ requestPolicy: 'network-only' });
      reexecuteTeam({ requestPolicy: 'network-only' });
    } else reexecuteSingle({ requestPolicy: 'network-only' });
  };

  return (
    <CoursesScope>
      <title>Course reviews · CPSS Platform</title>
      <h1>Course reviews</h1>
      <p className="lede">Course submissions, oldest first, with each one&apos;s review clock against the program&apos;s target.</p>
      <Group align="flex-end" gap="md" mb="md">
        <Select
          label="Show"
          w={320}
          data={[
            { value: WAITING, label: 'Waiting for the review team' },
            { value: 'ALL', label: 'All submissions' },
            ...Object.entries(SUBMISSION_STATUS_LABELS).map(([value, text]) => ({ value, label: text })),
          ]}
          value={filter}
          onChange={(v) => {
            setFilter(v ?? WAITING);
            setCursors([null]);
          }}
          allowDeselect={false}
        />
        <Text role="status" size="sm" data-testid="review-queue-count">
          {loaded ? `${total} ${total === 1 ? 'submission' : 'submissions'}${total > rows.length ? `, first ${rows.length} shown` : ''}` : ''}
        </Text>
        <ExportLink list="course-submissions" params={{ statuses: waiting ? ['RECEIVED', 'TEAM_REVIEW'] : filter === 'ALL' ? null : [filter] }} />
      </Group>
      {error && <ErrorAlert error={error} title="Could not load the queue" onRetry={retry} />}
      {!loaded && fetching && <Loading>Loading the queue…</Loading>}
      {loaded && rows.length === 0 && (
        <p className="muted" data-testid="review-queue-empty">
          {waiting ? 'Nothing is waiting for the review team.' : 'No submissions with this status.'}
        </p>
      )}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={760} type="native">
          <Table striped highlightOnHover aria-label="Course review queue" data-testid="review-queue" aria-busy={fetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Course</Table.Th>
                <Table.Th scope="col">Purpose</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Submitted</Table.Th>
                <Table.Th scope="col">Fee</Table.Th>
                <Table.Th scope="col">Review clock</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.id} data-testid="review-queue-row">
                  <Table.Th scope="row">
                    <Link to={`/course-reviews/${s.id}`}>{s.course.title}</Link>
                    <div className="muted">
                      {courseKindLabel(s.course.kind)} · {formatHours(totalHours(s.course))} hours
                    </div>
                  </Table.Th>
                  <Table.Td>
                    {enumWords(s.purpose)}
                    {s.attempt > 1 && <div className="muted">Resubmission</div>}
                  </Table.Td>
                  <Table.Td>
                    <SubmissionStatusBadge status={s.status} />
                  </Table.Td>
                  <Table.Td>{s.submittedOn ? <time dateTime={s.submittedOn}>{s.submittedOn}</time> : '—'}</Table.Td>
                  <Table.Td>{formatUsd(s.feeUsd)}</Table.Td>
                  <Table.Td>
                    <ReviewClock clock={s.reviewClock} testId="review-queue-clock" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pageInfo && (cursors.length > 1 || pageInfo.hasNextPage) && (
        <Group mt="md">
          <Button variant="outline" color={PRIMARY} disabled={cursors.length <= 1} onClick={() => setCursors((cs) => cs.slice(0, -1))}>
            Previous page
          </Button>
          <Button variant="outline" color={PRIMARY} disabled={!pageInfo.hasNextPage} onClick={() => setCursors((cs) => [...cs, pageInfo.endCursor ?? null])}>
            Next page
          </Button>
        </Group>
      )}
    </CoursesScope>
  );
}
