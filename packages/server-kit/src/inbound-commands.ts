// The receiving end of cross-domain commands: each command carries an idempotency key, recorded in
// the same transaction as its effect, so a command delivered twice (a retry after a lost answer)
// takes effect once. A service adds the table with INBOUND_COMMAND_SQL in one of its migrations.
import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, InputType, ObjectType } from 'type-graphql';
import type { EntityManager } from 'typeorm';

export const INBOUND_COMMAND_SQL = `
  create table inbound_command (
    idempotency_key text primary key,
    type text not null,
    source_domain text not null,
    payload jsonb not null,
    outcome text,
    applied_at timestamptz not null default now()
  )`;

@InputType({ description: 'A command from another domain (the SERVICE role only)' })
export class CrossDomainCommandInput {
  @Field({ description: 'Applied once, however often it is delivered' })
  idempotencyKey: string;

  @Field()
  type: string;

  @Field({ description: 'The domain that decided it' })
  sourceDomain: string;

  @Field(() => GraphQLJSONObject, { description: 'Ids and dates only' })
  payload: Record<string, unknown>;
}

@Directive('@shareable')
@ObjectType({ description: 'What a domain did with a command from another domain' })
export class CrossDomainCommandReceipt {
  @Field()
  idempotencyKey: string;

  @Field({ description: 'False when the key had been applied before: nothing was done again' })
  appliedNow: boolean;

  @Field({ description: 'What the command changed, in words' })
  outcome: string;
}

/**
 * Runs `apply` inside `tx` unless the key was applied before; the key is claimed first, so a
 * concurrent delivery of the same command waits on it and then finds it applied.
 */
export async function applyOnce(
  tx: EntityManager,
  command: { idempotencyKey: string; type: string; sourceDomain: string; payload: Record<string, unknown> },
  apply: () => Promise<string>,
): Promise<CrossDomainCommandReceipt> {
  const claimed = (await tx.query(
    `insert into inbound_command (idempotency_key, type, source_domain, payload) values ($1, $2, $3, $4)
     on conflict (idempotency_key) do nothing returning idempotency_key`,
    [command.idempotencyKey, command.type, command.sourceDomain, JSON.stringify(command.payload)],
  )) as unknown[];
  if (!claimed.length) {
    const [earlier] = (await tx.query(`select outcome from inbound_command where idempotency_key = $1`, [command.idempotencyKey])) as { outcome: string | null }[];
    return { idempotencyKey: command.idempotencyKey, appliedNow: false, outcome: earlier?.outcome ?? 'applied before' };
  }
  const outcome = await apply();
  await tx.query(`update inbound_command set outcome = $2 where idempotency_key = $1`, [command.idempotencyKey, outcome]);
  return { idempotencyKey: command.idempotencyKey, appliedNow: true, outcome };
}
