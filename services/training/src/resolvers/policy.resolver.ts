// The training policy versions: anyone signed in reads them; only an admin adds one.
import { Role } from '@cpss/domain';
import { PolicyVersion, type Clock, type RequestContext } from '@cpss/server-kit';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { GraphQLJSONObject, LocalDateResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { TrainingPolicyStore } from '../policy/training-policy';
import { withFieldPrefix } from './types/common';

@InputType()
export class AddTrainingPolicyVersionInput {
  @Field(() => LocalDateResolver)
  effectiveFrom: string;

  @Field(() => GraphQLJSONObject, { description: 'Every number of the training policy (see trainingPolicyInForce for the shape)' })
  values: Record<string, unknown>;

  @Field()
  @IsNotEmpty()
  @MaxLength(500)
  note: string;
}

@Resolver(() => PolicyVersion)
export class TrainingPolicyResolver {
  constructor(
    private readonly policy: TrainingPolicyStore,
    private readonly clock: Clock,
  ) {}

  @Authorized()
  @Query(() => [PolicyVersion], { description: 'Every version of the training policy, newest first' })
  trainingPolicyVersions() {
    return this.policy.list();
  }

  @Authorized()
  @Query(() => PolicyVersion, { description: 'The training policy version in force on a date (today by default)' })
  async trainingPolicyInForce(@Arg('on', () => LocalDateResolver, { nullable: true }) on?: string | null) {
    return (await this.policy.inForceOn(on ?? this.clock.today())).version;
  }

  @Authorized([Role.Admin])
  @Mutation(() => PolicyVersion, { description: 'Adds a training policy version taking effect on a date (admin)' })
  addTrainingPolicyVersion(@Arg('input') input: AddTrainingPolicyVersionInput, @Ctx() ctx: RequestContext) {
    return withFieldPrefix('input', () => this.policy.add({ ...input, createdBy: ctx.principal!.subject }));
  }
}
