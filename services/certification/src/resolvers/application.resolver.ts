// Applications: the applicant works on their own; program staff see all; certification reviewers
// (and admins) decide. Sensitive parts are read through audited field resolvers.
import { Role, STAFF_ROLES } from '@cpss/domain';
import { Connection, PolicyVersion, StatusChange, timelineOf, type RequestContext } from '@cpss/server-kit';
import { GraphQLJSONObject, LocalDateResolver } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { Application, ApplicationReference, CoreCourseCompletion, DesignationRequest, TrainingLogEntry } from '../entities/application';
import { Certification, Fee } from '../entities/certification';
import { EligibilityRuleEnum } from '../entities/enums';
import { Person } from '../entities/person';
import type { ApplicationService } from '../services/application.service';
import { requireApplicantOrCertificationStaff } from '../services/access';
import { APPLICATION, type SensitiveField } from '../services/application.service';
import type { ChecklistItem } from '../services/eligibility';
import type { ProcessingClock as Clock, ReviewService } from '../services/review.service';
import type { CertificationService } from '../services/certification.service';
import type { PersonService } from '../services/person.service';
import { personLoader } from './person.resolver';
import {
  ApplicationQueueArgs,
  ApplicationsArgs,
  ApplicationVersionInput,
  CreateApplicationInput,
  CreateRecertificationInput,
  DenyApplicationInput,
  RecordFeePaymentInput,
  RequestMissingItemsInput,
  SaveApplicationDraftInput,
  UploadApplicationDocumentInput,
  WaiveFeeInput,
} from './types/application.input';

@ObjectType({ description: 'One line of the eligibility checklist: the rule, whether it is met, why, and the evidence used' })
export class EligibilityCheck {
  @Field(() => EligibilityRuleEnum)
  rule: string;

  @Field()
  met: boolean;

  @Field({ description: 'Approval needs every required line met; the others decide a designation only' })
  required: boolean;

  @Field()
  why: string;

  @Field(() => GraphQLJSONObject)
  evidence: Record<string, unknown>;
}

@ObjectType('ApplicationProcessingClock', { description: 'Business days a case has waited since it entered the queue, against its processing target' })
export class ProcessingClock {
  @Field(() => Int)
  businessDaysWaiting: number;

  @Field(() => Int)
  targetBusinessDays: number;

  @Field(() => LocalDateResolver)
  dueBy: string;

  @Field()
  overdue: boolean;
}

@ObjectType({ description: 'An uploaded proof or certificate (content is not returned here)' })
export class ApplicationDocument {
  @Field(() => ID)
  id: string;

  @Field()
  purpose: string;

  @Field()
  fileName: string;

  @Field()
  format: string;

  @Field(() => Int)
  sizeBytes: number;

  @Field()
  createdAt: Date;
}

@ObjectType({ description: 'A document with its content' })
export class ApplicationDocumentContent {
  @Field(() => ApplicationDocument)
  document: ApplicationDocument;

  @Field({ description: 'The file, base64-encoded' })
  contentBase64: string;
}

@ObjectType()
export class ApplicationConnection extends Connection(Application, 'Application') {}

export function applicationLoader(ctx: RequestContext, apps: ApplicationService) {
  return ctx.loaders.get<string, Application | null>('application.byId', (ids) => apps.byIds(ids));
}

export function timelineLoader(ctx: RequestContext, dataSource: DataSource, subjectType: string) {
  return ctx.loaders.get<string, StatusChange[]>(`timeline.${subjectType}`, async (ids) => {
    const rows = await timelineOf(dataSource.manager, subjectType, ids);
    return ids.map((id) => rows.filter((r) => r.subjectId === id));
  });
}

/** The entry that last put a case on hold (timelines are oldest first). */
function lastHold(timeline: readonly StatusChange[]): StatusChange | undefined {
  return [...timeline].reverse().find((e) => e.toStatus === 'ON_HOLD');
}

@Resolver(() => Application)
export class ApplicationResolver {
  constructor(
    private readonly applicationService: ApplicationService,
    private readonly review: ReviewService,
    private readonly certifications: CertificationService,
    private readonly people: PersonService,
    private readonly dataSource: DataSource,
  ) {}

  // ------------------------------------------------------------ queries

  @Authorized()
  @Query(() => Application, { description: 'One application: the applicant or program staff' })
  application(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.applicationService.visible(ctx.principal, id);
  }

  @Authorized()
  @Query(() => ApplicationConnection, { description: 'Applications, newest first: staff see all, anyone else only their own' })
  applications(@Args() args: ApplicationsArgs, @Ctx() ctx: RequestContext) {
    return this.applicationService.list(ctx.principal!, args.first, args.after, { personId: args.personId, statuses: args.statuses });
  }

  @Authorized()
  @Query(() => ApplicationConnection, { description: 'The certification work queue, oldest first (certification reviewers)' })
  applicationQueue(@Args() args: ApplicationQueueArgs, @Ctx() ctx: RequestContext) {
    return this.review.queue(ctx.principal, args.first, args.after, args);
  }

  @Authorized()
  @Query(() => ApplicationDocumentContent, { description: "An uploaded document's content: the applicant or program staff (audited)" })
  applicationDocumentContent(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.applicationService.documentContent(ctx.principal, id, ctx.requestId);
  }

  // ------------------------------------------------------------ fields

  @FieldResolver(() => Person)
  person(@Root() app: Application, @Ctx() ctx: RequestContext) {
    return personLoader(ctx, this.people).load(app.personId);
  }

  @FieldResolver(() => CoreCourseCompletion, { nullable: true })
  coreCourse(@Root() app: Application): CoreCourseCompletion | null {
    if (!app.coreCourseTitle || !app.coreCourseCompletedOn || app.coreCourseHours === null) return null;
    return { title: app.coreCourseTitle, completedOn: app.coreCourseCompletedOn, hours: app.coreCourseHours };
  }

  @FieldResolver(() => [TrainingLogEntry])
  trainingLog(@Root() app: Application, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, TrainingLogEntry[]>('application.trainingLog', (ids) => this.applicationService.trainingLogs(ids)).load(app.id);
  }

  @FieldResolver(() => [ApplicationReference])
  references(@Root() app: Application, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, ApplicationReference[]>('application.references', (ids) => this.applicationService.references(ids)).load(app.id);
  }

  @FieldResolver(() => [DesignationRequest])
  designationRequests(@Root() app: Application, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, DesignationRequest[]>('application.designationRequests', (ids) => this.applicationService.designationRequests(ids)).load(app.id);
  }

  @FieldResolver(() => [Fee], { description: 'The fee ledger of this application' })
  fees(@Root() app: Application, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, Fee[]>('application.fees', (ids) => this.applicationService.fees(ids)).load(app.id);
  }

  @FieldResolver(() => [ApplicationDocument], { description: "The applicant's uploaded documents" })
  documents(@Root() app: Application, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, ApplicationDocument[]>('person.documents', (ids) => this.applicationService.documentsOf(ids)).load(app.personId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Sensitive: the applicant and certification reviewers only; every read is audited' })
  recoveryStartDate(@Root() app: Application, @Ctx() ctx: RequestContext) {
    return this.sensitive(ctx, 'recoveryStartDate').load(app);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Sensitive: the applicant and certification reviewers only; every read is audited' })
  recoveryStatement(@Root() app: Application, @Ctx() ctx: RequestContext) {
    return this.sensitive(ctx, 'recoveryStatement').load(app);
  }

  private sensitive(ctx: RequestContext, field: SensitiveField) {
    return ctx.loaders.get<Application, string | null>(`application.${field}`, (apps) => this.applicationService.readSensitive(ctx.principal, apps, field, ctx.requestId));
  }

  @FieldResolver(() => [EligibilityCheck], { description: 'Every rule checked against the policy of the case (frozen once decided)' })
  checklist(@Root() app: Application, @Ctx() ctx: RequestContext): Promise<ChecklistItem[]> {
    return ctx.loaders.get<Application, ChecklistItem[]>('application.checklist', (apps) => this.applicationService.checklists(apps)).load(app);
  }

  @FieldResolver(() => Boolean, { description: 'Every required checklist line is met' })
  async eligible(@Root() app: Application, @Ctx() ctx: RequestContext) {
    return (await this.checklist(app, ctx)).every((c) => !c.required || c.met);
  }

  @FieldResolver(() => PolicyVersion, { description: 'The policy version the case is judged by (today’s for a draft)' })
  async policyVersion(@Root() app: Application, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.get<Application, { version: PolicyVersion }>('application.policy', (apps) => this.applicationService.policyOf(apps)).load(app)).version;
  }

  @Authorized(STAFF_ROLES)
  @FieldResolver(() => ProcessingClock, { nullable: true, description: 'Age of the case against the processing target (staff)' })
  processingClock(@Root() app: Application, @Ctx() ctx: RequestContext): Promise<Clock | null> {
    return ctx.loaders.get<Application, Clock | null>('application.clock', (apps) => this.review.processingClocks(apps)).load(app);
  }

  @FieldResolver(() => Certification, { nullable: true, description: 'The certification issued (first application) or renewed' })
  async certification(@Root() app: Application, @Ctx() ctx: RequestContext) {
    if (app.certificationId) return ctx.loaders.get<string, Certification | null>('certification.byId', (ids) => this.certifications.byIds(ids)).load(app.certificationId);
    if (app.status !== 'APPROVED') return null;
    const mine = await ctx.loaders.get<string, Certification[]>('certification.byPerson', (ids) => this.certifications.byPeople(ids)).load(app.personId);
    return mine.find((c) => c.applicationId === app.id) ?? null;
  }

  @FieldResolver(() => [StatusChange], { description: 'Every change of status: who, when, from, to, why and the facts' })
  timeline(@Root() app: Application, @Ctx() ctx: RequestContext) {
    return timelineLoader(ctx, this.dataSource, APPLICATION).load(app.id);
  }

  @Authorized([Role.CertificationReviewer, Role.Admin])
  @FieldResolver(() => String, { nullable: true, description: 'Why a case on hold is held, as recorded when it was put on hold (certification staff); null unless ON_HOLD' })
  async holdReason(@Root() app: Application, @Ctx() ctx: RequestContext) {
    return app.status === 'ON_HOLD' ? (lastHold(await timelineLoader(ctx, this.dataSource, APPLICATION).load(app.id))?.reason ?? null) : null;
  }

  @Authorized([Role.CertificationReviewer, Role.Admin])
  @FieldResolver(() => Boolean, { description: 'On hold because a complaint is pending against the applicant (certification staff)' })
  async heldForComplaint(@Root() app: Application, @Ctx() ctx: RequestContext) {
    if (app.status !== 'ON_HOLD') return false;
    const facts = lastHold(await timelineLoader(ctx, this.dataSource, APPLICATION).load(app.id))?.facts ?? {};
    return 'complaintId' in facts || facts['complaintPending'] === true;
  }

  // ------------------------------------------------------------ applicant's mutations

  @Authorized()
  @Mutation(() => Application, { description: 'Starts a draft application (applicant for themself; staff for a mailed packet)' })
  createApplication(@Arg('input') input: CreateApplicationInput, @Ctx() ctx: RequestContext) {
    return this.applicationService.create(ctx.principal, input, ctx.requestId);
  }

  @Authorized()
  @Mutation(() => Application, { description: 'Starts a renewal of a certification (the holder or staff)' })
  createRecertification(@Arg('input') input: CreateRecertificationInput, @Ctx() ctx: RequestContext) {
    return this.applicationService.createRecertification(ctx.principal, input, ctx.requestId);
  }

  @Authorized()
  @Mutation(() => Application, { description: 'Saves parts of a draft or incomplete application' })
  saveApplicationDraft(@Arg('input') input: SaveApplicationDraftInput, @Ctx() ctx: RequestContext) {
    return this.applicationService.saveDraft(ctx.principal, input, ctx.requestId);
  }

  @Authorized()
  @Mutation(() => ApplicationDocument, { description: 'Uploads a proof or certificate (PDF, image or Word, at most 10 MB)' })
  uploadApplicationDocument(@Arg('input') input: UploadApplicationDocumentInput, @Ctx() ctx: RequestContext) {
    return this.applicationService.uploadDocument(ctx.principal, input);
  }

  @Authorized()
  @Mutation(() => Application, { description: 'Submits a draft (the date fixes the policy version) or resubmits an incomplete application' })
  submitApplication(@Arg('input') input: ApplicationVersionInput, @Ctx() ctx: RequestContext) {
    return this.applicationService.submit(ctx.principal, input, ctx.requestId);
  }

  @Authorized()
  @Mutation(() => Application)
  withdrawApplication(@Arg('input') input: ApplicationVersionInput, @Ctx() ctx: RequestContext) {
    return this.applicationService.withdraw(ctx.principal, input);
  }

  // ------------------------------------------------------------ staff decisions

  @Authorized()
  @Mutation(() => Application)
  startApplicationReview(@Arg('input') input: ApplicationVersionInput, @Ctx() ctx: RequestContext) {
    return this.review.startReview(ctx.principal, input);
  }

  @Authorized()
  @Mutation(() => Application, { description: 'Marks the application incomplete, naming what is missing' })
  requestMissingItems(@Arg('input') input: RequestMissingItemsInput, @Ctx() ctx: RequestContext) {
    return this.review.requestMissingItems(ctx.principal, input);
  }

  @Authorized()
  @Mutation(() => Application, { description: 'Puts the case on hold (a complaint is pending against the applicant)' })
  placeApplicationOnHold(@Arg('input') input: ApplicationVersionInput, @Ctx() ctx: RequestContext) {
    return this.review.placeOnHold(ctx.principal, input);
  }

  @Authorized()
  @Mutation(() => Application)
  releaseApplicationHold(@Arg('input') input: ApplicationVersionInput, @Ctx() ctx: RequestContext) {
    return this.review.releaseHold(ctx.principal, input);
  }

  @Authorized()
  @Mutation(() => Application, { description: 'Approves: issues the certification (or renews it); every required rule met and no fee unpaid' })
  approveApplication(@Arg('input') input: ApplicationVersionInput, @Ctx() ctx: RequestContext) {
    return this.review.approve(ctx.principal, input, ctx.requestId);
  }

  @Authorized()
  @Mutation(() => Application, { description: 'Denies with reasons and appeal rights' })
  denyApplication(@Arg('input') input: DenyApplicationInput, @Ctx() ctx: RequestContext) {
    return this.review.deny(ctx.principal, input);
  }

  @Authorized()
  @Mutation(() => Fee, { description: 'Records a fee paid by check or money order (certification staff)' })
  recordFeePayment(@Arg('input') input: RecordFeePaymentInput, @Ctx() ctx: RequestContext) {
    return this.review.recordPayment(ctx.principal, input);
  }

  @Authorized()
  @Mutation(() => Fee, { description: 'Waives a fee with a reason (certification staff)' })
  waiveFee(@Arg('input') input: WaiveFeeInput, @Ctx() ctx: RequestContext) {
    return this.review.waive(ctx.principal, input);
  }
}

@Resolver(() => Person)
export class PersonApplicationResolver {
  constructor(private readonly applicationService: ApplicationService) {}

  @Authorized()
  @FieldResolver(() => [Application], { description: 'Applications, newest first: the person themself or certification staff' })
  applications(@Root() person: Person, @Ctx() ctx: RequestContext) {
    requireApplicantOrCertificationStaff(ctx.principal, person.id);
    return ctx.loaders.get<string, Application[]>('application.byPerson', (ids) => this.applicationService.byPeople(ids)).load(person.id);
  }
}
