// The append-only audit trail of each domain (its `audit_entry` table): who, with which roles,
// did what to which row, when, in which request and through which operation.
// - Every write: a trigger on every table of the schema (auditWritesOn, installed by migrations)
//   records each inserted, updated or deleted row with the names of the columns an update changed
//   (never their values). Who is asking travels into PostgreSQL as transaction-local settings
//   (`cpss.actor`, `cpss.roles`, `cpss.request_id`, `cpss.operation`), set at the start of every
//   transaction of a mutation (auditWrites); a write with none is recorded as `system` under the
//   connection's application name (migrations, background jobs).
// - Every read or change of a sensitive field (recovery history, statements, complaint details):
//   recordAudit, with the names of the fields.
// The table refuses UPDATE and DELETE (a trigger), and the services' database role has only SELECT
// and INSERT on it (serviceRoleSql), so the trail cannot be edited after the fact.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, type DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type { Principal } from './auth';
import type { RequestContext } from './context';
import { rootFieldsOf } from './operation';

@Entity({ name: 'audit_entry' })
@ObjectType({ description: 'One entry of a domain\'s append-only audit trail (admins)' })
@Directive('@shareable')
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field({ description: 'The account that acted, `anonymous`, or `system` (migrations, background jobs)' })
  actor: string;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  @Field(() => [String])
  actorRoles: string[];

  /** read | create | update | delete | export | sign-in | sign-in-refused | sign-out */
  @Column({ type: 'text' })
  @Field({ description: 'read, create, update, delete, export, sign-in, sign-in-refused or sign-out' })
  action: string;

  @Column({ name: 'subject_type', type: 'text' })
  @Field({ description: 'The table (or kind of record) acted on' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'text' })
  @Field({ description: "The row's key (parts joined by /)" })
  subjectId: string;

  /** Names of the fields touched (never their values). */
  @Column({ type: 'text', array: true })
  @Field(() => [String], { description: 'Names of the fields read or changed (never their values)' })
  fields: string[];

  @Column({ name: 'request_id', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  requestId: string | null;

  /** The GraphQL root fields of the mutation, or what else wrote (a job, a migration). */
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The mutation (its root fields) or the job that acted' })
  operation: string | null;

  @CreateDateColumn({ name: 'at', type: 'timestamptz', precision: 3 })
  @Field()
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
  entry: { principal: Principal | null; action: 'read' | 'create' | 'update' | 'export' | 'sign-in' | 'sign-in-refused' | 'sign-out'; subjectType: string; subjectId: string; fields: string[]; requestId?: string; operation?: string },
): Promise<void> {
  await manager.getRepository(AuditEntry).insert({
    actor: entry.principal?.subject ?? 'anonymous',
    actorRoles: entry.principal?.roles ?? [],
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    fields: entry.fields,
    requestId: entry.requestId ?? null,
    operation: entry.operation ?? scopes.getStore()?.operation ?? null,
  });
}

// ---- Who is writing, carried into PostgreSQL -------------------------------------------------

export interface AuditScope {
  actor?: string;
  roles?: string[];
  requestId?: string;
  /** The mutation's root fields, or the job's name. */
  operation?: string;
  /** Transactions in this scope carry it into PostgreSQL (mutations and jobs; queries do not). */
  writes?: boolean;
}

const scopes = new AsyncLocalStorage<AuditScope>();

/** Express middleware: the rest of the request runs in a scope the GraphQL plugin fills in. */
export function auditScopeMiddleware(): RequestHandler {
  return (req, _res, next) => scopes.run({ requestId: req.id === undefined ? undefined : String(req.id) }, next);
}

/** Runs `fn` (a background job, a seed) with writes attributed to `scope` (actor `system` by default). */
export function runInAuditScope<T>(scope: AuditScope, fn: () => T): T {
  return scopes.run({ actor: 'system', ...scope, writes: true }, fn);
}

/** Apollo plugin: once the operation is known, the request's scope names the caller and it. */
export function auditScopePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          const scope = scopes.getStore();
          if (!scope || !operation) return;
          scope.actor = contextValue.principal?.subject ?? 'anonymous';
          scope.roles = contextValue.principal ? [...contextValue.principal.roles] : [];
          scope.requestId = contextValue.requestId;
          scope.operation = [...rootFieldsOf(operation.selectionSet, document)].join(',');
          scope.writes = operation.operation === 'mutation';
        },
      };
    },
  };
}

const SET_SCOPE_SQL = `select set_config('cpss.actor', $1, true), set_config('cpss.roles', $2, true), set_config('cpss.request_id', $3, true), set_config('cpss.operation', $4, true)`;
const scopeParameters = (s: AuditScope) => [s.actor ?? 'system', (s.roles ?? []).join(','), s.requestId ?? '', s.operation ?? ''];

// A write statement sent outside a transaction (a raw insert, a query builder's update): wrapped in
// one, so the scope reaches the trigger. The audit trail's own inserts need no scope.
const WRITE_STATEMENT = /^\s*(insert|update|delete|merge)\b|^\s*with\b[\s\S]*\b(insert|update|delete)\b/i;
let rawWritesWrapped = false;
function wrapRawWrites(): void {
  if (rawWritesWrapped) return;
  rawWritesWrapped = true;
  const original = PostgresQueryRunner.prototype.query;
  PostgresQueryRunner.prototype.query = async function (this: PostgresQueryRunner, ...args: Parameters<typeof original>) {
    const [sql] = args;
    if (this.isTransactionActive || !scopes.getStore()?.writes || typeof sql !== 'string' || !WRITE_STATEMENT.test(sql) || sql.includes('audit_entry')) {
      return original.apply(this, args);
    }
    await this.startTransaction();
    try {
      const result = await original.apply(this, args);
      await this.commitTransaction();
      return result;
    } catch (err) {
      if (this.isTransactionActive) await this.rollbackTransaction().catch(() => undefined);
      throw err;
    }
  } as typeof original;
}

const audited = new WeakSet<DataSource>();

/**
 * Every transaction begun through `dataSource` inside a writing scope (a mutation, a job run with
 * runInAuditScope) first tells PostgreSQL who is writing, for the audit trigger. Needs an initialized
 * DataSource (TypeORM replaces its subscriber list when it initializes).
 */
export function auditWrites(dataSource: DataSource): void {
  if (!dataSource.isInitialized) throw new Error('auditWrites needs an initialized DataSource');
  if (audited.has(dataSource)) return;
  audited.add(dataSource);
  wrapRawWrites();
  dataSource.subscribers.push({
    async afterTransactionStart(event: { queryRunner: QueryRunner }) {
      const scope = scopes.getStore();
      if (scope?.writes) await event.queryRunner.query(SET_SCOPE_SQL, scopeParameters(scope));
    },
  });
}

// ---- The trigger, and the role the services connect as ---------------------------------------

/** The audit trail's columns added after the first release, and the trigger function of writes. */
export const AUDIT_WRITES_SQL = [
  `alter table audit_entry add column if not exists operation text`,
  // Milliseconds, as JavaScript and the page cursors hold them: every entry of a transaction shares
  // its time, and a cursor must name that time exactly for the next page to start right after it.
  `alter table audit_entry alter column at type timestamptz(3)`,
  `create index if not exists audit_entry_at_idx on audit_entry (at desc, id desc)`,
  `create index if not exists audit_entry_actor_idx on audit_entry (actor, at desc)`,
  // Row values become JSON only for an update's changed-column names; the key is read column by
  // column, so a large document row is not turned into text for an insert or delete.
  `create or replace function audit_write() returns trigger language plpgsql set search_path from current as $$
     declare
       row_value record;
       part text;
       subject text := '';
       changed text[] := '{}';
       k text;
     begin
       if TG_OP = 'DELETE' then row_value := OLD; else row_value := NEW; end if;
       foreach k in array TG_ARGV loop
         execute format('select ($1).%I::text', k) into part using row_value;
         subject := case when subject = '' then coalesce(part, '') else subject || '/' || coalesce(part, '') end;
       end loop;
       if TG_OP = 'UPDATE' then
         select coalesce(array_agg(n.key order by n.key), '{}') into changed
           from jsonb_each(to_jsonb(NEW)) n where n.value is distinct from (to_jsonb(OLD) -> n.key);
       end if;
       insert into audit_entry (actor, actor_roles, action, subject_type, subject_id, fields, request_id, operation)
       values (
         coalesce(nullif(current_setting('cpss.actor', true), ''), 'system'),
         coalesce(string_to_array(nullif(current_setting('cpss.roles', true), ''), ','), '{}'),
         case TG_OP when 'INSERT' then 'create' when 'UPDATE' then 'update' else 'delete' end,
         TG_TABLE_NAME,
         subject,
         changed,
         nullif(current_setting('cpss.request_id', true), ''),
         coalesce(nullif(current_setting('cpss.operation', true), ''), current_setting('application_name'))
       );
       return null;
     end $$`,
];

/** Tables that are not audited row by row: the trail itself and the migrations ledger. */
export const UNAUDITED_TABLES = ['audit_entry', 'migrations'];

/**
 * Puts the write trigger on `table` of the connection's schema (keyed by its primary key columns).
 * Every start puts it on tables that lack it (prepareServiceRole), so a new table is never missed.
 */
export async function auditWritesOn(q: QueryRunner, table: string): Promise<void> {
  const keys = (await q.query(
    `select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = to_regclass($1) and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)`,
    [table],
  )) as { attname: string }[];
  const args = keys.map((k) => `'${k.attname.replace(/'/g, "''")}'`).join(', ');
  await q.query(`drop trigger if exists audit_write on "${table}"`);
  await q.query(`create trigger audit_write after insert or update or delete on "${table}" for each row execute function audit_write(${args})`);
}

/** The schema's tables without the write trigger. */
export async function tablesWithoutWriteAudit(q: Pick<QueryRunner, 'query'> | DataSource, schema: string): Promise<string[]> {
  const rows = (await q.query(
    `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p') and not (c.relname = any($2))
        and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'audit_write')
      order by 1`,
    [schema, UNAUDITED_TABLES],
  )) as { relname: string }[];
  return rows.map((r) => r.relname);
}

/** Puts the write trigger on every table of the schema that lacks it. */
export async function auditWritesOnEveryTable(q: QueryRunner, schema: string): Promise<void> {
  for (const table of await tablesWithoutWriteAudit(q, schema)) await auditWritesOn(q, table);
}

/** The database role a service's connections act as: `<schema>_service`. */
export const serviceRoleOf = (schema: string) => `${schema}_service`;

/**
 * The service's role (no login: the service's connections take it on, see createDataSource) with
 * what running needs: the rows of its own schema, never changing or emptying the audit trail.
 * Idempotent.
 */
export function serviceRoleSql(schema: string, options: { auditTrail: boolean }): string[] {
  const role = serviceRoleOf(schema);
  return [
    // Roles belong to the whole cluster: another database on it may have made this one already.
    `do $$ begin create role ${role} nologin; exception when duplicate_object or unique_violation then null; end $$`,
    `grant usage on schema ${schema} to ${role}`,
    `grant select, insert, update, delete on all tables in schema ${schema} to ${role}`,
    `grant usage, select, update on all sequences in schema ${schema} to ${role}`,
    `revoke insert, update, delete, truncate on migrations from ${role}`,
    ...(options.auditTrail ? [`revoke update, delete, truncate on audit_entry from ${role}`] : []),
  ];
}

/** The migration step every domain runs once: the new columns and the trigger function. */
export async function installAuditTrail(q: QueryRunner, schema: string): Promise<void> {
  for (const sql of AUDIT_WRITES_SQL) await q.query(sql);
  await auditWritesOnEveryTable(q, schema);
}

/**
 * After migrations, every start (as the schema's owner): the write trigger on every table that
 * lacks it (a table a later migration added), then the service's role and its grants.
 */
export async function prepareServiceRole(q: Pick<QueryRunner, 'query'> | DataSource, schema: string): Promise<void> {
  const [{ trail }] = (await q.query(`select to_regprocedure('${schema}.audit_write()') is not null as trail`)) as { trail: boolean }[];
  if (trail) {
    for (const table of await tablesWithoutWriteAudit(q, schema)) await auditWritesOn(q as QueryRunner, table);
  }
  for (const sql of serviceRoleSql(schema, { auditTrail: trail })) await q.query(sql);
}

/**
 * The migration that adds the trail of every write to a domain (AuditTrail1765100000000 in each
 * service). `createTable`: the domain had no audit trail before (the gateway's identity schema).
 */
export function auditTrailMigration(schema: string, options: { createTable?: boolean } = {}) {
  return class AuditTrail1765100000000 {
    name = 'AuditTrail1765100000000';

    async up(q: QueryRunner): Promise<void> {
      if (options.createTable) for (const sql of AUDIT_TABLE_SQL) await q.query(sql);
      await installAuditTrail(q, schema);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`drop function audit_write cascade`);
      if (options.createTable) {
        await q.query(`drop table audit_entry`);
        await q.query(`drop function audit_entry_append_only`);
        return;
      }
      await q.query(`drop index audit_entry_actor_idx`);
      await q.query(`drop index audit_entry_at_idx`);
      await q.query(`alter table audit_entry drop column operation`);
    }
  };
}
