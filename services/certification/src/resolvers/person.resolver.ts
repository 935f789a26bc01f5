import { STAFF_ROLES } from '@cpss/domain';
import { Connection, notFound, requireStaffOrSelf, type RequestContext } from '@cpss/server-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Person } from '../entities/person';
import { PersonService } from '../services/person.service';
import { PeopleArgs } from './types/people.args';

@ObjectType()
export class PersonConnection extends Connection(Person, 'Person') {}

export function personLoader(ctx: RequestContext, people: PersonService) {
  return ctx.loaders.get<string, Person | null>('person.byId', (ids) => people.byIds(ids));
}

@Resolver(() => Person)
export class PersonResolver {
  constructor(private readonly personService: PersonService) {}

  @Authorized(STAFF_ROLES)
  @Query(() => PersonConnection, { description: 'People ordered by legal name (program staff)' })
  people(@Args() args: PeopleArgs) {
    return this.personService.list(args.first, args.after, { search: args.search, county: args.county });
  }

  @Authorized()
  @Query(() => Person, { description: 'One person: program staff, or the person themself' })
  async person(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    requireStaffOrSelf(ctx.principal, id);
    const found = await personLoader(ctx, this.personService).load(id);
    if (!found) throw notFound('Person', id);
    return found;
  }

  @Authorized()
  @Query(() => Person, { nullable: true, description: 'The signed-in person, when the account is linked to one' })
  me(@Ctx() ctx: RequestContext) {
    const personId = ctx.principal?.personId;
    return personId ? personLoader(ctx, this.personService).load(personId) : null;
  }

  @Authorized()
  @FieldResolver(() => String, { description: 'Program staff or the person themself' })
  email(@Root() person: Person, @Ctx() ctx: RequestContext) {
    requireStaffOrSelf(ctx.principal, person.id);
    return person.email;
  }
}
