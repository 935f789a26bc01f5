// The outbox as admins see it: which commands to certification and training are waiting, oldest
// first (delivery is a later issue; this is where a stuck one shows).
import { Role } from '@cpss/domain';
import { Connection, ConnectionArgs, decodeCursor, toConnection } from '@cpss/server-kit';
import { IsIn, IsOptional } from 'class-validator';
import { Args, ArgsType, Authorized, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { OutboundCommand } from '../entities/outbound-command';

@ObjectType()
export class EthicsOutboundCommandConnection extends Connection(OutboundCommand, 'EthicsOutboundCommand') {}

@ArgsType()
export class OutboundCommandsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'pending (the default) or another delivery status; null for all' })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'failed'])
  status?: string | null;
}

@Resolver(() => OutboundCommand)
export class OutboxResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Authorized([Role.Admin])
  @Query(() => EthicsOutboundCommandConnection, { description: 'Commands ethics decisions must send to other domains, oldest first (admins)' })
  async ethicsOutboundCommands(@Args() args: OutboundCommandsArgs) {
    const qb = this.dataSource.getRepository(OutboundCommand).createQueryBuilder('o');
    const status = args.status === undefined ? 'pending' : args.status;
    if (status) qb.andWhere('o.status = :status', { status });
    const total = await qb.clone().getCount();
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, 2) as [string, string];
      qb.andWhere(`(date_trunc('milliseconds', o.created_at), o.id) > (:createdAt, :id)`, { createdAt, id });
    }
    // Keyed at millisecond precision, the precision the cursor carries.
    const rows = await qb.orderBy(`date_trunc('milliseconds', o.created_at)`, 'ASC').addOrderBy('o.id', 'ASC').take(args.first + 1).getMany();
    return toConnection(rows, args.first, total, (o) => [o.createdAt.toISOString(), o.id]);
  }
}
