// Ethics' fields on Person: signed Code of Ethics acknowledgments (staff or the person themself),
// the complaints against them and their sanctions (ethics staff and admins only), and their public
// disciplinary status (anyone signed in; also the public `publicDisciplinaryStatus` query).
import { isUuid, Role, STAFF_ROLES } from '@cpss/domain';
import { badInput, requireStaffOrSelf, type RequestContext } from '@cpss/server-kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Complaint } from '../entities/complaint';
import { EthicsAcknowledgment } from '../entities/ethics-acknowledgment';
import { Person } from '../entities/person';
import { Sanction } from '../entities/sanction';
import type { EthicsServices } from '../ethics-services';
import type { PublicStatus } from '../services/disciplinary.service';
import { PublicDisciplinaryStatus } from './types/complaint.types';

function acknowledgmentsLoader(ctx: RequestContext, s: EthicsServices) {
  return ctx.loaders.get<string, EthicsAcknowledgment[]>('ethicsAcknowledgment.byPerson', (ids) => s.acknowledgments.of(ids));
}

/** Program staff and other domains deciding on ethics' facts (the SERVICE role). */
const STAFF_OR_SERVICE = [...STAFF_ROLES, Role.Service];

/** Why a person may not teach today (null when nothing bars them): a final sanction in effect. */
export function teachingBarOf(status: PublicStatus): string | null {
  if (status.standing === 'REVOCATION') return 'certification revoked';
  if (status.standing === 'SUSPENSION') return 'certification suspended';
  if (status.removedAsTrainer) return 'removed as trainer';
  return null;
}

export function publicStatusLoader(ctx: RequestContext, s: EthicsServices) {
  return ctx.loaders.get<string, PublicStatus>('publicDisciplinaryStatus.byPerson', (ids) => s.disciplinary.publicStatusOf(ids));
}

@Resolver(() => Person)
export class PersonEthicsResolver {
  constructor(private readonly s: EthicsServices) {}

  @Authorized()
  @Query(() => [EthicsAcknowledgment], { description: "A person's Code of Ethics acknowledgments (staff or the person themself)" })
  ethicsAcknowledgments(@Arg('personId', () => ID) personId: string, @Ctx() ctx: RequestContext) {
    requireStaffOrSelf(ctx.principal, personId);
    return acknowledgmentsLoader(ctx, this.s).load(personId);
  }

  @Authorized()
  @FieldResolver(() => [EthicsAcknowledgment], { name: 'ethicsAcknowledgments', nullable: true, description: 'Signed Code of Ethics versions, newest first. Null when ethics cannot answer (the gateway then reports SERVICE_UNAVAILABLE naming ethics).' })
  acknowledgmentsOfPerson(@Root() person: Person, @Ctx() ctx: RequestContext) {
    requireStaffOrSelf(ctx.principal, person.id);
    return acknowledgmentsLoader(ctx, this.s).load(person.id);
  }

  @Query(() => PublicDisciplinaryStatus, { description: "A person's public disciplinary status: final actions only (public, no sign-in)" })
  publicDisciplinaryStatus(@Arg('personId', () => ID) personId: string, @Ctx() ctx: RequestContext) {
    if (!isUuid(personId)) throw badInput({ field: 'personId', reason: 'must be a person id' });
    return publicStatusLoader(ctx, this.s).load(personId);
  }

  @Authorized()
  @FieldResolver(() => PublicDisciplinaryStatus, { name: 'publicDisciplinaryStatus', nullable: true, description: 'Final disciplinary actions only (anyone signed in). Null when ethics cannot answer (the gateway then reports SERVICE_UNAVAILABLE naming ethics).' })
  publicStatusOfPerson(@Root() person: Person, @Ctx() ctx: RequestContext) {
    return publicStatusLoader(ctx, this.s).load(person.id);
  }

  @Authorized([Role.EthicsStaff, Role.Admin])
  @FieldResolver(() => [Complaint], { nullable: true, description: 'Complaints against this person, newest first (ethics staff and admins). Null when ethics cannot answer (the gateway then reports SERVICE_UNAVAILABLE naming ethics).' })
  complaints(@Root() person: Person, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, Complaint[]>('complaint.byRespondent', (ids) => this.s.complaintQueries.againstPeople(ids)).load(person.id);
  }

  @Authorized([Role.EthicsStaff, Role.Admin])
  @FieldResolver(() => [Sanction], { nullable: true, description: 'Sanctions decided against this person, newest first, pending and final (ethics staff and admins). Null when ethics cannot answer (the gateway then reports SERVICE_UNAVAILABLE naming ethics).' })
  sanctions(@Root() person: Person, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, Sanction[]>('sanction.byPerson', (ids) => this.s.disciplinary.sanctionsOf(ids)).load(person.id);
  }

  @Authorized(STAFF_OR_SERVICE)
  @FieldResolver(() => Int, { nullable: true, description: 'Complaints against this person not closed yet (program staff; other domains deciding on it). Null when ethics cannot answer (the gateway then reports SERVICE_UNAVAILABLE naming ethics).' })
  openComplaintCount(@Root() person: Person, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, number>('complaint.openCountByRespondent', (ids) => this.s.complaintQueries.openCountsAgainst(ids)).load(person.id);
  }

  @Authorized(STAFF_OR_SERVICE)
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Why the person may not teach today: a final suspension, revocation or removal as trainer in effect (null when nothing bars them; program staff and other domains). Also null when ethics cannot answer (the gateway then reports SERVICE_UNAVAILABLE naming ethics): read the errors before taking null as not barred',
  })
  async barredFromTeaching(@Root() person: Person, @Ctx() ctx: RequestContext) {
    return teachingBarOf(await publicStatusLoader(ctx, this.s).load(person.id));
  }

  @Authorized([Role.EthicsStaff, Role.Admin])
  @Query(() => [Person], { description: 'People with a complaint against them not closed yet (ethics staff and admins), e.g. to see which of them teach upcoming sessions' })
  openComplaintRespondents() {
    return this.s.complaintQueries.openRespondents().then((ids) => ids.map((id) => ({ id })));
  }
}
