// A command to another domain that a decision here requires (hold an application, revoke a
// certification, remove a trainer), written in the same transaction as the decision and delivered
// through the gateway by the outbox job until it lands (services/outbox-delivery.ts).
import { EthicsCommandType } from '@cpss/domain';
import { graphqlEnum } from '@cpss/server-kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const EthicsCommandTypeEnum = graphqlEnum(EthicsCommandType, 'EthicsCommandType', 'A command ethics sends to another domain');

@Entity({ name: 'outbound_command' })
@ObjectType({ description: 'A command to another domain recorded with the decision that requires it (admins)' })
export class OutboundCommand {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field(() => EthicsCommandTypeEnum)
  type: EthicsCommandType;

  @Column({ name: 'target_domain', type: 'text' })
  @Field(() => String)
  targetDomain: 'certification' | 'training';

  /** Ids and dates only (person, complaint, sanction): never complaint detail. */
  @Column({ type: 'jsonb' })
  @Field(() => GraphQLJSONObject)
  payload: Record<string, unknown>;

  /** The receiver applies a key once, however often it is delivered. */
  @Column({ name: 'idempotency_key', type: 'text' })
  @Field()
  idempotencyKey: string;

  @Column({ type: 'text', default: 'pending' })
  @Field({ description: 'pending or delivered' })
  status: string;

  /** Registry changes must land within the policy's registry update target. */
  @Column({ name: 'deliver_by', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  deliverBy: Date | null;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int)
  attempts: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  @Field({ description: 'When the next delivery attempt is due (pending commands)' })
  nextAttemptAt: Date;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  lastAttemptAt: Date | null;

  /** Why the last attempt failed: the receiving side's error message, never payload detail. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  /** What the receiving domain did, in its words. */
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  outcome: string | null;
}
