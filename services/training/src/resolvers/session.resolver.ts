// Trainers, sessions and enrollment. A trainer sees only their own sessions and rosters; staff see
// all; a participant registers and withdraws themself.
import { Role, STAFF_ROLES } from '@cpss/domain';
import { Connection, StatusChange, validatedInside, type RequestContext } from '@cpss/server-kit';
import { GraphQLError } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { Course } from '../entities/course';
import { Person } from '../entities/person';
import { CourseTrainer, Enrollment, SessionDay, TrainingNotice, TrainingSession } from '../entities/session';
import type { CourseService } from '../services/course.service';
import type { EnrollmentService } from '../services/enrollment.service';
import type { SessionService } from '../services/session.service';
import { requireOwnerOrStaff } from '../services/access';
import { courseLoader, timelineLoader } from './course.resolver';
import {
  CancelTrainingSessionInput,
  RegisterCourseTrainerInput,
  RegisterForTrainingSessionInput,
  RescheduleTrainingSessionInput,
  ScheduleTrainingSessionInput,
  TrainingSessionsArgs,
  WithdrawFromTrainingSessionInput,
} from './types/session.input';

@ObjectType()
export class TrainingSessionConnection extends Connection(TrainingSession, 'TrainingSession') {}

const TRAINER_OR_STAFF = [Role.Trainer, ...STAFF_ROLES];

@Resolver(() => Course)
export class CourseTrainerResolver {
  constructor(private readonly sessions: SessionService) {}

  @Authorized([Role.CurriculumDeveloper, Role.Admin])
  @Mutation(() => CourseTrainer, { description: 'The course owner registers a trainer who completed training-of-trainers' })
  registerCourseTrainer(@Arg('input') input: RegisterCourseTrainerInput, @Ctx() ctx: RequestContext) {
    return this.sessions.registerTrainer(ctx.principal!, input, { requestId: ctx.requestId });
  }

  @Authorized([Role.Trainer])
  @Query(() => [Course], { description: 'The courses the signed-in trainer is registered to teach' })
  coursesITeach(@Ctx() ctx: RequestContext) {
    return this.sessions.coursesTaughtBy(ctx.principal!);
  }

  @Authorized()
  @FieldResolver(() => [CourseTrainer], { description: 'The owner or program staff' })
  trainers(@Root() course: Course, @Ctx() ctx: RequestContext) {
    requireOwnerOrStaff(ctx.principal!, course.ownerId, 'course');
    return ctx.loaders.get('course.trainers', this.sessions.trainersOf).load(course.id);
  }
}

@Resolver(() => CourseTrainer)
export class CourseTrainerFieldsResolver {
  constructor(private readonly courses: CourseService) {}

  @FieldResolver(() => Person, { description: 'The trainer (names come from certification)' })
  person(@Root() t: CourseTrainer): Person {
    return { id: t.personId };
  }

  @FieldResolver(() => Course)
  async course(@Root() t: CourseTrainer, @Ctx() ctx: RequestContext) {
    const course = await courseLoader(ctx, this.courses).load(t.courseId);
    if (!course) throw new GraphQLError('course missing');
    return course;
  }
}

@Resolver(() => TrainingSession)
export class TrainingSessionResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly enrollments: EnrollmentService,
    private readonly courses: CourseService,
    private readonly dataSource: DataSource,
  ) {}

  @Authorized([Role.Trainer])
  @Mutation(() => TrainingSession, { description: 'A registered trainer schedules a session of an approved, unexpired course' })
  scheduleTrainingSession(@Arg('input', () => ScheduleTrainingSessionInput, { validateFn: validatedInside }) input: ScheduleTrainingSessionInput, @Ctx() ctx: RequestContext) {
    return this.sessions.schedule(ctx.principal!, input, { requestId: ctx.requestId });
  }

  @Authorized(TRAINER_OR_STAFF)
  @Mutation(() => TrainingSession, { description: 'Moves a session to other days; enrolled and waitlisted people get a notice' })
  rescheduleTrainingSession(@Arg('input', () => RescheduleTrainingSessionInput, { validateFn: validatedInside }) input: RescheduleTrainingSessionInput, @Ctx() ctx: RequestContext) {
    return this.sessions.reschedule(ctx.principal!, input, { requestId: ctx.requestId });
  }

  @Authorized(TRAINER_OR_STAFF)
  @Mutation(() => TrainingSession, { description: 'Cancels a session; enrolled and waitlisted people get a notice' })
  cancelTrainingSession(@Arg('input', () => CancelTrainingSessionInput, { validateFn: validatedInside }) input: CancelTrainingSessionInput, @Ctx() ctx: RequestContext) {
    return this.sessions.cancel(ctx.principal!, input);
  }

  @Authorized(TRAINER_OR_STAFF)
  @Query(() => TrainingSession, { description: 'A session: its trainer or program staff' })
  trainingSession(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.sessions.get(ctx.principal!, id);
  }

  @Authorized(TRAINER_OR_STAFF)
  @Query(() => TrainingSessionConnection, { description: "Sessions by first day: a trainer's own, or all for staff" })
  trainingSessions(@Args() args: TrainingSessionsArgs, @Ctx() ctx: RequestContext) {
    return this.sessions.list(ctx.principal!, args.first, args.after, { courseId: args.courseId, from: args.from });
  }

  @FieldResolver(() => Course)
  async course(@Root() s: TrainingSession, @Ctx() ctx: RequestContext) {
    const course = await courseLoader(ctx, this.courses).load(s.courseId);
    if (!course) throw new GraphQLError('course missing');
    return course;
  }

  @FieldResolver(() => [SessionDay])
  days(@Root() s: TrainingSession, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get('session.days', this.sessions.daysOf).load(s.id);
  }

  @FieldResolver(() => Int, { description: 'Seats taken' })
  async enrolledCount(@Root() s: TrainingSession, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.get('session.counts', this.sessions.countsOf).load(s.id)).enrolled;
  }

  @FieldResolver(() => Int)
  async waitlistCount(@Root() s: TrainingSession, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.get('session.counts', this.sessions.countsOf).load(s.id)).waitlisted;
  }

  @Authorized()
  @FieldResolver(() => [Enrollment], { description: 'Everyone registered, in arrival order: the trainer or program staff' })
  roster(@Root() s: TrainingSession, @Ctx() ctx: RequestContext) {
    this.sessions.requireTrainerOrStaff(ctx.principal!, s);
    return ctx.loaders.get('session.roster', this.enrollments.rosterOf).load(s.id);
  }

  @Authorized()
  @FieldResolver(() => [StatusChange])
  timeline(@Root() s: TrainingSession, @Ctx() ctx: RequestContext) {
    this.sessions.requireTrainerOrStaff(ctx.principal!, s);
    return timelineLoader(ctx, this.dataSource, 'TrainingSession').load(s.id);
  }
}

@Resolver(() => Enrollment)
export class EnrollmentResolver {
  constructor(
    private readonly enrollments: EnrollmentService,
    private readonly sessions: SessionService,
    private readonly dataSource: DataSource,
  ) {}

  @Authorized()
  @Mutation(() => Enrollment, { description: 'Registers for a session: a seat while one is free, else the waitlist' })
  registerForTrainingSession(@Arg('input') input: RegisterForTrainingSessionInput, @Ctx() ctx: RequestContext) {
    return this.enrollments.register(ctx.principal!, input);
  }

  @Authorized()
  @Mutation(() => Enrollment, { description: 'Gives up a seat or a waitlist place; a freed seat goes to the first waitlisted' })
  withdrawFromTrainingSession(@Arg('input') input: WithdrawFromTrainingSessionInput, @Ctx() ctx: RequestContext) {
    return this.enrollments.withdraw(ctx.principal!, input);
  }

  @Authorized()
  @Query(() => [Enrollment], { description: "The signed-in person's registrations, newest first" })
  myTrainingEnrollments(@Ctx() ctx: RequestContext) {
    return this.enrollments.myEnrollments(ctx.principal!);
  }

  @Authorized()
  @Query(() => [TrainingNotice], { description: 'Notices to the signed-in person (sessions moved or cancelled, seats offered), newest first' })
  myTrainingNotices(@Ctx() ctx: RequestContext) {
    return this.enrollments.myNotices(ctx.principal!);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Place on the waitlist (1 = next), null when not waitlisted' })
  waitlistPosition(@Root() e: Enrollment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get('enrollment.waitlistPosition', this.enrollments.waitlistPositionsOf).load(e.id);
  }

  @FieldResolver(() => Person, { description: 'The participant (names come from certification)' })
  person(@Root() e: Enrollment): Person {
    return { id: e.personId };
  }

  @FieldResolver(() => TrainingSession)
  async session(@Root() e: Enrollment, @Ctx() ctx: RequestContext) {
    const s = await ctx.loaders.get('session.byId', this.sessions.byIds).load(e.sessionId);
    if (!s) throw new GraphQLError('session missing');
    return s;
  }

  @FieldResolver(() => [StatusChange])
  timeline(@Root() e: Enrollment, @Ctx() ctx: RequestContext) {
    return timelineLoader(ctx, this.dataSource, 'Enrollment').load(e.id);
  }
}
