// Every state change is recorded (who, when, from, to, why, and the facts decided on) and readable
// as a timeline. One `status_change` table per subgraph serves all its entities.
import type { Principal } from './auth';
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

  /** The actor's name as they were signed in when they made the change (none for the system). */
  @Column({ name: 'actor_name', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Who made the change, by name (null for scheduled jobs and older entries)' })
  actorName: string | null;

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

/** Added after the table: the actor's name, so timelines read as people, not account ids. */
export const STATUS_CHANGE_ACTOR_NAME_SQL = `alter table status_change add column if not exists actor_name text`;

export async function recordStatusChange(
  manager: EntityManager,
  change: {
    subjectType: string;
    subjectId: string;
    from: string | null;
    to: string;
    /** The signed-in principal (their id and name are kept), or a word such as 'system'. */
    actor: string | Pick<Principal, 'subject' | 'name'>;
    reason?: string | null;
    facts?: Record<string, unknown> | null;
    at?: Date;
  },
): Promise<void> {
  const actor = typeof change.actor === 'string' ? { subject: change.actor, name: null } : change.actor;
  await manager.getRepository(StatusChange).insert({
    subjectType: change.subjectType,
    subjectId: change.subjectId,
    fromStatus: change.from,
    toStatus: change.to,
    actor: actor.subject,
    actorName: actor.name,
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
