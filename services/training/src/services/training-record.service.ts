// A person's training record: completions (from sessions here, external providers entered by staff
// with evidence, or the legacy record), batched across the people of one request, and the totals
// certification needs (hours by kind, child/family hours).
import { CompletionSource, COURSE_KINDS, CourseKind, DEMO_COMPLETIONS } from '@cpss/domain';
import { badInput, checkUpload, isIsoDate, failedPrecondition, manyByKey, recordAudit, recordStatusChange, storeDocument, type Clock, type DocumentUpload, type FieldProblem, type Logger, type Principal } from '@cpss/server-kit';
import type { DataSource, Repository } from 'typeorm';
import type { HoursSince } from '../entities/certification';
import { Course } from '../entities/course';
import { TrainingCompletion } from '../entities/training-completion';
import type { TrainingPolicyStore } from '../policy/training-policy';
import { isUuid } from './access';

export interface ExternalCompletionIn {
  personId: string;
  courseTitle: string;
  courseId?: string | null;
  kind: CourseKind;
  hours: number;
  completedOn: string;
  childAndFamily: boolean;
  provider: string;
  evidence: DocumentUpload;
}

export class TrainingRecordService {
  private readonly completions: Repository<TrainingCompletion>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly policy?: TrainingPolicyStore,
    private readonly clock?: Clock,
  ) {
    this.completions = dataSource.getRepository(TrainingCompletion);
  }

  /**
   * Completions per person, newest first, in the order of `personIds`, each marked whether it counts
   * toward certification (its course's approval term covers its date), in one statement.
   */
  async completionsOf(personIds: readonly string[]): Promise<TrainingCompletion[][]> {
    const { entities, raw } = await this.completions
      .createQueryBuilder('t')
      .addSelect(COUNTS_BY_LOOKUP_SQL, 'counts')
      .where('t.person_id in (:...ids)', { ids: [...personIds] })
      .orderBy('t.completed_on', 'DESC')
      .addOrderBy('t.id', 'ASC')
      .getRawAndEntities<{ counts: boolean }>();
    entities.forEach((e, i) => (e.countsTowardCertification = raw[i]!.counts));
    return manyByKey(personIds, entities, (c) => c.personId);
  }

  /**
   * Per person, only what the hour totals need from the completions that count toward certification
   * (kind, hours, date, child/family), in one statement and without building entities: the person
   * view asks totals for a page of people at a time.
   */
  countingFactsOf = async (personIds: readonly string[]): Promise<CompletionFacts[][]> => {
    const ids = personIds.filter(isUuid);
    const rows = ids.length
      ? ((await this.dataSource.query(
          `select t.person_id::text as "personId", t.kind, t.hours::float8 as hours, to_char(t.completed_on, 'YYYY-MM-DD') as "completedOn",
                  t.child_and_family as "childAndFamily", true as "countsTowardCertification"
             from training_completion t
            where t.person_id = any($1::uuid[]) and ${COUNTS_BY_LOOKUP_SQL}`,
          [ids],
        )) as (CompletionFacts & { personId: string })[])
      : [];
    return manyByKey(personIds, rows, (r) => r.personId);
  };

  /**
   * Hours that count toward certification completed after a date, and the Ethics and Peer Support
   * Boundaries hours among them, for many (person, date) pairs in one statement. Keys are
   * `hoursSinceKey(personId, since)`.
   */
  hoursSinceOf = async (keys: readonly string[]): Promise<(HoursSince | Error)[]> => {
    const pairs = keys.map((k) => {
      const [personId = '', since = ''] = k.split('|');
      return { personId, since, valid: isUuid(personId) && isIsoDate(since) };
    });
    const valid = pairs.filter((p) => p.valid);
    const rows = valid.length
      ? ((await this.dataSource.query(
          `select k.person_id::text as person_id, to_char(k.since, 'YYYY-MM-DD') as since,
                  coalesce(sum(t.hours), 0)::float8 as hours,
                  coalesce(sum(t.hours) filter (where t.kind = $3), 0)::float8 as ethics_hours
           from unnest($1::uuid[], $2::date[]) as k(person_id, since)
           left join training_completion t on t.person_id = k.person_id and t.completed_on > k.since and ${COUNTS_BY_LOOKUP_SQL}
           group by k.person_id, k.since`,
          [valid.map((p) => p.personId), valid.map((p) => p.since), CourseKind.EthicsAndBoundaries],
        )) as { person_id: string; since: string; hours: number; ethics_hours: number }[])
      : [];
    const found = new Map(rows.map((r) => [hoursSinceKey(r.person_id, r.since), { hours: r.hours, ethicsHours: r.ethics_hours }]));
    return pairs.map((p, i) => (p.valid ? (found.get(hoursSinceKey(p.personId, p.since)) ?? { hours: 0, ethicsHours: 0 }) : new Error(`not a person id and date: ${keys[i]}`)));
  };

  /** Staff enter training completed elsewhere (college coursework, other providers) with its evidence. */
  async recordExternal(principal: Principal, input: ExternalCompletionIn): Promise<TrainingCompletion> {
    const today = this.clock!.today();
    const { values } = await this.policy!.inForceOn(today);
    const problems: FieldProblem[] = [];
    if (!isUuid(input.personId)) problems.push({ field: 'input.personId', reason: 'is not a person id' });
    if (input.completedOn > today) problems.push({ field: 'input.completedOn', reason: 'must not be in the future' });
    if (input.courseId != null && !isUuid(input.courseId)) problems.push({ field: 'input.courseId', reason: 'is not a course id' });
    const course = input.courseId && isUuid(input.courseId) ? await this.dataSource.getRepository(Course).findOneBy({ id: input.courseId }) : null;
    if (input.courseId && isUuid(input.courseId) && !course) problems.push({ field: 'input.courseId', reason: 'is not a course of the program' });
    if (course && course.kind !== input.kind) problems.push({ field: 'input.kind', reason: `must be the course's kind (${course.kind})` });
    if (problems.length) throw badInput(problems);
    if (course) {
      const term = approvalTermProblem(course, input.completedOn);
      if (term) throw failedPrecondition(`${course.title} was not approved on ${input.completedOn}`, [{ rule: 'courseApprovedOnCompletionDate', reason: term }]);
    }
    const checked = checkUpload(input.evidence, { allowed: ['PDF', 'WORD', 'IMAGE'], maxBytes: values.maxUploadBytes, field: 'input.evidence' });
    return this.dataSource.transaction(async (tx) => {
      const doc = await storeDocument(tx, input.evidence, checked, { ownerPersonId: input.personId, purpose: 'TRAINING_EVIDENCE', uploadedBy: principal.subject });
      await recordAudit(tx, { principal, action: 'create', subjectType: 'Document', subjectId: doc.id, fields: ['evidence'] });
      const repo = tx.getRepository(TrainingCompletion);
      const completion = await repo.save(
        repo.create({
          personId: input.personId, courseTitle: input.courseTitle.trim(), courseId: course?.id ?? null, kind: input.kind, hours: input.hours, completedOn: input.completedOn,
          source: CompletionSource.External, childAndFamily: input.childAndFamily, provider: input.provider.trim(), evidenceDocumentId: doc.id, enteredBy: principal.subject,
        }),
      );
      await recordStatusChange(tx, { subjectType: 'TrainingCompletion', subjectId: completion.id, from: null, to: 'RECORDED', actor: principal, facts: { source: 'EXTERNAL', provider: completion.provider, evidenceDocumentId: doc.id } });
      completion.countsTowardCertification = true;
      return completion;
    });
  }
}

/**
 * A completion counts toward certification unless it is of one of the program's courses and falls
 * outside that course's approval term: before its approval, or after its expiration date. SQL over
 * the completion as `t` left-joined to its course as `c`.
 */
export const hoursSinceKey = (personId: string, since: string) => `${personId.toLowerCase()}|${since}`;

export const COUNTS_SQL = `(t.course_id is null or (c.approved_on is not null and t.completed_on >= c.approved_on and (c.expires_on is null or t.completed_on <= c.expires_on)))`;

/**
 * The same rule for the completions of a few people, with no join: each completion's course is
 * looked up by its key (a subquery per completion through course_pkey). A join lets the planner
 * hash every course for a page of people (it did at ten times the program's scale, three times
 * slower than the look-ups); whole-program totals (the statistics) keep COUNTS_SQL and its join.
 */
export const COUNTS_BY_LOOKUP_SQL = `(t.course_id is null or exists (select 1 from course c where c.id = t.course_id and c.approved_on is not null and t.completed_on >= c.approved_on and (c.expires_on is null or t.completed_on <= c.expires_on)))`;

/** Why a course was not approved on a date, or null when it was (the same rule as COUNTS_SQL). */
export function approvalTermProblem(course: Pick<Course, 'approvedOn' | 'expiresOn'>, on: string): string | null {
  if (!course.approvedOn || on < course.approvedOn) return course.approvedOn ? `the course was approved on ${course.approvedOn}` : 'the course has never been approved';
  if (course.expiresOn && on > course.expiresOn) return `the course's approval ended ${course.expiresOn}`;
  return null;
}

/** The completions whose hours count toward certification. */
/** What the totals read from a completion. */
export type CompletionFacts = Pick<TrainingCompletion, 'kind' | 'hours' | 'completedOn' | 'childAndFamily' | 'countsTowardCertification'>;

export function countingCompletions<C extends CompletionFacts>(completions: readonly C[]): C[] {
  return completions.filter((c) => c.countsTowardCertification);
}

export function totalHours(completions: readonly CompletionFacts[]): number {
  return completions.reduce((sum, c) => sum + c.hours, 0);
}

export function completedSince<C extends CompletionFacts>(completions: readonly C[], since?: string | null): C[] {
  return since ? completions.filter((c) => c.completedOn >= since) : [...completions];
}

export function hoursByKind(completions: readonly CompletionFacts[]): { kind: CourseKind; hours: number }[] {
  return COURSE_KINDS.map((kind) => ({ kind, hours: totalHours(completions.filter((c) => c.kind === kind)) })).filter((k) => k.hours > 0);
}

/** Seeds the demo completions into an empty table (npm start on a new database). */
export async function seedDemoCompletions(dataSource: DataSource, logger: Logger): Promise<void> {
  await dataSource.transaction(async (tx) => {
    const repo = tx.getRepository(TrainingCompletion);
    if ((await repo.count()) > 0) return;
    await repo.insert(DEMO_COMPLETIONS.map((c) => ({ ...c })));
    logger.info({ count: DEMO_COMPLETIONS.length }, 'seeded demo training completions');
  });
}
