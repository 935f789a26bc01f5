// The append-only audit trail of sensitive data: every read and change of recovery history,
// statements or complaint details records who, when, what and why. The table refuses UPDATE and
// DELETE, so the trail cannot be edited after the fact.
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, type EntityManager } from 'typeorm';
import type { Principal } from './auth';

@Entity({ name: 'audit_entry' })
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  actor: string;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles: string[];

  /** read | create | update | export */
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId: string;

  /** Names of the sensitive fields touched (never their values). */
  @Column({ type: 'text', array: true })
  fields: string[];

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at: Date;
}

export const AUDIT_TABLE_SQL = [
  `create table audit_entry (
    id uuid primary key default gen_random_uuid(),
    actor text not null,
    actor_roles text[] not null default '{}',
    action text not null,
    subject_type text not null,
    subject_id text not null,
    fields text[] not null default '{}',
    request_id text,
    at timestamptz not null default now()
  )`,
  `create index audit_entry_subject_idx on audit_entry (subject_type, subject_id, at)`,
  `create function audit_entry_append_only() returns trigger language plpgsql as $$
     begin raise exception 'audit_entry is append-only'; end $$`,
  `create trigger audit_entry_no_change before update or delete on audit_entry
     for each row execute function audit_entry_append_only()`,
];

export async function recordAudit(
  manager: EntityManager,
  entry: { principal: Principal | null; action: 'read' | 'create' | 'update' | 'export'; subjectType: string; subjectId: string; fields: string[]; requestId?: string },
): Promise<void> {
  await manager.getRepository(AuditEntry).insert({
    actor: entry.principal?.subject ?? 'anonymous',
    actorRoles: entry.principal?.roles ?? [],
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    fields: entry.fields,
    requestId: entry.requestId ?? null,
  });
}
