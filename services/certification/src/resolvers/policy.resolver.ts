// The certification policy versions: anyone signed in reads them; only an admin adds one.
import { Role } from '@cpss/domain';
import { PolicyVersion, type Clock, type RequestContext } from '@cpss/server-kit';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { GraphQLJSONObject, LocalDateResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { CertificationPolicyStore } from '../policy/certification-policy';
import { withFieldPrefix } from './types/common';

@InputType()
export class AddCertificationPolicyVersionInput {
  @Field(() => LocalDateResolver)
  effectiveFrom: string;

  @Field(() => GraphQLJSONObject, { description: 'Every number of the certification policy (see certificationPolicyInForce for the shape)' })
  values: Record<string, unknown>;

  @Field()
  @IsNotEmpty()
  @MaxLength(500)
  note: string;
}

@Resolver(() => PolicyVersion)
export class CertificationPolicyResolver {
  constructor(
    private readonly policy: CertificationPolicyStore,
    private readonly clock: Clock,
  ) {}

  @Authorized()
  @Query(() => [PolicyVersion], { description: 'Every version of the certification policy, newest first' })
  certificationPolicyVersions() {
    return this.policy.list();
  }

  @Authorized()
  @Query(() => PolicyVersion, { description: 'The certification policy version in force on a date (today by default)' })
  async certificationPolicyInForce(@Arg('on', () => LocalDateResolver, { nullable: true }) on?: string | null) {
    return (await this.policy.inForceOn(on ?? this.clock.today())).version;
  }

  @Authorized([Role.Admin])
  @Mutation(() => PolicyVersion, { description: 'Adds a certification policy version taking effect on a date (admin)' })
  addCertificationPolicyVersion(@Arg('input') input: AddCertificationPolicyVersionInput, @Ctx() ctx: RequestContext) {
    return withFieldPrefix('input', () => this.policy.add({ ...input, createdBy: ctx.principal!.subject }));
  }
}
