// A course and its submission, for its curriculum developer (and, read-only, program staff): the
// course's facts and term; the submission's agenda and crosswalk, materials, submit / resubmit;
// then its review: status, review clock, the review team's comments per concept, the timeline.
import { Alert, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert, Loading } from '../../components/Status';
import { Timeline } from '../../components/Timeline';
import { courseKindLabel, formatHours } from '../../format';
import { fieldProblems } from '../../graphql';
import type { CourseStatus, CourseSubmissionPurpose, CourseSubmissionStatus } from '../../gql/graphql';
import { enumWords } from '../../labels';
import { COURSE_AUTHOR_ROLES, hasAnyRole, TRAINING_REVIEWER_ROLES } from '../../roles';
import { useUser } from '../../session';
import { ContentEditor, FindingNote, type FindingShape, type StandardsShape } from './ContentEditor';
import { CourseFields, type CourseFieldValues } from './CourseFields';
import {
  CourseQuery,
  CourseSubmissionQuery,
  ResubmitSubmissionMutation,
  SubmitSubmissionMutation,
  TrainingPolicyInForceQuery,
  TrainingStandardsQuery,
  UpdateCourseMutation,
} from './documents';
import { MaterialsPanel } from './Materials';
import {
  BAD,
  CourseStatusBadge,
  formatUsd,
  GOOD,
  MATERIAL_LABELS,
  MutationError,
  OPEN_SUBMISSION,
  PRIMARY,
  REQUIRED_MATERIALS,
  ReviewClock,
  SubmissionStatusBadge,
  totalHours,
  WARN, CoursesScope, LINK, AgendaTable } from './shared';

const EDITABLE_SUBMISSION: CourseSubmissionStatus[] = ['DRAFT', 'TECHNICAL_ASSISTANCE'];
const EDITABLE_COURSE: CourseStatus[] = ['DRAFT', 'DENIED'];

export function CoursePage() {
  const { id = '' } = useParams();
  const user = useUser();
  const author = hasAnyRole(user.roles, COURSE_AUTHOR_ROLES);
  const reviewer = hasAnyRole(user.roles, TRAINING_REVIEWER_ROLES);
  const [result, reexecute] = useQuery({ query: CourseQuery, variables: { id } });
  const [standardsResult, reexecuteStandards] = useQuery({ query: TrainingStandardsQuery });
  const [startingPurpose, setStartingPurpose] = useState<CourseSubmissionPurpose | null>(null);
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const course = result.data?.course;

  if (result.error && !course) {
    return (
      <>
        <title>Course · CPSS Platform</title>
        <p>
          <Link to="/courses">← Courses</Link>
        </p>
        <h1>Course</h1>
        <ErrorAlert error={result.error} title="Could not load the course" onRetry={reload} />
      </>
    );
  }
  if (!course) return <Loading>Loading the course…</Loading>;

  const submissions = result.data?.courseSubmissions.edges.map((e) => e.node) ?? [];
  const current = submissions[submissions.length - 1];
  const earlier = submissions.slice(0, -1);
  const hasOpen = submissions.some((s) => OPEN_SUBMISSION.includes(s.status));
  const canStartInitial = author && EDITABLE_COURSE.includes(course.status) && !hasOpen;
  const canRecertify = author && course.status === 'APPROVED' && !hasOpen;
  const standards = standardsResult.data?.trainingStandards;

  return (
    <CoursesScope>
      <title>{`${course.title} · CPSS Platform`}</title>
      <p>
        <Link to="/courses">← Courses</Link>
      </p>
      <h1 data-testid="course-title">{course.title}</h1>
      {result.error && <ErrorAlert error={result.error} title="Could not refresh the course" onRetry={reload} />}

      <CourseFacts course={course} />
      {author && EDITABLE_COURSE.includes(course.status) && !hasOpen && <EditCourse course={course} onSaved={reload} />}

      <Title order={2} mt="xl" mb="sm">
        Submission for approval
      </Title>
      {standardsResult.error && <ErrorAlert error={standardsResult.error} title="Could not load the training standards" onRetry={() => reexecuteStandards({ requestPolicy: 'network-only' })} />}
      {startingPurpose ? (
        <Paper withBorder p="lg">
          <Title order={3} mb="sm">
            {startingPurpose === 'RECERTIFICATION' ? 'New recertification submission' : 'New submission'}
          </Title>
          {standards ? (
            <ContentEditor
              course={course}
              standards={standards}
              agenda={[]}
              crosswalk={[]}
              findings={new Map()}
              mode={{ kind: 'create', courseId: course.id, purpose: startingPurpose }}
              onSaved={() => {
                setStartingPurpose(null);
                reload();
              }}
              onReload={reload}
            />
          ) : (
            !standardsResult.error && <Loading>Loading the training standards…</Loading>
          )}
          <Button mt="md" variant="subtle" color={LINK} onClick={() => setStartingPurpose(null)}>
            Cancel
          </Button>
        </Paper>
      ) : (
        <>
          {canStartInitial && (
            <Paper withBorder p="lg" mb="lg" data-testid="start-submission">
              <Text mb="sm">
                {canStartInitial
                  ? current
                    ? 'The last submission was denied. You can change the course and submit it again as a new submission.'
                    : 'This course has not been submitted yet. Start its submission: the daily agenda and where each core concept is taught; then upload the materials and submit.'
                  : 'This approved course recertifies every few years: start a recertification submission when the program asks for it.'}
              </Text>
              <Button color={PRIMARY} onClick={() => setStartingPurpose(canStartInitial ? 'INITIAL' : 'RECERTIFICATION')}>
                {canStartInitial ? 'Start the submission' : 'Start a recertification submission'}
              </Button>
            </Paper>
          )}
          {current && reviewer && current.status !== 'DRAFT' && (
            <p>
              <Link to={`/course-reviews/${current.id}`} data-testid="open-review">
                Work this submission in the review
              </Link>
            </p>
          )}
          {current && <SubmissionPanel key={current.id} submissionId={current.id} standards={standards ?? null} author={author} onChanged={reload} />}
          {canRecertify && (
            <Paper withBorder p="lg" mt="lg" data-testid="start-submission">
              <Text mb="sm">
                {canStartInitial
                  ? current
                    ? 'The last submission was denied. You can change the course and submit it again as a new submission.'
                    : 'This course has not been submitted yet. Start its submission: the daily agenda and where each core concept is taught; then upload the materials and submit.'
                  : 'This approved course recertifies every few years: start a recertification submission when the program asks for it.'}
              </Text>
              <Button color={PRIMARY} onClick={() => setStartingPurpose(canStartInitial ? 'INITIAL' : 'RECERTIFICATION')}>
                {canStartInitial ? 'Start the submission' : 'Start a recertification submission'}
              </Button>
            </Paper>
          )}
          {!current && !canStartInitial && !canRecertify && <p className="muted">No submission yet.</p>}
        </>
      )}

      {earlier.length > 0 && (
        <>
          <Title order={2} mt="xl" mb="sm">
            Earlier submissions
          </Title>
          <List data-testid="earlier-submissions">
            {earlier.map((s) => (
              <List.Item key={s.id}>
                {enumWords(s.purpose)} · <SubmissionStatusBadge status={s.status} /> · attempt {s.attempt}
                {s.submittedOn && ` · submitted ${s.submittedOn}`}
                {s.decidedOn && ` · decided ${s.decidedOn}`}
              </List.Item>
            ))}
          </List>
        </>
      )}

      <Title order={2} mt="xl" mb="sm">
        Course approval history
      </Title>
      <Timeline entries={course.timeline} testId="course-timeline" />
    </CoursesScope>
  );
}

function Fact({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function CourseFacts({
  course,
}: {
  course: { kind: Parameters<typeof courseKindLabel>[0]; faceToFaceHours: number; preWorkHours: number; childAndFamily: boolean; status: CourseStatus; approvedOn?: string | null; expiresOn?: string | null };
}) {
  return (
    <dl className="facts card" data-testid="course-facts">
      <Fact term="Approval status">
        <CourseStatusBadge status={course.status} testId="course-status" />
      </Fact>
      <Fact term="Kind">{courseKindLabel(course.kind)}</Fact>
      <Fact term="Hours">
        {formatHours(totalHours(course))} ({formatHours(course.faceToFaceHours)} face-to-face + {formatHours(course.preWorkHours)} pre-work)
      </Fact>
      <Fact term="Children and families">{course.childAndFamily ? 'Yes' : 'No'}</Fact>
      <Fact term="Approved on">{course.approvedOn ?? '—'}</Fact>
      <Fact term="Term ends" testId="course-expires">
        {course.expiresOn ?? '—'}
      </Fact>
    </dl>
  );
}

function EditCourse({
  course,
  onSaved,
}: {
  course: { id: string; title: string; kind: CourseFieldValues['kind']; faceToFaceHours: number; preWorkHours: number; childAndFamily: boolean; version: number };
  onSaved: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<CourseFieldValues>({ title: course.title, kind: course.kind, faceToFaceHours: course.faceToFaceHours, preWorkHours: course.preWorkHours, childAndFamily: course.childAndFamily });
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saving, updateCourse] = useMutation(UpdateCourseMutation);
  if (!open) {
    return (
      <Button variant="outline" color={PRIMARY} onClick={() => setOpen(true)} data-testid="edit-course">
        Edit course details
      </Button>
    );
  }
  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!values.title.trim()) problems['title'] = 'Enter the course title';
    if (!values.kind) problems['kind'] = 'Choose the kind of course';
    if (values.faceToFaceHours === '') problems['faceToFaceHours'] = 'Enter the face-to-face hours';
    setLocal(problems);
    if (Object.keys(problems).length > 0 || !values.kind) return;
    const r = await updateCourse({
      input: {
        courseId: course.id,
        expectedVersion: course.version,
        title: values.title.trim(),
        kind: values.kind,
        faceToFaceHours: Number(values.faceToFaceHours),
        preWorkHours: values.preWorkHours === '' ? 0 : Number(values.preWorkHours),
        childAndFamily: values.childAndFamily,
      },
    });
    if (!r.error) {
      setOpen(false);
      onSaved();
    }
  }
  return (
    <Paper withBorder p="lg" maw={640}>
      <form onSubmit={save} noValidate aria-busy={saving.fetching}>
        <Title order={2} size="h3" mb="sm">
          Edit course details
        </Title>
        <MutationError error={saving.error} what="The course was not saved" onReload={onSaved} placedFields={['title', 'kind', 'faceToFaceHours', 'preWorkHours', 'childAndFamily']} />
        <CourseFields idPrefix="edit-course" values={values} onChange={setValues} local={local} problems={fieldProblems(saving.error)} />
        <Group mt="md">
          <Button type="submit" color={PRIMARY} loading={saving.fetching}>
            Save course
          </Button>
          <Button variant="subtle" color={LINK} onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

interface PolicyValues {
  submissionWindows?: { from: { month: number; day: number }; to: { month: number; day: number } }[];
  submissionsPaused?: boolean;
  submissionFeeUsd?: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const md = (d: { month: number; day: number }) => `${MONTHS[d.month - 1] ?? d.month} ${d.day}`;

function SubmissionPanel({
  submissionId,
  standards,
  author,
  onChanged,
}: {
  submissionId: string;
  standards: StandardsShape | null;
  author: boolean;
  onChanged: () => void;
}) {
  const [result, reexecute] = useQuery({ query: CourseSubmissionQuery, variables: { id: submissionId } });
  const [policy] = useQuery({ query: TrainingPolicyInForceQuery });
  const [submitting, submit] = useMutation(SubmitSubmissionMutation);
  const [resubmitting, resubmit] = useMutation(ResubmitSubmissionMutation);
  const [errorVersion, setErrorVersion] = useState<number | null>(null);
  const reload = () => {
    reexecute({ requestPolicy: 'network-only' });
    onChanged();
  };
  const s = result.data?.courseSubmission;
  const findingsByAttempt = useMemo(() => {
    const m = new Map<number, FindingShape[]>();
    for (const f of s?.conceptReviews ?? []) m.set(f.attempt, [...(m.get(f.attempt) ?? []), f]);
    return m;
  }, [s?.conceptReviews]);

  if (result.error && !s) return <ErrorAlert error={result.error} title="Could not load the submission" onRetry={reload} />;
  if (!s) return <Loading>Loading the submission…</Loading>;

  const editable = author && EDITABLE_SUBMISSION.includes(s.status);
  // The findings to answer: those of the latest attempt that has any.
  const attempts = [...findingsByAttempt.keys()].sort((a, b) => b - a);
  const latestFindings = new Map((findingsByAttempt.get(attempts[0] ?? -1) ?? []).map((f) => [f.conceptId, f]));
  const conceptById = new Map((standards?.domains ?? []).flatMap((d) => d.coreConcepts).map((c) => [c.id, c]));
  const missing = REQUIRED_MATERIALS.filter((k) => !s.materials.some((m) => m.kind === k));
  const lastReason = [...s.timeline].reverse().find((t) => t.toStatus === s.status)?.reason;
  const values = (policy.data?.trainingPolicyInForce.values ?? {}) as PolicyValues;
  // A refusal is about the submission as it was; once it changes (an upload, a save) it no longer applies.
  const actionError = errorVersion === s.version ? (submitting.error ?? resubmitting.error) : undefined;

  return (
    <Stack gap="lg" data-testid="submission">
      <dl className="facts card" data-testid="submission-facts">
        <Fact term="Status">
          <SubmissionStatusBadge status={s.status} testId="submission-status" />
        </Fact>
        <Fact term="Purpose">{enumWords(s.purpose)}</Fact>
        <Fact term="Attempt" testId="submission-attempt">
          {s.attempt === 1 ? 'First submission' : `Resubmission (attempt ${s.attempt})`}
        </Fact>
        <Fact term="Submitted on">{s.submittedOn ?? 'Not yet'}</Fact>
        <Fact term="Submission fee">{formatUsd(s.feeUsd)}</Fact>
        <Fact term="Review clock">
          <ReviewClock clock={s.reviewClock} testId="review-clock" />
        </Fact>
        {s.decidedOn && <Fact term="Decided on">{s.decidedOn}</Fact>}
      </dl>
      {result.error && <ErrorAlert error={result.error} title="Could not refresh the submission" onRetry={reload} />}

      <SubmissionOutcome status={s.status} attempt={s.attempt} reason={lastReason} />

      {attempts.length > 0 && (
        <Paper withBorder p="lg" data-testid="reviewer-comments">
          <Title order={3} mb="sm">
            Review team&apos;s findings
          </Title>
          {attempts.map((attempt) => (
            <div key={attempt}>
              <Text fw={600} size="sm" mb={4}>
                Attempt {attempt}: {findingsByAttempt.get(attempt)!.filter((f) => !f.met).length} not met of {findingsByAttempt.get(attempt)!.length} reviewed
              </Text>
              <Table.ScrollContainer minWidth={560} type="native">
                <Table withTableBorder aria-label={`Findings of attempt ${attempt}`} mb="md">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Core concept</Table.Th>
                      <Table.Th scope="col">Finding</Table.Th>
                      <Table.Th scope="col">Comment</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...findingsByAttempt.get(attempt)!]
                      // Not met first, then by concept code.
                      .sort((a, b) => Number(a.met) - Number(b.met) || (conceptById.get(a.conceptId)?.code ?? '').localeCompare(conceptById.get(b.conceptId)?.code ?? '', undefined, { numeric: true }))
                      .map((f) => {
                        const c = conceptById.get(f.conceptId);
                        return (
                          <Table.Tr key={f.conceptId} data-testid="finding-row">
                            <Table.Th scope="row">{c ? `${c.code} ${c.statement}` : f.conceptId}</Table.Th>
                            <Table.Td>
                              <Text fw={700} size="sm" c={f.met ? GOOD : BAD}>
                                {f.met ? 'Met' : 'Not met'}
                              </Text>
                            </Table.Td>
                            <Table.Td>{f.comment || '—'}</Table.Td>
                          </Table.Tr>
                        );
                      })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </div>
          ))}
        </Paper>
      )}

      <Paper withBorder p="lg">
        <Title order={3} mb="sm">
          Agenda and crosswalk
        </Title>
        {editable && standards ? (
          <ContentEditor
            key={`${s.id}:${s.status}:${s.attempt}`}
            course={s.course}
            standards={standards}
            agenda={s.agenda}
            crosswalk={s.crosswalk}
            findings={s.status === 'TECHNICAL_ASSISTANCE' ? latestFindings : new Map()}
            mode={{ kind: 'update', submissionId: s.id, version: s.version }}
            onSaved={() => reexecute({ requestPolicy: 'network-only' })}
            onReload={reload}
          />
        ) : (
          <ContentView agenda={s.agenda} crosswalk={s.crosswalk} standards={standards} findings={latestFindings} />
        )}
      </Paper>

      <Paper withBorder p="lg">
        <Title order={3} mb="sm">
          Materials
        </Title>
        <MaterialsPanel submissionId={s.id} materials={s.materials} editable={editable} onUploaded={() => reexecute({ requestPolicy: 'network-only' })} />
      </Paper>

      {author && (s.status === 'DRAFT' || s.status === 'TECHNICAL_ASSISTANCE') && (
        <Paper withBorder p="lg" data-testid="submit-card">
          <Title order={3} mb="sm">
            {s.status === 'DRAFT' ? 'Submit for review' : 'Resubmit'}
          </Title>
          {s.status === 'DRAFT' && s.purpose === 'INITIAL' && values.submissionWindows && (
            <Text size="sm" mb="xs" data-testid="submission-window">
              New courses are accepted {values.submissionWindows.map((w) => `${md(w.from)}–${md(w.to)}`).join(' and ')}
              {values.submissionFeeUsd != null && `; the submission fee is ${formatUsd(values.submissionFeeUsd)}`}.
              {values.submissionsPaused && <strong> The program has paused new course submissions.</strong>}
            </Text>
          )}
          {s.status === 'TECHNICAL_ASSISTANCE' && (
            <Text size="sm" mb="xs">
              Answer the review team&apos;s findings (change the crosswalk and agenda above, upload revised materials), then resubmit. One resubmission is allowed; a second failed review ends in denial.
            </Text>
          )}
          {missing.length > 0 ? (
            <Text size="sm" mb="xs" data-testid="missing-materials">
              Still missing: {missing.map((k) => MATERIAL_LABELS[k]).join(', ')}.
            </Text>
          ) : (
            <Text size="sm" mb="xs">
              Every required material is uploaded.
            </Text>
          )}
          <MutationError error={actionError} what={s.status === 'DRAFT' ? 'The course was not submitted' : 'The course was not resubmitted'} onReload={reload} testId="submit-error" />
          <Button
            mt="xs"
            color={PRIMARY}
            loading={submitting.fetching || resubmitting.fetching}
            onClick={async () => {
              const input = { submissionId: s.id, expectedVersion: s.version };
              const r = s.status === 'DRAFT' ? await submit({ input }) : await resubmit({ input });
              if (r.error) setErrorVersion(s.version);
              else reload();
            }}
          >
            {s.status === 'DRAFT' ? 'Submit for review' : 'Resubmit for review'}
          </Button>
        </Paper>
      )}

      <Paper withBorder p="lg">
        <Title order={3} mb="sm">
          Review timeline
        </Title>
        <Timeline entries={s.timeline} testId="submission-timeline" />
      </Paper>
    </Stack>
  );
}

function SubmissionOutcome({ status, attempt, reason }: { status: CourseSubmissionStatus; attempt: number; reason: string | null | undefined }) {
  const note = reason ? (
    <Text size="sm" mt={4} data-testid="decision-reason">
      {reason}
    </Text>
  ) : null;
  if (status === 'TECHNICAL_ASSISTANCE') {
    return (
      <Alert color={WARN} variant="outline" title="The review team asked for changes (technical assistance)" data-testid="submission-outcome">
        <Text size="sm">
          Read their notes and the findings per concept, change what they ask, then resubmit.{attempt === 1 ? ' This is your one resubmission.' : ''}
        </Text>
        {note}
      </Alert>
    );
  }
  if (status === 'APPROVED') {
    return (
      <Alert color={GOOD} variant="outline" title="Approved" data-testid="submission-outcome">
        <Text size="sm">Every core concept was met. Registered trainers may now schedule sessions of this course.</Text>
        {note}
      </Alert>
    );
  }
  if (status === 'DENIED') {
    return (
      <Alert color={BAD} variant="outline" title="Denied" data-testid="submission-outcome">
        <Text size="sm">The review ended in a denial{attempt > 1 ? ' after the resubmission' : ''}.</Text>
        {note}
      </Alert>
    );
  }
  if (status === 'RECEIVED' || status === 'TEAM_REVIEW') {
    return (
      <Alert color="blue.9" variant="outline" title="Under review" data-testid="submission-outcome">
        <Text size="sm">{status === 'RECEIVED' ? 'The program received the submission; its format is checked first.' : 'The review team is judging every core concept.'}</Text>
        {note}
      </Alert>
    );
  }
  return null;
}

/** The agenda and crosswalk as submitted, with the review team's latest finding beside each concept. */
export function ContentView({
  agenda,
  crosswalk,
  standards,
  findings,
}: {
  agenda: readonly { id: string; day: number; title: string; hours: number }[];
  crosswalk: readonly { conceptId: string; material: keyof typeof MATERIAL_LABELS; location: string; agendaBlock: string }[];
  standards: StandardsShape | null;
  findings: ReadonlyMap<string, FindingShape>;
}) {
  const byConcept = new Map(crosswalk.map((c) => [c.conceptId, c]));
  return (
    <Stack gap="md" data-testid="content-view">
      <AgendaTable agenda={agenda} />
      {!standards && <Loading>Loading the training standards…</Loading>}
      {standards?.domains.map((d) => (
        <div key={d.id}>
          <Title order={4} mb={4}>
            Domain {d.number}: {d.name}
          </Title>
          <Stack gap="xs">
            {d.coreConcepts.map((c) => {
              const entry = byConcept.get(c.id);
              const finding = findings.get(c.id);
              return (
                <Paper key={c.id} withBorder p="xs" data-testid={`concept-view-${c.code}`}>
                  <Text size="sm" fw={600}>
                    {c.code} {c.statement}
                  </Text>
                  <Text size="sm">{entry ? `${MATERIAL_LABELS[entry.material]} · ${entry.location} · ${entry.agendaBlock}` : 'Not in the crosswalk'}</Text>
                  {finding && <FindingNote finding={finding} />}
                </Paper>
              );
            })}
          </Stack>
        </div>
      ))}
    </Stack>
  );
}
