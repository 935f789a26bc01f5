// The outbox as admins see it: commands to certification and training, oldest first, the stuck
// ones among them, and a retry now for one of them.
import { isUuid, Role } from '@cpss/domain';
import { badInput, Connection, ConnectionArgs } from '@cpss/server-kit';
import { IsIn, IsOptional } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { OutboundCommand } from '../entities/outbound-command';
import type { EthicsServices } from '../ethics-services';

@ObjectType()
export class EthicsOutboundCommandConnection extends Connection(OutboundCommand, 'EthicsOutboundCommand') {}

@ArgsType()
export class OutboundCommandsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'pending (the default) or delivered; null for all' })
  @IsOptional()
  @IsIn(['pending', 'delivered'])
  status?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only stuck commands (true) or only the others (false)' })
  @IsOptional()
  stuck?: boolean | null;
}

@Resolver(() => OutboundCommand)
export class OutboxResolver {
  constructor(private readonly s: EthicsServices) {}

  @Authorized([Role.Admin])
  @Query(() => EthicsOutboundCommandConnection, { description: 'Commands ethics decisions send to other domains, oldest first (admins)' })
  ethicsOutboundCommands(@Args() args: OutboundCommandsArgs) {
    return this.s.outbox.list({ status: args.status === undefined ? 'pending' : args.status, stuck: args.stuck ?? null }, args.first, args.after);
  }

  @Authorized([Role.Admin])
  @Mutation(() => OutboundCommand, { description: 'Tries a pending command again now (admins): for one that is stuck after the cause was fixed' })
  retryOutboundCommand(@Arg('id', () => ID) id: string) {
    if (!isUuid(id)) throw badInput({ field: 'id', reason: 'is not a command id' });
    return this.s.outbox.retryNow(id);
  }

  @FieldResolver(() => Boolean, { description: 'Failed often enough that an admin should look; it is still retried' })
  stuck(@Root() command: OutboundCommand) {
    return this.s.outbox.isStuck(command);
  }
}
