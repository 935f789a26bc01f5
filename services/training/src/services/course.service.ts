// Courses: a curriculum developer creates a draft; approval comes from a course submission's review.
import { CourseKind, CourseStatus, type CourseKind as Kind } from '@cpss/domain';
import { badInput, decodeCursor, failedPrecondition, notFound, oneByKey, recordStatusChange, toConnection, validateInput, type Clock, type ConnectionShape, type FieldProblem, type Principal } from '@cpss/server-kit';
import { In, type DataSource } from 'typeorm';
import { Course } from '../entities/course';
import type { TrainingPolicyStore } from '../policy/training-policy';
import { checkVersion, isStaff, isUuid, lockVersioned, requireOwnerOrStaff } from './access';

export interface NewCourse {
  title: string;
  kind: Kind;
  faceToFaceHours: number;
  preWorkHours: number;
  childAndFamily: boolean;
}

export class CourseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: TrainingPolicyStore,
    private readonly clock: Clock,
  ) {}

  async create(principal: Principal, input: NewCourse): Promise<Course> {
    const { values } = await this.policy.inForceOn(this.clock.today());
    this.checkHours(input, values.coreCourseHours);
    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(Course);
      const course = await repo.save(repo.create({ ...input, title: input.title.trim(), ownerId: principal.subject, status: CourseStatus.Draft, version: 1 }));
      await recordStatusChange(tx, { subjectType: 'Course', subjectId: course.id, from: null, to: CourseStatus.Draft, actor: principal });
      return course;
    });
  }

  /** Edits a draft (or a denied course before it is submitted again). */
  async update(principal: Principal, input: NewCourse & { courseId: string; expectedVersion: number }): Promise<Course> {
    const { values } = await this.policy.inForceOn(this.clock.today());
    return this.dataSource.transaction(async (tx) => {
      // Who may comes first: a stranger learns neither the version nor what is wrong with the input.
      const course = await lockVersioned(tx, Course, input.courseId, 'Course');
      requireOwnerOrStaff(principal, course.ownerId, 'course');
      checkVersion(course, input.courseId, 'Course', input.expectedVersion);
      // The input types' own checks (lengths, ranges) and the policy's hours, every field at once.
      await validateInput('input', input, this.hoursProblems(input, values.coreCourseHours));
      if (course.status !== CourseStatus.Draft && course.status !== CourseStatus.Denied) {
        throw failedPrecondition(`A ${course.status} course cannot be edited`, [{ rule: 'courseStatus', reason: 'only a draft or denied course can be edited' }]);
      }
      Object.assign(course, { title: input.title.trim(), kind: input.kind, faceToFaceHours: input.faceToFaceHours, preWorkHours: input.preWorkHours, childAndFamily: input.childAndFamily, version: course.version + 1 });
      return tx.getRepository(Course).save(course);
    });
  }

  async get(principal: Principal, id: string): Promise<Course> {
    const course = isUuid(id) ? await this.dataSource.getRepository(Course).findOneBy({ id }) : null;
    if (!course) throw notFound('Course', id);
    requireOwnerOrStaff(principal, course.ownerId, 'course');
    return course;
  }

  async list(principal: Principal, first: number, after: string | null | undefined, filter: { status?: CourseStatus | null; kind?: Kind | null; expiresBy?: string | null }): Promise<ConnectionShape<Course>> {
    const base = this.dataSource.getRepository(Course).createQueryBuilder('c');
    if (!isStaff(principal)) base.andWhere('c.owner_id = :owner', { owner: principal.subject });
    if (filter.status) base.andWhere('c.status = :status', { status: filter.status });
    if (filter.kind) base.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.expiresBy) base.andWhere(`c.status = 'APPROVED' and c.expires_on <= :expiresBy`, { expiresBy: filter.expiresBy });
    const counting = base.clone();
    const totalCount = () => counting.getCount(); // counted only when asked for
    const page = base.clone().orderBy('c.title', 'ASC').addOrderBy('c.id', 'ASC').take(first + 1);
    if (after) {
      const [title, id] = decodeCursor(after, 2);
      page.andWhere('(c.title, c.id) > (:title, :id)', { title, id });
    }
    return toConnection(await page.getMany(), first, totalCount, (c) => [c.title, c.id]);
  }

  /** New core courses: 40 hours face-to-face + 10 of pre-work (policy). */
  private checkHours(input: NewCourse, core: { faceToFace: number; preWork: number }): void {
    const problems = this.hoursProblems(input, core);
    if (problems.length) throw badInput(problems);
  }

  /** The training policy's hours for the course's kind (also what an import of courses checks). */
  hoursProblems(input: NewCourse, core: { faceToFace: number; preWork: number }): FieldProblem[] {
    const problems: FieldProblem[] = [];
    if (input.kind === CourseKind.CorePss) {
      if (input.faceToFaceHours !== core.faceToFace) problems.push({ field: 'input.faceToFaceHours', reason: `must be ${core.faceToFace} for a core PSS course` });
      if (input.preWorkHours !== core.preWork) problems.push({ field: 'input.preWorkHours', reason: `must be ${core.preWork} for a core PSS course` });
    }
    return problems;
  }

  async byIds(ids: readonly string[]): Promise<(Course | null)[]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await this.dataSource.getRepository(Course).findBy({ id: In(valid) }) : [];
    return oneByKey(ids, rows, (c) => c.id);
  }
}
