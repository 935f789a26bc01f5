// Person.trainerProfile: a person as a trainer, for program staff and the person themself.
import { requireStaffOrSelf, type RequestContext } from '@cpss/server-kit';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Person } from '../entities/person';
import { TrainerProfile } from '../entities/trainer-profile';
import type { SessionService } from '../services/session.service';

@Resolver(() => Person)
export class PersonTrainerResolver {
  constructor(private readonly sessions: SessionService) {}

  @Authorized()
  @FieldResolver(() => TrainerProfile, { nullable: true, description: 'The person as a trainer (null when never registered to teach a course): program staff or the person themself. Also null when training cannot answer (the gateway then reports SERVICE_UNAVAILABLE naming training)' })
  trainerProfile(@Root() person: Person, @Ctx() ctx: RequestContext) {
    requireStaffOrSelf(ctx.principal, person.id);
    return ctx.loaders.get('trainer.profile', this.sessions.trainerProfilesOf).load(person.id);
  }
}
