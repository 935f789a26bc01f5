// Complaints over GraphQL. Anyone may file one through the public form, which answers with the
// reference number only. Everything else about a complaint is for ethics staff (who work the case)
// and admins (who read it): each entry point and each confidential field checks the role, and
// every read of the detail or the complainant's identity is audited (batched: one insert a request).
import { isUuid, Role } from '@cpss/domain';
import { AuditEntry, badInput, businessDaysBetween, StatusChange, type RequestContext } from '@cpss/server-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CodeOfEthicsVersion } from '../entities/code-of-ethics';
import { Complainant, Complaint, ComplaintAllegation } from '../entities/complaint';
import { Person } from '../entities/person';
import { Sanction } from '../entities/sanction';
import type { EthicsServices } from '../ethics-services';
import { clocksOf } from '../services/complaint-flow';
import type { EthicsPolicy } from '../policy/ethics-policy';
import {
  AppealDecisionInput,
  AppealInput,
  ComplaintsArgs,
  ComplaintStepInput,
  CooperationInput,
  FileComplaintInput,
  FindingsInput,
  OutcomeInput,
  RecordComplaintInput,
  ReferComplaintInput,
  RespondentResponseInput,
  TriageComplaintInput,
} from './types/complaint.input';
import { ComplaintClock, ComplaintConnection, ComplaintReceipt } from './types/complaint.types';

const CASE_READERS = [Role.EthicsStaff, Role.Admin];
const CASE_WORKERS = [Role.EthicsStaff];

@Resolver(() => Complaint)
export class ComplaintResolver {
  constructor(private readonly s: EthicsServices) {}

  private policyOf(ctx: RequestContext, c: Complaint): Promise<EthicsPolicy> {
    return ctx.loaders.get<string, EthicsPolicy>('ethicsPolicy.byId', (ids) => this.s.complaintQueries.policies(ids)).load(c.policyVersionId);
  }

  /** Records that the caller read a confidential field of a complaint: one insert per request. */
  private async audited<T>(ctx: RequestContext, c: Complaint, field: string, value: T): Promise<T> {
    const loader = ctx.loaders.get<string, true>('audit.complaintRead', async (keys) => {
      const byComplaint = new Map<string, string[]>();
      for (const key of keys) {
        const [id, f] = key.split('|') as [string, string];
        byComplaint.set(id, [...(byComplaint.get(id) ?? []), f]);
      }
      const entries = [...byComplaint].map(([subjectId, fields]) => ({
        actor: ctx.principal!.subject,
        actorRoles: ctx.principal!.roles,
        action: 'read',
        subjectType: 'Complaint',
        subjectId,
        fields,
        requestId: ctx.requestId,
      }));
      await this.s.dataSource.getRepository(AuditEntry).insert(entries);
      return keys.map(() => true as const);
    });
    await loader.load(`${c.id}|${field}`);
    return value;
  }

  // ---- intake ----

  @Mutation(() => ComplaintReceipt, { description: 'Files a complaint from the public online form (no sign-in); answers with its reference number only' })
  async fileComplaint(@Arg('input') input: FileComplaintInput, @Ctx() ctx: RequestContext): Promise<ComplaintReceipt> {
    const c = await this.s.complaints.intake({ ...input, channel: 'ONLINE_FORM', receivedOn: null, respondentPersonId: null }, ctx.principal, ctx.requestId);
    return { referenceNumber: c.referenceNumber };
  }

  @Authorized(CASE_WORKERS)
  @Mutation(() => Complaint, { description: 'Enters a complaint received by phone, email or mail (ethics staff)' })
  async recordComplaint(@Arg('input') input: RecordComplaintInput, @Ctx() ctx: RequestContext) {
    return this.s.complaints.intake(input, ctx.principal, ctx.requestId);
  }

  // ---- the case flow ----

  @Authorized(CASE_WORKERS)
  @Mutation(() => Complaint, { description: 'Records that the complainant was acknowledged (target: policy business days from receipt)' })
  async acknowledgeComplaint(@Arg('input') input: ComplaintStepInput, @Ctx() ctx: RequestContext) {
    return this.s.complaints.acknowledge(input.id, input.expectedVersion, ctx.principal!, input.note, ctx.requestId);
  }

  @Authorized(CASE_WORKERS)
  @Mutation(() => Complaint, { description: 'Decides the level of response; may link the respondent and map the allegations' })
  async triageComplaint(@Arg('input') input: TriageComplaintInput, @Ctx() ctx: RequestContext) {
    return this.s.complaints.triage(input.id, input.expectedVersion, ctx.principal!, input, ctx.requestId);
  }

  @Authorized(CASE_WORKERS)
  @Mutation(() => Complaint, { description: 'Refers the complaint for investigation' })
  async referComplaint(@Arg('input') input: ReferComplaintInput, @Ctx() ctx: RequestContext) {
    return this.s.complaints.refer(input.id, input.expectedVersion, ctx.principal!, input, ctx.requestId);
  }

  @Authorized(CASE_WORKERS)
  @Mutation(() => Complaint, { description: 'Records that the respondent was notified of the complaint' })
  async notifyRespondent(@Arg('input') input: ComplaintStepInput, @Ctx() ctx: RequestContext) {
    return this.s.complaints.notifyRespondent(input.id, input.expectedVersion, ctx.principal!, input.note, ctx.requestId);
  }

  @Authorized(CASE_WORKERS)
  @Mutation(() => Complaint, { description: "Records the respondent's response" })
  async recordRespondentResponse(@Arg('input') input: RespondentResponseInput, @Ctx() ctx: RequestContext) {
    return this.s.complaints.recordRespondentResponse(input.id, input.expectedVersion, ctx.principal!, input, ctx.requestId);
  }

  @Authorized(CASE_WORKERS)
  @Mutation(() => Complaint, { description: 'Records whether the respondent cooperates with the investigation' })
  async recordRespondentCooperation(@Arg('input') input: CooperationInput, @Ctx() ctx: RequestContext) {
    return this.s.complaints.recordCooperation(input.id, input.expectedVersion, ctx.principal!, input, ctx.requestId);
  }

  @Authorized(CASE_WORKERS)
  @Mutation(() => Complaint, { description: 'Records the findings of the investigation (or desk review)' })
  async recordComplaintFindings(@Arg('input') input: FindingsInput, @Ctx() ctx: RequestContext) {
    return this.s.complaints.recordFindings(input.id, input.expectedVersion, ctx.principal!, input, ctx.requestId);
  }

  @Authorized(CASE_WORKERS)
  @Mutation(() => Complaint, { description: 'Decides the outcome (and any sanction); notice today opens the appeal window' })
  async decideComplaintOutcome(@Arg('input') input: OutcomeInput, @Ctx() ctx: RequestContext) {
    return this.s.complaints.decideOutcome(input.id, input.expectedVersion, ctx.principal!, input, ctx.requestId);
  }

  @Authorized(CASE_WORKERS)
  @Mutation(() => Complaint, { description: 'Records an appeal of the outcome, within the appeal window' })
  async appealComplaint(@Arg('input') input: AppealInput, @Ctx() ctx: RequestContext) {
    return this.s.complaints.appeal(input.id, input.expectedVersion, ctx.principal!, input, ctx.requestId);
  }

  @Authorized(CASE_WORKERS)
  @Mutation(() => Complaint, { description: 'Decides an appeal: upheld (the sanction stands) or overturned' })
  async decideComplaintAppeal(@Arg('input') input: AppealDecisionInput, @Ctx() ctx: RequestContext) {
    return this.s.complaints.decideAppeal(input.id, input.expectedVersion, ctx.principal!, input, ctx.requestId);
  }

  @Authorized(CASE_WORKERS)
  @Mutation(() => Complaint, { description: 'Closes a decided case once no appeal can change it; its sanctions become final and public' })
  async closeComplaint(@Arg('input') input: ComplaintStepInput, @Ctx() ctx: RequestContext) {
    return this.s.complaints.close(input.id, input.expectedVersion, ctx.principal!, input.note, ctx.requestId);
  }

  // ---- queries ----

  @Authorized(CASE_READERS)
  @Query(() => Complaint, { nullable: true, description: 'One complaint (ethics staff and admins)' })
  complaint(@Arg('id', () => ID) id: string) {
    if (!isUuid(id)) throw badInput({ field: 'id', reason: 'must be a complaint id' });
    return this.s.complaintQueries.byId(id);
  }

  @Authorized(CASE_READERS)
  @Query(() => ComplaintConnection, { description: 'The complaint queue: open cases oldest first, with their clocks (ethics staff and admins)' })
  complaints(@Args() args: ComplaintsArgs) {
    const filter = { ...(args.filter ?? {}) };
    if (filter.open === undefined) filter.open = true;
    return this.s.complaintQueries.list(filter, args.first, args.after);
  }

  // ---- fields ----

  @FieldResolver(() => Person, { nullable: true, description: 'The respondent, when linked to a person' })
  respondent(@Root() c: Complaint): Person | null {
    return c.respondentPersonId ? { id: c.respondentPersonId } : null;
  }

  @Authorized(CASE_READERS)
  @FieldResolver(() => String, { nullable: true, description: 'What the complainant says happened (confidential; audited)' })
  summary(@Root() c: Complaint, @Ctx() ctx: RequestContext) {
    return this.audited(ctx, c, 'summary', c.summary);
  }

  @Authorized(CASE_READERS)
  @FieldResolver(() => Complainant, { nullable: true, description: 'Who filed it (confidential; audited)' })
  complainant(@Root() c: Complaint, @Ctx() ctx: RequestContext): Promise<Complainant> {
    return this.audited(ctx, c, 'complainant', { name: c.complainantName, email: c.complainantEmail, phone: c.complainantPhone, postalAddress: c.complainantAddress });
  }

  @Authorized(CASE_READERS)
  @FieldResolver(() => [ComplaintAllegation], { nullable: true, description: 'Allegations mapped to principles of the Code of Ethics (confidential; audited)' })
  async allegations(@Root() c: Complaint, @Ctx() ctx: RequestContext) {
    // Audit in the same tick as the other fields, so a request's reads land in one insert.
    const [rows] = await Promise.all([
      ctx.loaders.get<string, ComplaintAllegation[]>('complaint.allegations', (ids) => this.s.complaintQueries.allegationsOf(ids)).load(c.id),
      this.audited(ctx, c, 'allegations', null),
    ]);
    return rows;
  }

  @Authorized(CASE_READERS)
  @FieldResolver(() => String, { nullable: true, description: 'The findings (confidential; audited)' })
  findings(@Root() c: Complaint, @Ctx() ctx: RequestContext) {
    return c.findings === null ? null : this.audited(ctx, c, 'findings', c.findings);
  }

  @Authorized(CASE_READERS)
  @FieldResolver(() => String, { nullable: true, description: "The respondent's response (confidential; audited)" })
  respondentResponse(@Root() c: Complaint, @Ctx() ctx: RequestContext) {
    return c.respondentResponse === null ? null : this.audited(ctx, c, 'respondentResponse', c.respondentResponse);
  }

  @Authorized(CASE_READERS)
  @FieldResolver(() => String, { nullable: true, description: 'Why the outcome was decided (confidential; audited)' })
  outcomeReason(@Root() c: Complaint, @Ctx() ctx: RequestContext) {
    return c.outcomeReason === null ? null : this.audited(ctx, c, 'outcomeReason', c.outcomeReason);
  }

  @Authorized(CASE_READERS)
  @FieldResolver(() => String, { nullable: true, description: 'Grounds of the appeal (confidential; audited)' })
  appealGrounds(@Root() c: Complaint, @Ctx() ctx: RequestContext) {
    return c.appealGrounds === null ? null : this.audited(ctx, c, 'appealGrounds', c.appealGrounds);
  }

  @Authorized(CASE_READERS)
  @FieldResolver(() => [ComplaintClock], { description: 'Each step started so far against its target, in business days' })
  async clocks(@Root() c: Complaint, @Ctx() ctx: RequestContext) {
    return clocksOf(c, await this.policyOf(ctx, c), this.s.clock.today());
  }

  @Authorized(CASE_READERS)
  @FieldResolver(() => Int, { description: 'Business days since receipt (until closing)' })
  ageBusinessDays(@Root() c: Complaint) {
    return businessDaysBetween(c.receivedOn, c.closedOn ?? this.s.clock.today());
  }

  @Authorized(CASE_READERS)
  @FieldResolver(() => Boolean, { description: 'A running target is past its due date' })
  overdue(@Root() c: Complaint) {
    return c.nextDueOn !== null && c.nextDueOn < this.s.clock.today();
  }

  @Authorized(CASE_READERS)
  @FieldResolver(() => [StatusChange], { description: 'Every step of the case: who, when, from, to, why' })
  timeline(@Root() c: Complaint, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, StatusChange[]>('complaint.timeline', (ids) => this.s.complaintQueries.timelines(ids)).load(c.id);
  }

  @Authorized(CASE_READERS)
  @FieldResolver(() => [Sanction], { description: 'Sanctions decided on this case' })
  sanctions(@Root() c: Complaint, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, Sanction[]>('complaint.sanctions', (ids) => this.s.disciplinary.sanctionsOfComplaints(ids)).load(c.id);
  }

  @Authorized(CASE_READERS)
  @FieldResolver(() => CodeOfEthicsVersion, { description: 'The Code of Ethics in force on the incident date' })
  codeOfEthics(@Root() c: Complaint, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, CodeOfEthicsVersion | null>('codeOfEthics.byId', (ids) => this.s.codes.byIds(ids)).load(c.codeOfEthicsVersionId);
  }
}

@Resolver(() => ComplaintAllegation)
export class ComplaintAllegationResolver {
  @Authorized(CASE_READERS)
  @FieldResolver(() => String, { description: 'What is alleged (confidential)' })
  description(@Root() a: ComplaintAllegation) {
    return a.description;
  }
}
