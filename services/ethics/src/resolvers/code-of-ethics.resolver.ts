// The Code of Ethics: its versions and principles are public (anyone may read what CPSS sign);
// an admin adds a version; a signed-in person signs the version in force today themself.
import { Role } from '@cpss/domain';
import { failedPrecondition, type Clock, type RequestContext } from '@cpss/server-kit';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CodeOfEthicsPrinciple, CodeOfEthicsVersion } from '../entities/code-of-ethics';
import { EthicsAcknowledgment } from '../entities/ethics-acknowledgment';
import type { AcknowledgmentService } from '../services/acknowledgment.service';
import type { CodeOfEthicsService } from '../services/code-of-ethics.service';
import { AddCodeOfEthicsVersionInput } from './types/code-of-ethics.input';
import { withFieldPrefix } from '@cpss/server-kit';

@Resolver(() => CodeOfEthicsVersion)
export class CodeOfEthicsResolver {
  constructor(
    private readonly codes: CodeOfEthicsService,
    private readonly acknowledgments: AcknowledgmentService,
    private readonly clock: Clock,
  ) {}

  @Query(() => [CodeOfEthicsVersion], { description: 'Every version of the Code of Ethics, newest first (public)' })
  codesOfEthics() {
    return this.codes.list();
  }

  @Query(() => CodeOfEthicsVersion, { description: 'The Code of Ethics in force on a date, today by default (public)' })
  codeOfEthicsInForce(@Arg('on', () => LocalDateResolver, { nullable: true }) on?: string | null) {
    return this.codes.inForceOn(on ?? this.clock.today());
  }

  @FieldResolver(() => [CodeOfEthicsPrinciple])
  principles(@Root() version: CodeOfEthicsVersion, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, CodeOfEthicsPrinciple[]>('codeOfEthics.principles', (ids) => this.codes.principlesOf(ids)).load(version.id);
  }

  @Authorized([Role.Admin])
  @Mutation(() => CodeOfEthicsVersion, { description: 'Adds a version of the Code of Ethics taking effect on a date (admin)' })
  async addCodeOfEthicsVersion(@Arg('input') input: AddCodeOfEthicsVersionInput) {
    return withFieldPrefix('input', () => this.codes.add(input));
  }

  @Authorized()
  @Mutation(() => EthicsAcknowledgment, { description: 'The signed-in person signs the Code of Ethics in force today' })
  signCodeOfEthics(@Ctx() ctx: RequestContext) {
    const personId = ctx.principal!.personId;
    if (!personId) throw failedPrecondition('Only a person may sign the Code of Ethics', [{ rule: 'PERSON_ACCOUNT', reason: 'this account is not linked to a person' }]);
    return this.acknowledgments.sign(personId, ctx.principal!.subject);
  }
}

@Resolver(() => EthicsAcknowledgment)
export class EthicsAcknowledgmentResolver {
  constructor(private readonly codes: CodeOfEthicsService) {}

  @FieldResolver(() => CodeOfEthicsVersion, { description: 'The version of the Code of Ethics signed' })
  async codeOfEthics(@Root() ack: EthicsAcknowledgment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, CodeOfEthicsVersion | null>('codeOfEthics.byId', (ids) => this.codes.byIds(ids)).load(ack.codeOfEthicsVersionId);
  }
}
