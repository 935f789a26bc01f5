// Ethics' fields on Person: signed Code of Ethics acknowledgments (staff or the person themself).
import { requireStaffOrSelf, type RequestContext } from '@cpss/server-kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { EthicsAcknowledgment } from '../entities/ethics-acknowledgment';
import { Person } from '../entities/person';
import { AcknowledgmentService } from '../services/acknowledgment.service';

function acknowledgmentsLoader(ctx: RequestContext, service: AcknowledgmentService) {
  return ctx.loaders.get<string, EthicsAcknowledgment[]>('ethicsAcknowledgment.byPerson', (ids) => service.of(ids));
}

@Resolver(() => Person)
export class PersonEthicsResolver {
  constructor(private readonly acknowledgments: AcknowledgmentService) {}

  @Authorized()
  @Query(() => [EthicsAcknowledgment], { description: "A person's Code of Ethics acknowledgments (staff or the person themself)" })
  ethicsAcknowledgments(@Arg('personId', () => ID) personId: string, @Ctx() ctx: RequestContext) {
    requireStaffOrSelf(ctx.principal, personId);
    return acknowledgmentsLoader(ctx, this.acknowledgments).load(personId);
  }

  @Authorized()
  @FieldResolver(() => [EthicsAcknowledgment], { name: 'ethicsAcknowledgments', description: 'Signed Code of Ethics versions, newest first' })
  acknowledgmentsOfPerson(@Root() person: Person, @Ctx() ctx: RequestContext) {
    requireStaffOrSelf(ctx.principal, person.id);
    return acknowledgmentsLoader(ctx, this.acknowledgments).load(person.id);
  }
}
