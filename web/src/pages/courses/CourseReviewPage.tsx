// The training reviewer works one course submission: the format check of a received submission,
// then the team review concept by concept (met or not, with a comment; required when not met),
// then the decision with its note (the technical-assistance notes when concepts are not met).
// The server decides the outcome from the findings: approved when every concept is met, else
// technical assistance (while the one resubmission is left) or denial. Every write sends the
// version the reviewer saw; CONFLICT says someone else changed the submission and offers a reload.
import { Alert, Button, Fieldset, Group, Paper, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { memo, useCallback, useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert, Loading } from '../../components/Status';
import { Timeline } from '../../components/Timeline';
import { courseKindLabel, formatHours } from '../../format';
import { fieldProblems } from '../../graphql';
import type { CourseSubmissionDetailQuery } from '../../gql/graphql';
import { enumWords } from '../../labels';
import type { StandardsShape } from './ContentEditor';
import { CheckFormatMutation, CourseSubmissionQuery, DecideSubmissionMutation, ReviewConceptsMutation, TrainingPolicyInForceQuery, TrainingStandardsQuery } from './documents';
import { MaterialsPanel } from './Materials';
import { BAD, formatUsd, GOOD, MATERIAL_LABELS, MutationError, PRIMARY, ReviewClock, SubmissionStatusBadge, totalHours, WARN, CoursesScope, AgendaTable } from './shared';

type Submission = CourseSubmissionDetailQuery['courseSubmission'];

export function CourseReviewPage() {
  const { id = '' } = useParams();
  const [result, reexecute] = useQuery({ query: CourseSubmissionQuery, variables: { id } });
  const [standardsResult, reexecuteStandards] = useQuery({ query: TrainingStandardsQuery });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const s = result.data?.courseSubmission;

  if (result.error && !s) {
    return (
      <>
        <title>Course review · CPSS Platform</title>
        <p>
          <Link to="/course-reviews">← Course reviews</Link>
        </p>
        <h1>Course review</h1>
        <ErrorAlert error={result.error} title="Could not load the submission" onRetry={reload} />
      </>
    );
  }
  if (!s) return <Loading>Loading the submission…</Loading>;
  const standards = standardsResult.data?.trainingStandards;

  return (
    <CoursesScope>
      <title>{`Review of ${s.course.title} · CPSS Platform`}</title>
      <p>
        <Link to="/course-reviews">← Course reviews</Link>
      </p>
      <h1>Review: {s.course.title}</h1>
      <p>
        <Link to={`/courses/${s.course.id}`}>The course and its earlier submissions</Link>
      </p>
      <dl className="facts card" data-testid="review-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <SubmissionStatusBadge status={s.status} testId="review-status" />
          </dd>
        </div>
        <div>
          <dt>Course</dt>
          <dd>
            {courseKindLabel(s.course.kind)} · {formatHours(totalHours(s.course))} hours ({formatHours(s.course.faceToFaceHours)} face-to-face + {formatHours(s.course.preWorkHours)} pre-work)
          </dd>
        </div>
        <div>
          <dt>Purpose</dt>
          <dd>
            {enumWords(s.purpose)} · {s.attempt === 1 ? 'first submission' : `resubmission (attempt ${s.attempt})`}
          </dd>
        </div>
        <div>
          <dt>Submitted on</dt>
          <dd>{s.submittedOn ?? 'Not yet'}</dd>
        </div>
        <div>
          <dt>Fee</dt>
          <dd>{formatUsd(s.feeUsd)}</dd>
        </div>
        <div>
          <dt>Review clock</dt>
          <dd>
            <ReviewClock clock={s.reviewClock} testId="review-clock" />
          </dd>
        </div>
        {s.decidedOn && (
          <div>
            <dt>Decided on</dt>
            <dd>{s.decidedOn}</dd>
          </div>
        )}
      </dl>
      {result.error && <ErrorAlert error={result.error} title="Could not refresh the submission" onRetry={reload} />}
      <Outcome submission={s} />

      <Stack gap="lg" mt="lg">
        {s.status === 'RECEIVED' && <FormatCheck key={`fc:${s.version}`} submission={s} onChanged={reload} />}

        {standardsResult.error && <ErrorAlert error={standardsResult.error} title="Could not load the training standards" onRetry={() => reexecuteStandards({ requestPolicy: 'network-only' })} />}
        {!standards && !standardsResult.error && <Loading>Loading the training standards…</Loading>}
        {standards && <ConceptReview key={`${s.id}:${s.attempt}:${s.status}`} submission={s} standards={standards} onChanged={reload} />}

        <Paper withBorder p="lg">
          <Title order={2} size="h3" mb="sm">
            Daily agenda
          </Title>
          <AgendaTable testId="review-agenda" agenda={s.agenda} />
        </Paper>

        <Paper withBorder p="lg">
          <Title order={2} size="h3" mb="sm">
            Materials
          </Title>
          <MaterialsPanel submissionId={s.id} materials={s.materials} editable={false} onUploaded={reload} />
        </Paper>

        <Paper withBorder p="lg">
          <Title order={2} size="h3" mb="sm">
            Timeline
          </Title>
          <Timeline entries={s.timeline} testId="review-timeline" />
        </Paper>
      </Stack>
    </CoursesScope>
  );
}

function Outcome({ submission: s }: { submission: Submission }) {
  const reason = [...s.timeline].reverse().find((t) => t.toStatus === s.status)?.reason;
  const note = reason ? (
    <Text size="sm" mt={4} data-testid="review-decision-reason">
      {reason}
    </Text>
  ) : null;
  const text: Partial<Record<Submission['status'], [string, string, string]>> = {
    DRAFT: ['gray.7', 'Not submitted yet', 'The course owner is still preparing this submission.'],
    TECHNICAL_ASSISTANCE: [WARN, 'Decision: technical assistance', 'The course owner has the team’s findings and notes and may resubmit once.'],
    APPROVED: [GOOD, 'Decision: approved', 'Every core concept was met; the course is approved for its term.'],
    DENIED: [BAD, 'Decision: denied', 'The review ended in a denial.'],
  };
  const t = text[s.status];
  if (!t) return null;
  return (
    <Alert color={t[0]} variant="outline" title={t[1]} data-testid="review-outcome">
      <Text size="sm">{t[2]}</Text>
      {note}
    </Alert>
  );
}

function FormatCheck({ submission: s, onChanged }: { submission: Submission; onChanged: () => void }) {
  const [passed, setPassed] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const [checking, check] = useMutation(CheckFormatMutation);
  const problems = fieldProblems(checking.error).filter((p) => p.field === 'comment' || p.field === 'passed');
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (passed === null) return setLocal('Choose whether the format check passed');
    if (passed === 'failed' && !comment.trim()) return setLocal('Say what the course owner must fix');
    setLocal(null);
    const r = await check({ input: { submissionId: s.id, expectedVersion: s.version, passed: passed === 'passed', comment: comment.trim() } });
    if (!r.error) onChanged();
  }
  return (
    <Paper withBorder p="lg" data-testid="format-check">
      <form onSubmit={submit} noValidate aria-busy={checking.fetching}>
        <Title order={2} size="h3" mb="sm">
          Format check
        </Title>
        <Text size="sm" mb="sm">
          Are the crosswalk, agenda and materials complete and in the required format? A failed check sends the submission back for technical assistance
          {s.attempt > 1 ? ' — this is the resubmission, so a failed check denies the course' : ''}.
        </Text>
        <MutationError error={checking.error} what="The format check was not recorded" onReload={onChanged} placedFields={['comment', 'passed']} testId="format-check-error" />
        <Stack gap="sm">
          <Radio.Group label="Result of the format check" value={passed} onChange={setPassed} error={local ?? undefined}>
            <Group mt={4}>
              <Radio color={PRIMARY} value="passed" label="Passed: on to team review" />
              <Radio color={PRIMARY} value="failed" label={s.attempt > 1 ? 'Failed: deny' : 'Failed: technical assistance'} />
            </Group>
          </Radio.Group>
          <Textarea label="Comment to the course owner" autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={problems.map((p) => p.reason).join('; ') || undefined} maxLength={4000} />
          <Group>
            <Button type="submit" color={PRIMARY} loading={checking.fetching}>
              Record format check
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

type Judgement = { met: 'met' | 'not' | null; comment: string };

function ConceptReview({ submission: s, standards, onChanged }: { submission: Submission; standards: StandardsShape; onChanged: () => void }) {
  const concepts = useMemo(() => standards.domains.flatMap((d) => d.coreConcepts), [standards]);
  const crosswalk = new Map(s.crosswalk.map((c) => [c.conceptId, c]));
  const current = new Map(s.conceptReviews.filter((f) => f.attempt === s.attempt).map((f) => [f.conceptId, f]));
  const previous = new Map(s.conceptReviews.filter((f) => f.attempt === s.attempt - 1).map((f) => [f.conceptId, f]));
  const editable = s.status === 'TEAM_REVIEW';
  const [judgements, setJudgements] = useState<Record<string, Judgement>>(() =>
    Object.fromEntries(concepts.map((c) => {
      const f = current.get(c.id);
      return [c.id, { met: f ? (f.met ? 'met' : 'not') : null, comment: f?.comment ?? '' }];
    })),
  );
  const [sent, setSent] = useState<string[]>([]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saving, saveFindings] = useMutation(ReviewConceptsMutation);
  const problems = fieldProblems(saving.error);

  // Before the team review (format check) and after it, the crosswalk reads without the form.
  const readOnly = !editable && current.size === 0;

  const dirty = concepts.some((c) => {
    const j = judgements[c.id]!;
    const f = current.get(c.id);
    if (j.met === null) return false;
    return !f || f.met !== (j.met === 'met') || f.comment !== j.comment.trim();
  });
  const judged = concepts.filter((c) => judgements[c.id]!.met !== null).length;
  const savedCount = concepts.filter((c) => current.has(c.id)).length;

  const set = useCallback((id: string, patch: Partial<Judgement>) => setJudgements((js) => ({ ...js, [id]: { ...js[id]!, ...patch } })), []);

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const chosen = concepts.filter((c) => judgements[c.id]!.met !== null);
    const localProblems: Record<string, string> = {};
    for (const c of chosen) if (judgements[c.id]!.met === 'not' && !judgements[c.id]!.comment.trim()) localProblems[c.id] = 'Say why the concept is not met';
    setLocal(localProblems);
    if (chosen.length === 0 || Object.keys(localProblems).length > 0) return;
    setSent(chosen.map((c) => c.id));
    await saveFindings({
      input: {
        submissionId: s.id,
        expectedVersion: s.version,
        findings: chosen.map((c) => ({ conceptId: c.id, met: judgements[c.id]!.met === 'met', comment: judgements[c.id]!.comment.trim() || null })),
      },
    });
  }

  // The server names findings by their index in what was sent.
  const serverReasons = (conceptId: string) => {
    const i = sent.indexOf(conceptId);
    return i < 0 ? [] : problems.filter((p) => p.field.startsWith(`findings.${i}.`)).map((p) => p.reason);
  };

  return (
    <CoursesScope>
      <Paper withBorder p="lg" data-testid={readOnly ? 'review-crosswalk' : 'concept-review'}>
        <form onSubmit={save} noValidate aria-busy={saving.fetching}>
          <Title order={2} size="h3" mb="xs">
            {readOnly ? 'Crosswalk: where each core concept is taught' : 'Team review: every core concept'}
          </Title>
          {!readOnly && (
            <Text size="sm" mb="sm" role="status" data-testid="concept-review-progress">
              {judged} of {concepts.length} concepts judged · {savedCount} saved for attempt {s.attempt}
              {dirty ? ' · unsaved changes' : ''}
            </Text>
          )}
          <MutationError error={saving.error} what="The findings were not saved" onReload={onChanged} placedFields={['findings']} testId="concept-review-error" />
          {editable && (
            <Group mb="sm">
              <Button
                variant="outline"
                color={PRIMARY}
                onClick={() => setJudgements((js) => Object.fromEntries(Object.entries(js).map(([k, j]) => [k, j.met === null ? { ...j, met: 'met' } : j])))}
              >
                Mark every concept not yet judged as met
              </Button>
            </Group>
          )}
          <Stack gap="md">
            {standards.domains.map((d) => (
              <Fieldset key={d.id} legend={`Domain ${d.number}: ${d.name}`} variant="filled">
                <Stack gap="sm">
                  {d.coreConcepts.map((c) => (
                    <ReviewConceptRow
                      key={c.id}
                      concept={c}
                      entry={crosswalk.get(c.id)}
                      judgement={judgements[c.id]!}
                      previous={previous.get(c.id)}
                      saved={current.get(c.id)}
                      attempt={s.attempt}
                      editable={editable}
                      error={[...(local[c.id] ? [local[c.id]!] : []), ...serverReasons(c.id)].join('; ') || undefined}
                      onChange={set}
                    />
                  ))}
                </Stack>
              </Fieldset>
            ))}
          </Stack>
          {editable && (
            <Group mt="md">
              <Button type="submit" color={PRIMARY} loading={saving.fetching} data-testid="save-findings">
                Save findings
              </Button>
              {!dirty && savedCount > 0 && !saving.error && (
                <Text size="sm" role="status" data-testid="findings-saved">
                  Findings saved.
                </Text>
              )}
            </Group>
          )}
        </form>
      </Paper>
      {editable && <Decision submission={s} conceptCount={concepts.length} savedFindings={[...current.values()]} dirty={dirty} onChanged={onChanged} />}
    </CoursesScope>
  );
}

function Decision({
  submission: s,
  conceptCount,
  savedFindings,
  dirty,
  onChanged,
}: {
  submission: Submission;
  conceptCount: number;
  savedFindings: { met: boolean }[];
  dirty: boolean;
  onChanged: () => void;
}) {
  const [policy] = useQuery({ query: TrainingPolicyInForceQuery });
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const [deciding, decide] = useMutation(DecideSubmissionMutation);
  const allowed = Number((policy.data?.trainingPolicyInForce.values as { resubmissionsAllowed?: number } | undefined)?.resubmissionsAllowed ?? 1);
  const unreviewed = conceptCount - savedFindings.length;
  const notMet = savedFindings.filter((f) => !f.met).length;
  const outcome = notMet === 0 ? 'approve' : s.attempt - 1 < allowed ? 'assist' : 'deny';
  const button = { approve: 'Approve the course', assist: 'Send back for technical assistance', deny: 'Deny the course' }[outcome];
  const reasonProblems = fieldProblems(deciding.error).filter((p) => p.field === 'reason');

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!reason.trim()) return setLocal(outcome === 'assist' ? 'Write the technical-assistance notes for the course owner' : 'Write the decision note');
    setLocal(null);
    const r = await decide({ input: { submissionId: s.id, expectedVersion: s.version, reason: reason.trim() } });
    if (!r.error) onChanged();
  }

  return (
    <Paper withBorder p="lg" data-testid="decision">
      <form onSubmit={submit} noValidate aria-busy={deciding.fetching}>
        <Title order={2} size="h3" mb="xs">
          Decision
        </Title>
        <Text size="sm" mb="sm" data-testid="decision-preview">
          {unreviewed > 0
            ? `${unreviewed} of ${conceptCount} concepts have no saved finding yet; every concept must be judged before deciding.`
            : notMet === 0
              ? 'Every core concept is met: deciding approves the course.'
              : outcome === 'assist'
                ? `${notMet} concept${notMet === 1 ? ' is' : 's are'} not met: deciding sends the course back for technical assistance (the owner may resubmit once).`
                : `${notMet} concept${notMet === 1 ? ' is' : 's are'} not met on the resubmission: deciding denies the course.`}
        </Text>
        <MutationError error={deciding.error} what="The decision was not recorded" onReload={onChanged} placedFields={['reason']} testId="decision-error" />
        <Stack gap="sm">
          <Textarea
            label={outcome === 'assist' ? 'Technical-assistance notes to the course owner' : 'Decision note to the course owner'}
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={[...(local ? [local] : []), ...reasonProblems.map((p) => p.reason)].join('; ') || undefined}
            maxLength={4000}
          />
          {dirty && (
            <Text size="sm" role="status">
              Save the findings first: the decision uses the saved findings.
            </Text>
          )}
          <Group>
            <Button type="submit" color={outcome === 'approve' ? PRIMARY : BAD} loading={deciding.fetching} disabled={dirty} data-testid="decide">
              {button}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

type Finding = Submission['conceptReviews'][number];

/** One concept's finding; memoized so judging one concept re-renders only that one. */
const ReviewConceptRow = memo(function ReviewConceptRow({
  concept: c,
  entry,
  judgement: j,
  previous: prev,
  saved,
  attempt,
  editable,
  error,
  onChange,
}: {
  concept: { id: string; code: string; statement: string };
  entry: Submission['crosswalk'][number] | undefined;
  judgement: Judgement;
  previous: Finding | undefined;
  saved: Finding | undefined;
  attempt: number;
  editable: boolean;
  error?: string;
  onChange: (id: string, patch: Partial<Judgement>) => void;
}) {
  return (
    <Paper withBorder p="sm" data-testid={`review-concept-${c.code}`}>
      <Text fw={600} size="sm">
        {c.code} {c.statement}
      </Text>
      <Text size="sm" data-testid="review-concept-crosswalk">
        {entry ? (
          <>
            Taught in: {MATERIAL_LABELS[entry.material]} · {entry.location} · {entry.agendaBlock}
          </>
        ) : (
          <strong>Not in the crosswalk</strong>
        )}
      </Text>
      {prev && (
        <Text size="sm" mt={4}>
          Attempt {prev.attempt}: <strong>{prev.met ? 'Met' : 'Not met'}</strong>
          {prev.comment && ` — ${prev.comment}`}
        </Text>
      )}
      {editable ? (
        <Group align="flex-start" mt="xs" gap="lg" wrap="wrap">
          <Radio.Group label={`Finding for ${c.code}`} value={j.met} onChange={(v) => onChange(c.id, { met: v as Judgement['met'] })}>
            <Group mt={4}>
              <Radio color={PRIMARY} value="met" label="Met" />
              <Radio color={PRIMARY} value="not" label="Not met" />
            </Group>
          </Radio.Group>
          <Textarea
            label={`Comment for ${c.code}${j.met === 'not' ? ' (required)' : ''}`}
            style={{ flex: '1 1 280px' }}
            autosize
            minRows={1}
            value={j.comment}
            onChange={(e) => onChange(c.id, { comment: e.currentTarget.value })}
            error={error ? <span data-testid={`review-concept-${c.code}-error`}>{error}</span> : undefined}
            maxLength={4000}
          />
        </Group>
      ) : (
        saved && (
          <Text size="sm" mt={4}>
            Attempt {attempt}: <strong>{saved.met ? 'Met' : 'Not met'}</strong>
            {saved.comment && ` — ${saved.comment}`}
          </Text>
        )
      )}
    </Paper>
  );
});
