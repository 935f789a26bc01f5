// Every state change is recorded (who, when, from, to, why, and the facts decided on) and readable
// as a timeline. One `status_change` table per subgraph serves all its entities.
import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, type EntityManager } from 'typeorm';

@Entity({ name: 'status_change' })
@ObjectType('TimelineEntry', { description: 'One recorded change of state: who, when, from, to and why' })
@Directive('@shareable')
export class StatusChange {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'text' })
  @Field()
  toStatus: string;

  /** Account id of who made the change ('system' for scheduled jobs). */
  @Column({ type: 'text' })
  @Field()
  actor: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  reason: string | null;

  /** What the decision stood on (policy version, checklist...): staff-facing. */
  @Column({ type: 'jsonb', nullable: true })
  @Field(() => GraphQLJSONObject, { nullable: true })
  facts: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  @Field()
  at: Date;
}

export const STATUS_CHANGE_TABLE_SQL = [
  `create table status_change (
    id uuid primary key default gen_random_uuid(),
    subject_type text not null,
    subject_id uuid not null,
    from_status text,
    to_status text not null,
    actor text not null,
    reason text,
    facts jsonb,
    -- clock_timestamp, not now(): several changes in one transaction keep their order
    at timestamptz not null default clock_timestamp()
  )`,
  `create index status_change_subject_idx on status_change (subject_type, subject_id, at)`,
];

export async function recordStatusChange(
  manager: EntityManager,
  change: { subjectType: string; subjectId: string; from: string | null; to: string; actor: string; reason?: string | null; facts?: Record<string, unknown> | null; at?: Date },
): Promise<void> {
  await manager.getRepository(StatusChange).insert({
    subjectType: change.subjectType,
    subjectId: change.subjectId,
    fromStatus: change.from,
    toStatus: change.to,
    actor: change.actor,
    reason: change.reason ?? null,
    facts: (change.facts ?? null) as never,
    ...(change.at ? { at: change.at } : {}),
  });
}

export async function timelineOf(manager: EntityManager, subjectType: string, subjectIds: readonly string[]): Promise<StatusChange[]> {
  if (subjectIds.length === 0) return [];
  return manager
    .getRepository(StatusChange)
    .createQueryBuilder('s')
    .where('s.subject_type = :subjectType and s.subject_id = any(:ids)', { subjectType, ids: [...subjectIds] })
    .orderBy('s.at', 'ASC')
    .addOrderBy('s.id', 'ASC')
    .getMany();
}
