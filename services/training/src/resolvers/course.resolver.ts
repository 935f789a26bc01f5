// Courses and their submissions: curriculum developers work on their own; training reviewers
// (and admins) see every submission and move it through review.
import { Role, STAFF_ROLES } from '@cpss/domain';
import { Connection, PolicyVersion, timelineOf, StatusChange, validatedInside, type RequestContext } from '@cpss/server-kit';
import { GraphQLError } from 'graphql';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { LocalDateResolver } from 'graphql-scalars';
import { ConceptReview, Course, CourseAgendaEntry, CourseMaterial, CourseSubmission, CrosswalkEntry } from '../entities/course';
import { TrainingStandards } from '../entities/standards';
import type { TrainingPolicyStore } from '../policy/training-policy';
import type { CourseSubmissionService } from '../services/course-submission.service';
import type { StandardsService } from '../services/standards.service';
import type { CourseService } from '../services/course.service';
import { requireOwnerOrStaff } from '../services/access';
import {
  CheckCourseFormatInput,
  CoursesArgs,
  CourseSubmissionsArgs,
  CourseSubmissionVersionInput,
  CreateCourseInput,
  CreateCourseSubmissionInput,
  DecideCourseSubmissionInput,
  ReviewCourseConceptsInput,
  UpdateCourseInput,
  UpdateCourseSubmissionInput,
  UploadCourseMaterialInput,
} from './types/course.input';

@ObjectType()
export class CourseConnection extends Connection(Course, 'Course') {}

@ObjectType()
export class CourseSubmissionConnection extends Connection(CourseSubmission, 'CourseSubmission') {}

@ObjectType({ description: 'A course material file, base64-encoded' })
export class CourseMaterialFile {
  @Field()
  fileName: string;

  @Field()
  format: string;

  @Field()
  contentBase64: string;
}

@ObjectType({ description: 'Business days a submission has been under review, against the target of its policy' })
export class CourseReviewClock {
  @Field(() => Int)
  businessDaysElapsed: number;

  @Field(() => Int)
  targetMinBusinessDays: number;

  @Field(() => Int)
  targetMaxBusinessDays: number;

  @Field(() => LocalDateResolver, { description: 'Submission date plus the maximum target, in business days' })
  dueBy: string;

  @Field()
  overdue: boolean;
}

const DEVELOPER_OR_STAFF = [Role.CurriculumDeveloper, ...STAFF_ROLES];
const REVIEWERS = [Role.TrainingReviewer, Role.Admin];

export function courseLoader(ctx: RequestContext, courses: CourseService) {
  return ctx.loaders.get<string, Course | null>('course.byId', (ids) => courses.byIds(ids));
}

export function timelineLoader(ctx: RequestContext, dataSource: DataSource, subjectType: string) {
  return ctx.loaders.get<string, StatusChange[]>(`timeline.${subjectType}`, async (ids) => {
    const rows = await timelineOf(dataSource.manager, subjectType, ids);
    return ids.map((id) => rows.filter((r) => r.subjectId === id));
  });
}

@Resolver(() => Course)
export class CourseResolver {
  constructor(
    private readonly courseService: CourseService,
    private readonly dataSource: DataSource,
  ) {}

  @Authorized([Role.CurriculumDeveloper, Role.Admin])
  @Mutation(() => Course, { description: 'Creates a course draft owned by the signed-in curriculum developer' })
  createCourse(@Arg('input') input: CreateCourseInput, @Ctx() ctx: RequestContext) {
    return this.courseService.create(ctx.principal!, input);
  }

  @Authorized([Role.CurriculumDeveloper, Role.Admin])
  @Mutation(() => Course, { description: 'Edits a draft or denied course' })
  updateCourse(@Arg('input', () => UpdateCourseInput, { validateFn: validatedInside }) input: UpdateCourseInput, @Ctx() ctx: RequestContext) {
    return this.courseService.update(ctx.principal!, input);
  }

  @Authorized(DEVELOPER_OR_STAFF)
  @Query(() => Course, { description: 'A course: its owner or program staff' })
  course(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.courseService.get(ctx.principal!, id);
  }

  @Authorized(DEVELOPER_OR_STAFF)
  @Query(() => CourseConnection, { description: "Courses by title: a developer's own, or all for staff" })
  courses(@Args() args: CoursesArgs, @Ctx() ctx: RequestContext) {
    return this.courseService.list(ctx.principal!, args.first, args.after, { status: args.status, kind: args.kind, expiresBy: args.expiresBy });
  }

  @Authorized()
  @FieldResolver(() => [StatusChange], { description: 'Every change of approval status: the owner or program staff' })
  timeline(@Root() course: Course, @Ctx() ctx: RequestContext) {
    // A participant reaches a course through their enrollment's session, but not its review history.
    requireOwnerOrStaff(ctx.principal!, course.ownerId, 'course');
    return timelineLoader(ctx, this.dataSource, 'Course').load(course.id);
  }
}

@Resolver(() => CourseSubmission)
export class CourseSubmissionResolver {
  constructor(
    private readonly submissions: CourseSubmissionService,
    private readonly courses: CourseService,
    private readonly policy: TrainingPolicyStore,
    private readonly dataSource: DataSource,
    private readonly standards: StandardsService,
  ) {}

  @Authorized([Role.CurriculumDeveloper])
  @Mutation(() => CourseSubmission, { description: 'Starts a submission of a course: its daily agenda and crosswalk, complete or not yet (completeness is checked when it is submitted)' })
  createCourseSubmission(@Arg('input', () => CreateCourseSubmissionInput, { validateFn: validatedInside }) input: CreateCourseSubmissionInput, @Ctx() ctx: RequestContext) {
    return this.submissions.create(ctx.principal!, input);
  }

  @Authorized([Role.CurriculumDeveloper])
  @Mutation(() => CourseSubmission, { description: 'Replaces the agenda and crosswalk (draft or technical assistance); work in progress may be saved' })
  updateCourseSubmission(@Arg('input', () => UpdateCourseSubmissionInput, { validateFn: validatedInside }) input: UpdateCourseSubmissionInput, @Ctx() ctx: RequestContext) {
    return this.submissions.updateContent(ctx.principal!, input);
  }

  @Authorized([Role.CurriculumDeveloper])
  @Mutation(() => CourseMaterial, { description: 'Uploads a course material (Word, PowerPoint or PDF)' })
  uploadCourseMaterial(@Arg('input', () => UploadCourseMaterialInput, { validateFn: validatedInside }) input: UploadCourseMaterialInput, @Ctx() ctx: RequestContext) {
    return this.submissions.uploadMaterial(ctx.principal!, input);
  }

  @Authorized([Role.CurriculumDeveloper])
  @Mutation(() => CourseSubmission, { description: 'Submits a draft: only inside a submission window and when submissions are not paused' })
  submitCourseSubmission(@Arg('input') input: CourseSubmissionVersionInput, @Ctx() ctx: RequestContext) {
    return this.submissions.submit(ctx.principal!, input);
  }

  @Authorized([Role.CurriculumDeveloper])
  @Mutation(() => CourseSubmission, { description: 'The one resubmission after technical assistance' })
  resubmitCourseSubmission(@Arg('input') input: CourseSubmissionVersionInput, @Ctx() ctx: RequestContext) {
    return this.submissions.resubmit(ctx.principal!, input);
  }

  @Authorized(REVIEWERS)
  @Mutation(() => CourseSubmission, { description: 'Format check of a received submission: on to team review, or technical assistance' })
  checkCourseSubmissionFormat(@Arg('input') input: CheckCourseFormatInput, @Ctx() ctx: RequestContext) {
    return this.submissions.checkFormat(ctx.principal!, input);
  }

  @Authorized(REVIEWERS)
  @Mutation(() => CourseSubmission, { description: "Records the review team's findings (met or not, with a comment) per core concept" })
  reviewCourseConcepts(@Arg('input') input: ReviewCourseConceptsInput, @Ctx() ctx: RequestContext) {
    return this.submissions.reviewConcepts(ctx.principal!, input);
  }

  @Authorized(REVIEWERS)
  @Mutation(() => CourseSubmission, { description: 'Decides a reviewed submission: approved when every core concept is met' })
  decideCourseSubmission(@Arg('input') input: DecideCourseSubmissionInput, @Ctx() ctx: RequestContext) {
    return this.submissions.decide(ctx.principal!, input);
  }

  @Authorized(DEVELOPER_OR_STAFF)
  @Query(() => CourseSubmission, { description: 'A course submission: its owner or program staff' })
  courseSubmission(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.submissions.get(ctx.principal!, id);
  }

  @Authorized(DEVELOPER_OR_STAFF)
  @Query(() => CourseSubmissionConnection, { description: "Course submissions, oldest first: a developer's own, or all for staff" })
  courseSubmissions(@Args() args: CourseSubmissionsArgs, @Ctx() ctx: RequestContext) {
    return this.submissions.list(ctx.principal!, args.first, args.after, { status: args.status, statuses: args.statuses, courseId: args.courseId });
  }

  @Authorized(DEVELOPER_OR_STAFF)
  @Query(() => CourseMaterialFile, { description: "A material's file: the course owner or program staff" })
  async courseMaterialFile(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<CourseMaterialFile> {
    const { material, content } = await this.submissions.materialFile(ctx.principal!, id);
    return { fileName: material.fileName, format: material.format, contentBase64: content.toString('base64') };
  }

  @FieldResolver(() => TrainingStandards, { description: 'The standards version this submission is judged against (the one in force when it was created)' })
  standardsVersion(@Root() s: CourseSubmission, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, TrainingStandards>('standards.byId', this.standards.byIds).load(s.standardsVersionId);
  }

  @FieldResolver(() => Course)
  async course(@Root() s: CourseSubmission, @Ctx() ctx: RequestContext) {
    const course = await courseLoader(ctx, this.courses).load(s.courseId);
    if (!course) throw new GraphQLError('course missing');
    return course;
  }

  @FieldResolver(() => [CourseAgendaEntry])
  agenda(@Root() s: CourseSubmission, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get('submission.agenda', this.submissions.agendaOf).load(s.id);
  }

  @FieldResolver(() => [CrosswalkEntry])
  crosswalk(@Root() s: CourseSubmission, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get('submission.crosswalk', this.submissions.crosswalkOf).load(s.id);
  }

  @FieldResolver(() => [CourseMaterial])
  materials(@Root() s: CourseSubmission, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get('submission.materials', this.submissions.materialsOf).load(s.id);
  }

  @FieldResolver(() => [ConceptReview], { description: 'Findings of every attempt' })
  conceptReviews(@Root() s: CourseSubmission, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get('submission.findings', this.submissions.findingsOf).load(s.id);
  }

  @FieldResolver(() => [StatusChange])
  timeline(@Root() s: CourseSubmission, @Ctx() ctx: RequestContext) {
    return timelineLoader(ctx, this.dataSource, 'CourseSubmission').load(s.id);
  }

  @FieldResolver(() => CourseReviewClock, { nullable: true, description: 'Null until submitted' })
  async reviewClock(@Root() s: CourseSubmission, @Ctx() ctx: RequestContext) {
    if (!s.submittedOn) return null;
    // Every version in one statement per request; the one in force on the submission date applies.
    const versions = await ctx.loaders.get<string, PolicyVersion[]>('policy.all', async (keys) => {
      const all = await this.policy.list();
      return keys.map(() => all);
    }).load('all');
    const inForce = versions.find((v) => v.effectiveFrom <= s.submittedOn!);
    if (!inForce) return null;
    const policy = this.policy.schema.parse(inForce.values);
    return this.submissions.reviewClock(s, policy);
  }
}
