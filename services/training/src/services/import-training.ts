// The training domain's import kinds (services/import.service.ts runs them on server-kit's engine):
//
// COURSES: approved courses, by course code (the natural key; courses made in the platform have
//   none). The approval term is approved_on .. expires_on; the status follows from it as the
//   course-expiry job derives it (APPROVED through expires_on, EXPIRED after), so the file has no
//   status column that could disagree with its dates. The hours obey the training policy in force
//   (CourseService.hoursProblems: a core PSS course has the policy's face-to-face and pre-work
//   hours), as a course made in the platform does.
// TRAINERS: a trainer's registration for a course, by (certification number, course code): the
//   person is the certification number's holder (asked of certification), the course one in the
//   platform (made there or imported earlier). Stored as registerTrainer stores it. Whether the
//   trainer may teach (certification, sanctions) is asked when they schedule a session, as for a
//   registration made in the platform.
// TRAINING_COMPLETIONS: a completion of one of the platform's courses, by (certification number,
//   course code, completed_on); its kind, title and child-and-family flag are the course's, its
//   hours the course's unless given (at most the course's). Source LEGACY (the record before the
//   platform); one completed after the course's term is kept but does not count, as elsewhere.
import { CompletionSource, CourseKind, CourseStatus } from '@cpss/domain';
import { isIsoDate, recordStatusChange, type CsvImportKind, type ImportProblem, type ParsedRow, type RowOutcome } from '@cpss/server-kit';
import { Any, In, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { Course } from '../entities/course';
import { TrainerStatus } from '../entities/enums';
import { CourseTrainer } from '../entities/session';
import { TrainingCompletion } from '../entities/training-completion';
import type { CertificationHolders } from './certification-holders';
import type { CourseService } from './course.service';

const KINDS = Object.values(CourseKind) as string[];

const date = () =>
  z.string({ error: (i) => (i.input === undefined ? 'is required' : 'must be a date as YYYY-MM-DD') }).refine(isIsoDate, { message: 'must be a date as YYYY-MM-DD' });
const text = (max: number) =>
  z
    .string({ error: 'is required' })
    .max(max, { message: `must be at most ${max} characters` })
    .refine((v) => !/[\r\n]/.test(v), { message: 'must be on one line' });
const code = () =>
  z
    .string({ error: 'is required' })
    .transform((s) => s.toUpperCase())
    .refine((s) => /^[A-Z0-9][A-Z0-9._-]{1,39}$/.test(s), { message: 'must be 2 to 40 letters, digits, dots, dashes and underscores' });
const certificationNumber = () =>
  z
    .string({ error: 'is required' })
    .transform((s) => s.toUpperCase())
    .refine((s) => /^[A-Z0-9][A-Z0-9-]{1,39}$/.test(s), { message: 'must be 2 to 40 letters, digits and dashes' });
const hours = (min: number, max: number) =>
  z
    .string({ error: 'is required' })
    .refine((s) => /^\d{1,3}(\.\d{1,2})?$/.test(s), { message: 'must be a number of hours (up to 2 decimals)' })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `must be from ${min} to ${max}` });
const yesNo = () =>
  z
    .string()
    .transform((s) => s.toLowerCase())
    .refine((s) => ['true', 'false', 'yes', 'no', '1', '0'].includes(s), { message: 'must be true or false (yes or no)' })
    .transform((s) => s === 'true' || s === 'yes' || s === '1');

const upper = (s: string) => s.toUpperCase();

/** The database's courses of these codes. */
async function coursesByCode(manager: EntityManager, codes: string[]): Promise<Map<string, Course>> {
  const found = codes.length ? await manager.getRepository(Course).find({ where: { code: Any([...new Set(codes)]) } }) : [];
  return new Map(found.map((c) => [c.code!, c]));
}

// ---------------------------------------------------------------------------- COURSES

export const COURSES_COLUMNS = [
  { name: 'course_code', required: true },
  { name: 'title', required: true },
  { name: 'kind', required: true },
  { name: 'face_to_face_hours', required: true },
  { name: 'pre_work_hours' },
  { name: 'child_and_family' },
  { name: 'owner_account_id', required: true },
  { name: 'approved_on', required: true },
  { name: 'expires_on', required: true },
] as const;

export interface CourseRow {
  course_code: string;
  title: string;
  kind: CourseKind;
  face_to_face_hours: number;
  pre_work_hours: number;
  child_and_family: boolean;
  owner_account_id: string;
  approved_on: string;
  expires_on: string;
}

export function coursesSchema(today: string, core: { faceToFace: number; preWork: number }, courses: Pick<CourseService, 'hoursProblems'>) {
  const columnOf: Record<string, string> = { 'input.faceToFaceHours': 'face_to_face_hours', 'input.preWorkHours': 'pre_work_hours' };
  return z
    .object({
      course_code: code(),
      title: text(200),
      kind: z
        .string({ error: 'is required' })
        .transform(upper)
        .refine((s) => KINDS.includes(s), { message: `is not a course kind (${KINDS.join(', ')})` })
        .transform((s) => s as CourseKind),
      face_to_face_hours: hours(0.5, 500),
      pre_work_hours: hours(0, 500).default(0),
      child_and_family: yesNo().default(false),
      owner_account_id: z
        .string({ error: 'is required' })
        .transform((s) => s.toLowerCase())
        .refine((s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s), { message: "must be the curriculum developer's account id (a uuid)" }),
      approved_on: date(),
      expires_on: date(),
    })
    .superRefine((r, ctx) => {
      const at = (column: string, message: string) => ctx.addIssue({ code: 'custom', path: [column], message });
      if (r.approved_on > today) at('approved_on', `must not be after today (${today})`);
      if (r.expires_on <= r.approved_on) at('expires_on', `must be after approved_on (${r.approved_on})`);
      for (const p of courses.hoursProblems({ title: r.title, kind: r.kind, faceToFaceHours: r.face_to_face_hours, preWorkHours: r.pre_work_hours, childAndFamily: r.child_and_family }, core)) {
        at(columnOf[p.field] ?? 'face_to_face_hours', p.reason);
      }
    });
}

/** The status a course's approval term gives on `today` (the course-expiry job's rule). */
export const courseStatusOn = (expiresOn: string, today: string) => (expiresOn < today ? CourseStatus.Expired : CourseStatus.Approved);

export function coursesKind(options: { today: string; core: { faceToFace: number; preWork: number }; courses: Pick<CourseService, 'hoursProblems'>; actor: string; importRunId: string }): CsvImportKind<CourseRow> {
  const { today } = options;
  return {
    name: 'COURSES',
    columns: COURSES_COLUMNS,
    schema: coursesSchema(today, options.core, options.courses) as unknown as z.ZodType<CourseRow>,
    keyColumn: 'course_code',
    normalizeKey: upper,

    async check(rows, manager) {
      // A course made in the platform has no code; an imported one is only ever changed by imports.
      const problems: ImportProblem[] = [];
      const existing = await coursesByCode(manager, rows.map((r) => r.row.course_code));
      for (const r of rows) {
        const c = existing.get(r.row.course_code);
        if (c && c.status !== CourseStatus.Approved && c.status !== CourseStatus.Expired) {
          problems.push({ line: r.line, column: 'course_code', reason: `is a course that is ${c.status} in the platform: an import records approved courses only` });
        }
      }
      return problems;
    },

    async writeBatch(tx, rows) {
      const repo = tx.getRepository(Course);
      const existing = await coursesByCode(tx, rows.map((r) => r.row.course_code));
      const outcomes: RowOutcome[] = [];
      for (const r of rows) {
        const want = {
          code: r.row.course_code,
          title: r.row.title,
          kind: r.row.kind,
          faceToFaceHours: r.row.face_to_face_hours,
          preWorkHours: r.row.pre_work_hours,
          childAndFamily: r.row.child_and_family,
          ownerId: r.row.owner_account_id,
          approvedOn: r.row.approved_on,
          expiresOn: r.row.expires_on,
          status: courseStatusOn(r.row.expires_on, today),
        };
        const course = existing.get(r.row.course_code);
        const facts = { importRunId: options.importRunId, approvedOn: want.approvedOn, expiresOn: want.expiresOn };
        if (!course) {
          const saved = await repo.save(repo.create({ ...want, version: 1 }));
          await recordStatusChange(tx, { subjectType: 'Course', subjectId: saved.id, from: null, to: want.status, actor: options.actor, reason: 'imported', facts });
          outcomes.push('created');
          continue;
        }
        const differs = (Object.keys(want) as (keyof typeof want)[]).filter((k) => course[k] !== want[k]);
        if (!differs.length) {
          outcomes.push('unchanged');
          continue;
        }
        const from = course.status;
        Object.assign(course, want, { version: course.version + 1 });
        await repo.save(course);
        if (from !== want.status) await recordStatusChange(tx, { subjectType: 'Course', subjectId: course.id, from, to: want.status, actor: options.actor, reason: 'imported', facts });
        outcomes.push('updated');
      }
      return outcomes;
    },
  };
}

// ---------------------------------------------------------------------------- TRAINERS

export const TRAINERS_COLUMNS = [
  { name: 'certification_number', required: true },
  { name: 'course_code', required: true },
  { name: 'registered_on', required: true },
] as const;

export interface TrainerRow {
  certification_number: string;
  course_code: string;
  registered_on: string;
}

/** Each row's person (certification's answer) and course (this database's), or a problem on the line. */
async function resolvePeopleAndCourses<Row extends { certification_number: string; course_code: string }>(
  rows: ParsedRow<Row>[],
  manager: EntityManager,
  holders: CertificationHolders,
  requestId: string | undefined,
): Promise<{ problems: ImportProblem[]; personOf: Map<string, string>; courseOf: Map<string, Course> }> {
  const personOf = await holders.personIdsOf([...new Set(rows.map((r) => r.row.certification_number))], { requestId });
  const courseOf = await coursesByCode(manager, rows.map((r) => r.row.course_code));
  const problems: ImportProblem[] = [];
  for (const r of rows) {
    if (!personOf.has(r.row.certification_number)) problems.push({ line: r.line, column: 'certification_number', reason: `names ${r.row.certification_number}: no person in the platform holds that certification number` });
    if (!courseOf.has(r.row.course_code)) problems.push({ line: r.line, column: 'course_code', reason: `names ${r.row.course_code}: no course in the platform has that code (import the courses first)` });
  }
  return { problems, personOf, courseOf };
}

export function trainersKind(options: { today: string; holders: CertificationHolders; actor: string; requestId?: string }): CsvImportKind<TrainerRow> {
  const { today } = options;
  /** line -> (person, course), decided by check(). */
  const plans = new Map<number, { personId: string; courseId: string }>();
  return {
    name: 'TRAINERS',
    columns: TRAINERS_COLUMNS,
    schema: z
      .object({ certification_number: certificationNumber(), course_code: code(), registered_on: date() })
      .superRefine((r, ctx) => {
        if (r.registered_on > today) ctx.addIssue({ code: 'custom', path: ['registered_on'], message: `must not be after today (${today})` });
      }) as unknown as z.ZodType<TrainerRow>,
    keyColumn: 'certification_number',
    keyColumns: ['certification_number', 'course_code'],
    normalizeKey: upper,

    async check(rows, manager) {
      const { problems, personOf, courseOf } = await resolvePeopleAndCourses(rows, manager, options.holders, options.requestId);
      for (const r of rows) {
        const personId = personOf.get(r.row.certification_number);
        const course = courseOf.get(r.row.course_code);
        if (personId && course) plans.set(r.line, { personId, courseId: course.id });
      }
      return problems;
    },

    async writeBatch(tx, rows) {
      const repo = tx.getRepository(CourseTrainer);
      const plan = (r: ParsedRow<TrainerRow>) => plans.get(r.line)!;
      const existing = await repo.find({ where: { personId: In([...new Set(rows.map((r) => plan(r).personId))]), courseId: In([...new Set(rows.map((r) => plan(r).courseId))]) } });
      const byKey = new Map(existing.map((t) => [`${t.personId}/${t.courseId}`, t]));
      const outcomes: RowOutcome[] = [];
      const add: Partial<CourseTrainer>[] = [];
      for (const r of rows) {
        const { personId, courseId } = plan(r);
        const have = byKey.get(`${personId}/${courseId}`);
        if (!have) {
          add.push({ courseId, personId, registeredBy: options.actor, registeredOn: r.row.registered_on, status: TrainerStatus.Active });
          outcomes.push('created');
        } else if (have.registeredOn !== r.row.registered_on) {
          // The date only: a removal recorded in the platform stays (an import does not undo it).
          await repo.update({ id: have.id }, { registeredOn: r.row.registered_on });
          outcomes.push('updated');
        } else outcomes.push('unchanged');
      }
      if (add.length) await repo.insert(add);
      return outcomes;
    },
  };
}

// ---------------------------------------------------------------------------- TRAINING_COMPLETIONS

export const TRAINING_COMPLETIONS_COLUMNS = [
  { name: 'certification_number', required: true },
  { name: 'course_code', required: true },
  { name: 'completed_on', required: true },
  { name: 'hours' },
] as const;

export interface CompletionRow {
  certification_number: string;
  course_code: string;
  completed_on: string;
  hours: number | null;
}

export function trainingCompletionsKind(options: { today: string; holders: CertificationHolders; actor: string; requestId?: string }): CsvImportKind<CompletionRow> {
  const { today } = options;
  const plans = new Map<number, { personId: string; course: Course; hours: number }>();
  return {
    name: 'TRAINING_COMPLETIONS',
    columns: TRAINING_COMPLETIONS_COLUMNS,
    schema: z
      .object({ certification_number: certificationNumber(), course_code: code(), completed_on: date(), hours: hours(0.25, 500).nullable().default(null) })
      .superRefine((r, ctx) => {
        if (r.completed_on > today) ctx.addIssue({ code: 'custom', path: ['completed_on'], message: `must not be after today (${today})` });
      }) as unknown as z.ZodType<CompletionRow>,
    keyColumn: 'certification_number',
    keyColumns: ['certification_number', 'course_code', 'completed_on'],
    normalizeKey: upper,

    async check(rows, manager) {
      const { problems, personOf, courseOf } = await resolvePeopleAndCourses(rows, manager, options.holders, options.requestId);
      for (const r of rows) {
        const personId = personOf.get(r.row.certification_number);
        const course = courseOf.get(r.row.course_code);
        if (!personId || !course) continue;
        if (!course.approvedOn) {
          problems.push({ line: r.line, column: 'course_code', reason: `names ${r.row.course_code}, a course that is ${course.status}: only an approved course can be completed` });
          continue;
        }
        if (r.row.completed_on < course.approvedOn) {
          problems.push({ line: r.line, column: 'completed_on', reason: `must not be before the course was approved (${course.approvedOn})` });
          continue;
        }
        const total = course.faceToFaceHours + course.preWorkHours;
        if (r.row.hours !== null && r.row.hours > total) {
          problems.push({ line: r.line, column: 'hours', reason: `must be at most the course's ${total} hours` });
          continue;
        }
        plans.set(r.line, { personId, course, hours: r.row.hours ?? total });
      }
      return problems;
    },

    async writeBatch(tx, rows) {
      const repo = tx.getRepository(TrainingCompletion);
      const plan = (r: ParsedRow<CompletionRow>) => plans.get(r.line)!;
      const existing = await repo.find({
        where: { personId: In([...new Set(rows.map((r) => plan(r).personId))]), courseId: In([...new Set(rows.map((r) => plan(r).course.id))]), completedOn: In([...new Set(rows.map((r) => r.row.completed_on))]) },
      });
      const byKey = new Map(existing.map((c) => [`${c.personId}/${c.courseId}/${c.completedOn}`, c]));
      const outcomes: RowOutcome[] = [];
      const add: Partial<TrainingCompletion>[] = [];
      for (const r of rows) {
        const { personId, course, hours: h } = plan(r);
        const have = byKey.get(`${personId}/${course.id}/${r.row.completed_on}`);
        const want = { courseTitle: course.title, kind: course.kind, hours: h, childAndFamily: course.childAndFamily };
        if (!have) {
          add.push({ personId, courseId: course.id, completedOn: r.row.completed_on, source: CompletionSource.Legacy, enteredBy: options.actor, ...want });
          outcomes.push('created');
        } else if ((Object.keys(want) as (keyof typeof want)[]).some((k) => have[k] !== want[k])) {
          await repo.update({ id: have.id }, want);
          outcomes.push('updated');
        } else outcomes.push('unchanged');
      }
      if (add.length) await repo.insert(add);
      return outcomes;
    },
  };
}
