// Commands from other domains (ethics), delivered through the gateway by their outbox as SERVICE.
import { Role } from '@cpss/domain';
import { CrossDomainCommandInput, CrossDomainCommandReceipt, type RequestContext } from '@cpss/server-kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { CommandService } from '../services/commands.service';

@Resolver()
export class CommandResolver {
  constructor(private readonly commands: CommandService) {}

  @Authorized([Role.Service])
  @Mutation(() => CrossDomainCommandReceipt, {
    description: 'Applies a command from another domain once (SERVICE only): HOLD_APPLICATION, RELEASE_APPLICATION_HOLD, SUSPEND_CERTIFICATION, REVOKE_CERTIFICATION',
  })
  applyCertificationCommand(@Arg('input', () => CrossDomainCommandInput) input: CrossDomainCommandInput, @Ctx() ctx: RequestContext) {
    return this.commands.apply(ctx.principal, input);
  }
}
