// Import runs, the same in every subgraph that imports CSV files (certification, training, ethics):
// the import_run table (importRunTableSql, each domain's migration runs it in its schema), the
// GraphQL ImportRun / ImportProblem / ImportMode / ImportRunStatus types (shareable), and
// ImportRunService: the bookkeeping of a run around the engine (csv-import.ts). A run is an
// import_run row, RUNNING while the file is read, checked and written, then DONE, REJECTED or
// FAILED with its counts, problems and error file. The UI's mutation returns at once and the run
// goes on in this process; runs left RUNNING by a process that stopped are marked FAILED by the
// service started after it, before its first answer about imports (the command line's imports,
// another process, are left alone). Row values are personal data: only counts and ids are logged.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Role } from '@cpss/domain';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, type DataSource, type QueryRunner } from 'typeorm';
import { runInAuditScope } from './audit';
import type { Principal } from './auth';
import { runCsvImport, type CsvImportKind, type CsvImportOptions, type CsvImportProgress, type ImportMode, type ImportProblem as ImportProblemShape, type ImportRunStatus } from './csv-import';
import { badInput, forbidden, unauthenticated } from './errors';
import type { Logger } from './logger';
import { graphqlEnum } from './schema';

export const ImportModeEnum = graphqlEnum({ AllOrNothing: 'ALL_OR_NOTHING', ValidRowsOnly: 'VALID_ROWS_ONLY' } as const, 'ImportMode', 'Write nothing when any row fails, or write the valid rows only');
export const ImportRunStatusEnum = graphqlEnum(
  { Running: 'RUNNING', Done: 'DONE', Rejected: 'REJECTED', Failed: 'FAILED' } as const,
  'ImportRunStatus',
  'RUNNING, DONE, REJECTED (all-or-nothing found problems: nothing written) or FAILED (nothing written)',
);

/** The most problems a run keeps (problemCount counts them all). */
export const MAX_STORED_PROBLEMS = 1000;
/** The largest file the UI may send (its base64 stays under the gateway's 15 MiB body limit). */
export const MAX_IMPORT_BYTES = 10 * 2 ** 20;
export const MAX_IMPORT_RUNS_LISTED = 100;

/** GraphQL's ImportProblem (the engine's ImportProblem, csv-import.ts, as a type). */
@ObjectType('ImportProblem', { description: 'A problem of an import file: its line (the header is line 1), the column at fault, and why' })
@Directive('@shareable')
export class ImportProblemObject implements ImportProblemShape {
  @Field(() => Int)
  line: number;

  @Field(() => String, { nullable: true })
  column: string | null;

  @Field()
  reason: string;
}

@Entity({ name: 'import_run' })
@ObjectType({ description: 'An import of a CSV file (admins)' })
@Directive('@shareable')
export class ImportRun {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field()
  kind: string;

  @Column({ type: 'text' })
  @Field(() => ImportModeEnum)
  mode: ImportMode;

  @Column({ name: 'file_name', type: 'text' })
  @Field()
  fileName: string;

  @Column({ name: 'dry_run', type: 'boolean' })
  @Field()
  dryRun: boolean;

  @Column({ type: 'text' })
  @Field(() => ImportRunStatusEnum)
  status: ImportRunStatus;

  @Column({ name: 'rows_total', type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Known once the file has been read through' })
  rowsTotal: number | null;

  @Column({ name: 'rows_processed', type: 'integer', default: 0 })
  @Field(() => Int)
  rowsProcessed: number;

  @Column({ name: 'rows_valid', type: 'integer', default: 0 })
  @Field(() => Int)
  rowsValid: number;

  @Column({ name: 'rows_invalid', type: 'integer', default: 0 })
  @Field(() => Int)
  rowsInvalid: number;

  @Column({ type: 'integer', default: 0 })
  @Field(() => Int)
  created: number;

  @Column({ type: 'integer', default: 0 })
  @Field(() => Int)
  updated: number;

  @Column({ type: 'integer', default: 0 })
  @Field(() => Int)
  unchanged: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  @Field(() => [ImportProblemObject], { description: 'The first 1,000 problems by line (problemCount says how many)' })
  problems: ImportProblemShape[];

  @Column({ name: 'problem_count', type: 'integer', default: 0 })
  @Field(() => Int)
  problemCount: number;

  @Column({ name: 'error_file_csv', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The rejected rows as CSV, with an added last column `error`' })
  errorFileCsv: string | null;

  @Column({ name: 'started_by', type: 'text' })
  @Field({ description: 'The account that started it (or cli)' })
  startedBy: string;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  @Field()
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  /** The process that runs it: a start of the service fails the runs of processes gone. */
  @Column({ type: 'text' })
  runner: string;
}

/** Creates the import_run table (in the migration's schema): a domain's migration calls it. */
export async function createImportRunTable(q: QueryRunner): Promise<void> {
  await q.query(`
    create table import_run (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      mode text not null check (mode in ('ALL_OR_NOTHING', 'VALID_ROWS_ONLY')),
      file_name text not null,
      dry_run boolean not null default false,
      status text not null check (status in ('RUNNING', 'DONE', 'REJECTED', 'FAILED')),
      rows_total integer,
      rows_processed integer not null default 0,
      rows_valid integer not null default 0,
      rows_invalid integer not null default 0,
      created integer not null default 0,
      updated integer not null default 0,
      unchanged integer not null default 0,
      problems jsonb not null default '[]',
      problem_count integer not null default 0,
      error_file_csv text,
      started_by text not null,
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      runner text not null
    )`);
  await q.query(`create index import_run_started_idx on import_run (started_at desc, id desc)`);
  await q.query(`create index import_run_running_idx on import_run (status) where status = 'RUNNING'`);
}

/** This process: a service that starts fails the RUNNING runs other processes began before it (they were cut off). */
const RUNNER = `${process.pid}-${randomUUID()}`;
const PROCESS_STARTED = new Date();

/** The mutation's input, as every domain's Start…ImportInput carries it. */
export interface StartImportInput {
  kind: string;
  mode: string;
  fileName: string;
  contentBase64: string;
  dryRun?: boolean | null;
}

export interface ImportRequest<Kind extends string = string> {
  kind: Kind;
  mode: ImportMode;
  fileName: string;
  dryRun: boolean;
  source: Readable | AsyncIterable<Buffer | string> | Buffer;
  startedBy: string;
  /** Told of each progress update too (the command line prints it). */
  onProgress?(progress: CsvImportProgress): void;
  requestId?: string;
}

/** What a run of one kind needs: the kind, and how references to other kinds are looked up. */
export interface PreparedImport {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  kind: CsvImportKind<any>;
  referenceExists?: CsvImportOptions['referenceExists'];
}

export interface ImportRunServiceOptions<Kind extends string> {
  kinds: readonly Kind[];
  /** The mutation's name (the audit trail's operation), e.g. startCertificationImport. */
  operation: string;
  /** Builds the kind for a run (policy loaded, today's date...). */
  prepare(run: ImportRun, request: ImportRequest<Kind>): Promise<PreparedImport>;
  logger?: Logger;
}

const MODES: readonly string[] = ['ALL_OR_NOTHING', 'VALID_ROWS_ONLY'];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A domain's imports: start (the UI), run (the command line), byId, list; ADMIN only. */
export class ImportRunService<Kind extends string = string> {
  /** Runs going on in this process (the mutation has returned): kept so none is lost, and awaited by settle(). */
  private readonly running = new Set<Promise<unknown>>();
  /** Whether this service has failed the runs a stopped process left RUNNING (once, before the first read or start). */
  private interruptedFailed: Promise<void> | null = null;

  constructor(
    protected readonly dataSource: DataSource,
    private readonly importOptions: ImportRunServiceOptions<Kind>,
  ) {}

  protected get logger(): Logger | undefined {
    return this.importOptions.logger;
  }

  private async requireAdmin(principal: Principal | null): Promise<Principal> {
    if (!principal) throw unauthenticated();
    if (!principal.roles.includes(Role.Admin)) throw forbidden('Only admins import files');
    this.interruptedFailed ??= this.failInterrupted().then(
      () => undefined,
      (err: Error) => {
        this.interruptedFailed = null;
        throw err;
      },
    );
    await this.interruptedFailed;
    return principal;
  }

  /** The UI's mutation: checks the input, records the run RUNNING, and goes on after returning it. */
  async start(principal: Principal | null, input: StartImportInput, requestId?: string): Promise<ImportRun> {
    const admin = await this.requireAdmin(principal);
    const kinds = this.importOptions.kinds as readonly string[];
    const problems: { field: string; reason: string }[] = [];
    if (!kinds.includes(input.kind)) problems.push({ field: 'input.kind', reason: `must be one of ${kinds.join(', ')}` });
    if (!MODES.includes(input.mode)) problems.push({ field: 'input.mode', reason: `must be one of ${MODES.join(', ')}` });
    const fileName = input.fileName.trim();
    if (!fileName || fileName.length > 255) problems.push({ field: 'input.fileName', reason: 'must be 1 to 255 characters' });
    const base64 = input.contentBase64.replace(/\s+/g, '');
    let content: Buffer | null = null;
    if (base64.length % 4 !== 0 || !BASE64.test(base64)) problems.push({ field: 'input.contentBase64', reason: 'is not base64' });
    else if ((base64.length / 4) * 3 > MAX_IMPORT_BYTES + 2) problems.push({ field: 'input.contentBase64', reason: `the file is larger than ${MAX_IMPORT_BYTES / 2 ** 20} MiB` });
    else {
      content = Buffer.from(base64, 'base64');
      if (content.length === 0) problems.push({ field: 'input.contentBase64', reason: 'the file is empty' });
      else {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(content);
        } catch {
          problems.push({ field: 'input.contentBase64', reason: 'the file is not UTF-8 text' });
        }
      }
    }
    if (problems.length) throw badInput(problems);
    const { run, done } = await this.begin(
      { kind: input.kind as Kind, mode: input.mode as ImportMode, fileName, dryRun: input.dryRun ?? false, source: content!, startedBy: admin.subject, requestId },
      admin,
    );
    void done.catch(() => undefined); // logged, and the run marked FAILED, by execute()
    return run;
  }

  /** The command line's import: the same run, awaited. */
  async run(request: ImportRequest<Kind>): Promise<ImportRun> {
    const { done } = await this.begin(request, null);
    return done;
  }

  /**
   * Records the run, then runs it in the background (in an audit scope naming whoever started it):
   * `done` resolves with the finished run, whatever its status.
   */
  private async begin(request: ImportRequest<Kind>, principal: Principal | null): Promise<{ run: ImportRun; done: Promise<ImportRun> }> {
    const repo = this.dataSource.getRepository(ImportRun);
    const run = await repo.save(
      repo.create({ kind: request.kind, mode: request.mode, fileName: request.fileName, dryRun: request.dryRun, status: 'RUNNING', startedBy: request.startedBy, runner: RUNNER, problems: [] }),
    );
    const work = () => this.execute(run, request);
    const done = principal
      ? runInAuditScope({ actor: principal.subject, roles: [...principal.roles], requestId: request.requestId, operation: this.importOptions.operation }, work)
      : work();
    this.running.add(done);
    const forget = () => void this.running.delete(done);
    done.then(forget, forget);
    return { run: { ...run }, done };
  }

  private async execute(run: ImportRun, request: ImportRequest<Kind>): Promise<ImportRun> {
    const repo = this.dataSource.getRepository(ImportRun);
    const started = Date.now();
    try {
      const prepared = await this.importOptions.prepare(run, request);
      const result = await runCsvImport(request.source, prepared.kind, {
        dataSource: this.dataSource,
        mode: request.mode,
        dryRun: request.dryRun,
        referenceExists: prepared.referenceExists,
        onProgress: async (p) => {
          request.onProgress?.(p);
          await repo.update({ id: run.id, status: 'RUNNING' }, { rowsTotal: p.rowsTotal, rowsProcessed: p.rowsProcessed });
        },
      });
      Object.assign(run, {
        status: result.status,
        rowsTotal: result.rowsTotal,
        rowsProcessed: result.rowsProcessed,
        rowsValid: result.rowsValid,
        rowsInvalid: result.rowsInvalid,
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        problems: result.problems.slice(0, MAX_STORED_PROBLEMS),
        problemCount: result.problems.length,
        errorFileCsv: result.errorFileCsv,
        finishedAt: new Date(),
      });
      this.logger?.info(
        { importRunId: run.id, kind: run.kind, mode: run.mode, dryRun: run.dryRun, status: run.status, rowsTotal: run.rowsTotal, rowsInvalid: run.rowsInvalid, created: run.created, updated: run.updated, unchanged: run.unchanged, ms: Date.now() - started, requestId: request.requestId },
        'import finished',
      );
    } catch (err) {
      // Nothing was written (one transaction). The reason kept and logged names no row value.
      const e = err as { code?: string; constraint?: string; table?: string; name?: string };
      this.logger?.error({ importRunId: run.id, requestId: request.requestId, error: { name: e.name, code: e.code, constraint: e.constraint, table: e.table } }, 'import failed');
      const rule = e.constraint ? ` (the database refused a row: ${e.constraint})` : '';
      Object.assign(run, {
        status: 'FAILED',
        problems: [{ line: 0, column: null, reason: `The import failed${rule}; nothing was written${request.requestId ? ` (request ${request.requestId})` : ''}` }],
        problemCount: 1,
        created: 0,
        updated: 0,
        unchanged: 0,
        finishedAt: new Date(),
      });
    }
    const { id, ...values } = run;
    try {
      await repo.update({ id }, values);
    } catch (err) {
      this.logger?.error({ importRunId: id, requestId: request.requestId, error: { name: (err as Error).name, code: (err as { code?: string }).code } }, 'import outcome not recorded');
      throw err;
    }
    return run;
  }

  async byId(principal: Principal | null, id: string): Promise<ImportRun | null> {
    await this.requireAdmin(principal);
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    return this.dataSource.getRepository(ImportRun).findOneBy({ id });
  }

  async list(principal: Principal | null, first: number): Promise<ImportRun[]> {
    await this.requireAdmin(principal);
    if (!Number.isInteger(first) || first < 1 || first > MAX_IMPORT_RUNS_LISTED) throw badInput({ field: 'first', reason: `must be between 1 and ${MAX_IMPORT_RUNS_LISTED}` });
    return this.dataSource.getRepository(ImportRun).find({ order: { startedAt: 'DESC', id: 'DESC' }, take: first });
  }

  /**
   * Runs left RUNNING by a process that is gone (a restart cut them off): FAILED, nothing written.
   * Those another process (the command line) began after this one started are its to finish.
   */
  async failInterrupted(): Promise<number> {
    const result = await this.dataSource.getRepository(ImportRun).query(
      `update import_run set status = 'FAILED', finished_at = now(), problem_count = 1,
              problems = '[{"line": 0, "column": null, "reason": "interrupted: the service stopped before the import finished; nothing was written"}]'
        where status = 'RUNNING' and runner <> $1 and started_at < $2`,
      [RUNNER, PROCESS_STARTED],
    );
    const count = Array.isArray(result) ? Number(result[1] ?? 0) : 0;
    if (count) this.logger?.warn({ count }, 'import runs interrupted by a restart marked FAILED');
    return count;
  }

  /** Waits for the runs going on in this process (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
