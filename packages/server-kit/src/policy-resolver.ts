// The GraphQL side of a subgraph's effective-dated policy, the same in every subgraph: anyone signed
// in reads the versions; only an admin adds one (every problem with its values reported at once).
import { Role } from '@cpss/domain';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { GraphQLJSONObject, LocalDateResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { z } from 'zod';
import type { Clock } from './clock';
import type { RequestContext } from './context';
import { validatedInside, validateInput, withFieldPrefix } from './input';
import { PolicyVersion, type PolicyStore } from './policy';

/** `domain` names the operations: `${domain}PolicyVersions`, `${domain}PolicyInForce`, `add${Domain}PolicyVersion`. */
export function policyResolver(domain: string) {
  const Domain = domain[0]!.toUpperCase() + domain.slice(1);
  const article = /^[aeiou]/i.test(domain) ? 'an' : 'a';

  @InputType(`Add${Domain}PolicyVersionInput`)
  class AddPolicyVersionInput {
    @Field(() => LocalDateResolver)
    effectiveFrom: string;

    @Field(() => GraphQLJSONObject, { description: `Every number of the ${domain} policy (see ${domain}PolicyInForce for the shape)` })
    values: Record<string, unknown>;

    @Field()
    @IsNotEmpty()
    @MaxLength(500)
    note: string;
  }

  @Resolver(() => PolicyVersion)
  class PolicyResolver {
    constructor(
      readonly policy: PolicyStore<z.ZodType<Record<string, unknown>>>,
      readonly clock: Clock,
    ) {}

    @Authorized()
    @Query(() => [PolicyVersion], { name: `${domain}PolicyVersions`, description: `Every version of the ${domain} policy, newest first` })
    versions() {
      return this.policy.list();
    }

    @Authorized()
    @Query(() => PolicyVersion, { name: `${domain}PolicyInForce`, description: `The ${domain} policy version in force on a date (today by default)` })
    async inForce(@Arg('on', () => LocalDateResolver, { nullable: true }) on?: string | null) {
      return (await this.policy.inForceOn(on ?? this.clock.today())).version;
    }

    @Authorized([Role.Admin])
    @Mutation(() => PolicyVersion, { name: `add${Domain}PolicyVersion`, description: `Adds ${article} ${domain} policy version taking effect on a date (admin)` })
    async add(@Arg('input', () => AddPolicyVersionInput, { validateFn: validatedInside }) input: AddPolicyVersionInput, @Ctx() ctx: RequestContext) {
      const parsed = this.policy.schema.safeParse(input.values);
      const valueProblems = parsed.success ? [] : parsed.error.issues.map((i) => ({ field: ['input', 'values', ...i.path.map(String)].join('.'), reason: i.message }));
      // A version may start today or later: the past was judged by the versions then in force.
      const today = this.clock.today();
      if (input.effectiveFrom < today) valueProblems.unshift({ field: 'input.effectiveFrom', reason: `must not be before today (${today}): past cases keep the policy they were judged by` });
      await validateInput('input', input, valueProblems);
      return withFieldPrefix('input', () => this.policy.add({ ...input, createdBy: ctx.principal!.subject }));
    }
  }
  return PolicyResolver;
}
