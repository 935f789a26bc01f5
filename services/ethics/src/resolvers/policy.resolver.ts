// The ethics policy versions: anyone signed in reads them; only an admin adds one.
import { Role } from '@cpss/domain';
import { PolicyVersion, type Clock, type RequestContext } from '@cpss/server-kit';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { GraphQLJSONObject, LocalDateResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { EthicsPolicyStore } from '../policy/ethics-policy';
import { validateInput, withFieldPrefix } from './types/validate';

@InputType()
export class AddEthicsPolicyVersionInput {
  @Field(() => LocalDateResolver)
  effectiveFrom: string;

  @Field(() => GraphQLJSONObject, { description: 'Every number of the ethics policy (see ethicsPolicyInForce for the shape)' })
  values: Record<string, unknown>;

  @Field()
  @IsNotEmpty()
  @MaxLength(500)
  note: string;
}

@Resolver(() => PolicyVersion)
export class EthicsPolicyResolver {
  constructor(
    private readonly policy: EthicsPolicyStore,
    private readonly clock: Clock,
  ) {}

  @Authorized()
  @Query(() => [PolicyVersion], { description: 'Every version of the ethics policy, newest first' })
  ethicsPolicyVersions() {
    return this.policy.list();
  }

  @Authorized()
  @Query(() => PolicyVersion, { description: 'The ethics policy version in force on a date (today by default)' })
  async ethicsPolicyInForce(@Arg('on', () => LocalDateResolver, { nullable: true }) on?: string | null) {
    return (await this.policy.inForceOn(on ?? this.clock.today())).version;
  }

  @Authorized([Role.Admin])
  @Mutation(() => PolicyVersion, { description: 'Adds an ethics policy version taking effect on a date (admin)' })
  async addEthicsPolicyVersion(@Arg('input', { validate: false }) input: AddEthicsPolicyVersionInput, @Ctx() ctx: RequestContext) {
    // Every problem at once: the input's own fields and the policy values against the zod schema.
    const parsed = this.policy.schema.safeParse(input.values);
    const valueProblems = parsed.success ? [] : parsed.error.issues.map((i) => ({ field: ['input', 'values', ...i.path.map(String)].join('.'), reason: i.message }));
    await validateInput('input', input, valueProblems);
    return withFieldPrefix('input', () => this.policy.add({ ...input, createdBy: ctx.principal!.subject }));
  }
}
