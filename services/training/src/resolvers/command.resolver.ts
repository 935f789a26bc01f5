// Commands from other domains (ethics' sanctions), for the SERVICE role only: the rules live in
// TrainingCommandService.
import { Role } from '@cpss/domain';
import { CrossDomainCommandInput, CrossDomainCommandReceipt, type RequestContext } from '@cpss/server-kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { TrainingCommandService } from '../services/training-command.service';

@Resolver()
export class TrainingCommandResolver {
  constructor(private readonly commands: TrainingCommandService) {}

  @Authorized([Role.Service])
  @Mutation(() => CrossDomainCommandReceipt, { description: 'Applies a command from another domain once, however often it is delivered (REMOVE_TRAINER from ethics); SERVICE only' })
  applyTrainingCommand(@Arg('input', () => CrossDomainCommandInput) input: CrossDomainCommandInput, @Ctx() ctx: RequestContext) {
    return this.commands.apply(ctx.principal!, input);
  }
}
