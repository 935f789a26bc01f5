import { STAFF_ROLES } from '@cpss/domain';
import { Connection, notFound, requireStaffOrSelf, type RequestContext } from '@cpss/server-kit';
import { ageBandOf, type AgeBand, type Gender, type RaceEthnicity, type VeteranStatus } from '@cpss/domain';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AgeBandEnum, GenderEnum, RaceEthnicityEnum, VeteranStatusEnum } from '../entities/enums';
import { UpdatePersonProfileInput } from './types/person.input';
import { Person } from '../entities/person';
import { PersonService } from '../services/person.service';
import { requireStaffSelfOrService } from '../services/access';
import { PeopleArgs } from './types/people.args';

@ObjectType()
export class PersonConnection extends Connection(Person, 'Person') {}

@ObjectType()
export class MailingAddress {
  @Field()
  line1: string;

  @Field(() => String, { nullable: true })
  line2: string | null;

  @Field()
  city: string;

  @Field()
  state: string;

  @Field()
  postalCode: string;
}

@ObjectType({ description: 'Voluntary, self-reported demographics (program statistics); staff or the person themself' })
export class PersonDemographics {
  @Field(() => [RaceEthnicityEnum])
  raceEthnicity: RaceEthnicity[];

  @Field(() => GenderEnum, { nullable: true })
  gender: Gender | null;

  @Field(() => VeteranStatusEnum, { nullable: true })
  veteranStatus: VeteranStatus | null;

  @Field(() => AgeBandEnum, { description: 'Derived from the date of birth' })
  ageBand: AgeBand;
}

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
  @Query(() => Person, { description: 'One person: program staff, the person themself, or another domain (SERVICE)' })
  async person(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    requireStaffSelfOrService(ctx.principal, id);
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
  @FieldResolver(() => String, { nullable: true, description: 'Program staff or the person themself' })
  phone(@Root() person: Person, @Ctx() ctx: RequestContext) {
    requireStaffOrSelf(ctx.principal, person.id);
    return person.phone;
  }

  @Authorized()
  @FieldResolver(() => MailingAddress, { nullable: true, description: 'Program staff or the person themself' })
  mailingAddress(@Root() person: Person, @Ctx() ctx: RequestContext): MailingAddress | null {
    requireStaffOrSelf(ctx.principal, person.id);
    if (!person.addressLine1) return null;
    return { line1: person.addressLine1, line2: person.addressLine2, city: person.addressCity ?? '', state: person.addressState ?? '', postalCode: person.addressPostalCode ?? '' };
  }

  @Authorized()
  @FieldResolver(() => PersonDemographics, { description: 'Program staff or the person themself' })
  demographics(@Root() person: Person, @Ctx() ctx: RequestContext): PersonDemographics {
    requireStaffOrSelf(ctx.principal, person.id);
    return { raceEthnicity: person.raceEthnicity, gender: person.gender, veteranStatus: person.veteranStatus, ageBand: ageBandOf(this.personService.ageOn(person)) };
  }

  @Authorized()
  @Mutation(() => Person, { description: 'Updates contact, preferred name and voluntary demographics: the person themself or staff' })
  updatePersonProfile(@Arg('input') input: UpdatePersonProfileInput, @Ctx() ctx: RequestContext) {
    return this.personService.updateProfile(ctx.principal, input);
  }

  @Authorized()
  @FieldResolver(() => String, { description: 'Program staff or the person themself' })
  email(@Root() person: Person, @Ctx() ctx: RequestContext) {
    requireStaffOrSelf(ctx.principal, person.id);
    return person.email;
  }
}
