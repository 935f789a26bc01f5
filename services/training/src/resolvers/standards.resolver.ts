// The training standards are public program information: anyone signed in may read them.
import { Role } from '@cpss/domain';
import type { Clock, RequestContext } from '@cpss/server-kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { AddTrainingStandardsVersionInput } from './types/standards.input';
import { TrainingStandards } from '../entities/standards';
import { StandardsService } from '../services/standards.service';

@Resolver(() => TrainingStandards)
export class StandardsResolver {
  constructor(
    private readonly standards: StandardsService,
    private readonly clock: Clock,
  ) {}

  @Authorized()
  @Query(() => TrainingStandards, { description: 'A version of the training standards; the one in force today when no version is given' })
  trainingStandards(@Arg('version', () => String, { nullable: true }) version?: string | null) {
    return version ? this.standards.byVersion(version) : this.standards.inForceOn(this.clock.today());
  }

  @Authorized()
  @Query(() => [TrainingStandards], { description: 'Every version of the training standards, newest first' })
  trainingStandardsVersions() {
    return this.standards.list();
  }

  @Authorized([Role.Admin])
  @Mutation(() => TrainingStandards, { description: 'Adopts a new version of the training standards, effective on a future date (admin)' })
  addTrainingStandardsVersion(@Arg('input') input: AddTrainingStandardsVersionInput, @Ctx() ctx: RequestContext) {
    return this.standards.add(ctx.principal!, input, this.clock.today());
  }
}
