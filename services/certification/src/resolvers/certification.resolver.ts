// Certifications: the holder and program staff see them; status on any date comes from the one
// lifecycle function. The public registry (registry.resolver.ts) shows a narrow view without sign-in.
import { Role } from '@cpss/domain';
import { Connection, ConnectionArgs, forbidden, isStaffOrSelf, notFound, StatusChange, type RequestContext } from '@cpss/server-kit';
import { GraphQLID } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { Certification, CertificationDesignation, CertificationEvent } from '../entities/certification';
import { CertificationEventKindEnum, CertificationStatusEnum } from '../entities/enums';
import { Person } from '../entities/person';
import { DEFAULT_DUE_WITHIN_DAYS, MAX_DUE_WITHIN_DAYS, type CertificationService } from '../services/certification.service';
import { requireStaffSelfOrService } from '../services/access';
import type { StatusOnDate } from '../services/lifecycle';
import type { PersonService } from '../services/person.service';
import { timelineLoader } from './application.resolver';
import { personLoader } from './person.resolver';

@InputType()
export class RecordCertificationEventInput {
  @Field(() => GraphQLID)
  certificationId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => CertificationEventKindEnum)
  kind: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, today or later; today by default' })
  effectiveOn?: string | null;

  @Field()
  reason: string;
}

@ArgsType()
export class CertificationsDueArgs extends ConnectionArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_DUE_WITHIN_DAYS, description: `Due from today to this many days on (1 to ${MAX_DUE_WITHIN_DAYS})` })
  withinDays?: number | null;
}

@ObjectType()
export class CertificationConnection extends Connection(Certification, 'Certification') {}

export function certificationLoader(ctx: RequestContext, certs: CertificationService) {
  return ctx.loaders.get<string, Certification | null>('certification.byId', (ids) => certs.byIds(ids));
}

export function certificationStatusLoader(ctx: RequestContext, certs: CertificationService, on: string) {
  return ctx.loaders.get<Certification, StatusOnDate>(`certification.status.${on}`, (list) => certs.statusesOn(list, on));
}

@Resolver(() => Certification)
export class CertificationResolver {
  constructor(
    private readonly certifications: CertificationService,
    private readonly people: PersonService,
    private readonly dataSource: DataSource,
  ) {}

  @Authorized()
  @Query(() => Certification, { description: 'One certification: the holder or program staff' })
  async certification(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    const cert = await certificationLoader(ctx, this.certifications).load(id);
    if (!cert) throw notFound('Certification', id);
    if (!isStaffOrSelf(ctx.principal, cert.personId)) throw forbidden('Only the holder or program staff may see this certification');
    return cert;
  }

  @Authorized([Role.CertificationReviewer, Role.Admin])
  @Query(() => CertificationConnection, { description: 'Certifications falling due within N days (not suspended, revoked or relinquished), soonest first: certification staff' })
  certificationsDue(@Args() args: CertificationsDueArgs, @Ctx() ctx: RequestContext) {
    return this.certifications.due(ctx.principal, args.withinDays, args.first, args.after);
  }

  @FieldResolver(() => Float, { description: 'Training hours a renewal needs, by the policy in force on the first day it can be submitted' })
  renewalHoursRequired(@Root() cert: Certification, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<Certification, number>('certification.renewalHoursRequired', (certs) => this.certifications.renewalHoursRequired(certs)).load(cert);
  }

  @FieldResolver(() => Person)
  person(@Root() cert: Certification, @Ctx() ctx: RequestContext) {
    return personLoader(ctx, this.people).load(cert.personId);
  }

  @FieldResolver(() => CertificationStatusEnum, { description: 'Status on a date (today by default), derived from its dates and events' })
  async status(@Root() cert: Certification, @Ctx() ctx: RequestContext, @Arg('on', () => LocalDateResolver, { nullable: true }) on?: string | null) {
    return (await certificationStatusLoader(ctx, this.certifications, on ?? this.certifications.today()).load(cert)).status;
  }

  @FieldResolver(() => LocalDateResolver, { nullable: true, description: 'Good through, including the late window (null once ended by an event)' })
  async goodThrough(@Root() cert: Certification, @Ctx() ctx: RequestContext) {
    return (await certificationStatusLoader(ctx, this.certifications, this.certifications.today()).load(cert)).goodThrough;
  }

  @FieldResolver(() => LocalDateResolver, { description: 'Renewal opens (the reminder window) on this date' })
  async renewalOpensOn(@Root() cert: Certification, @Ctx() ctx: RequestContext) {
    return (await certificationStatusLoader(ctx, this.certifications, this.certifications.today()).load(cert)).dueWindowFrom;
  }

  @FieldResolver(() => [CertificationDesignation])
  designations(@Root() cert: Certification, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, CertificationDesignation[]>('certification.designations', (ids) => this.certifications.designations(ids)).load(cert.id);
  }

  @FieldResolver(() => [CertificationEvent])
  events(@Root() cert: Certification, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, CertificationEvent[]>('certification.events', (ids) => this.certifications.events(ids)).load(cert.id);
  }

  @FieldResolver(() => [StatusChange])
  timeline(@Root() cert: Certification, @Ctx() ctx: RequestContext) {
    return timelineLoader(ctx, this.dataSource, 'Certification').load(cert.id);
  }

  @Authorized([Role.CertificationReviewer, Role.Admin, Role.EthicsStaff, Role.Applicant, Role.Trainer])
  @Mutation(() => Certification, { description: 'Suspends, reinstates or revokes (staff) or relinquishes (the holder or staff) a certification' })
  recordCertificationEvent(@Arg('input') input: RecordCertificationEventInput, @Ctx() ctx: RequestContext) {
    return this.certifications.recordEvent(ctx.principal, input);
  }
}

@Resolver(() => Person)
export class PersonCertificationResolver {
  constructor(private readonly certificationService: CertificationService) {}

  @Authorized()
  @FieldResolver(() => [Certification], { description: 'Certifications held, newest first: program staff, the person themself, or another domain (SERVICE)' })
  certifications(@Root() person: Person, @Ctx() ctx: RequestContext) {
    requireStaffSelfOrService(ctx.principal, person.id);
    return ctx.loaders.get<string, Certification[]>('certification.byPerson', (ids) => this.certificationService.byPeople(ids)).load(person.id);
  }
}
