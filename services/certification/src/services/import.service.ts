// Imports of CSV files into the certification domain (admins, from the UI or `npm run import`):
// each run is an import_run row, RUNNING while the file is read, checked and written (the engine:
// server-kit csv-import.ts), then DONE, REJECTED or FAILED with its counts, problems and error file.
// The UI's mutation returns at once and the run goes on in this process; runs left RUNNING by a
// process that stopped are marked FAILED by the service started after it, before its first answer
// about imports (the command line's imports, another process, are left alone).
// Row values are personal data: only counts and ids are logged.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Role } from '@cpss/domain';
import {
  badInput,
  forbidden,
  runCsvImport,
  runInAuditScope,
  unauthenticated,
  type Clock,
  type CsvImportProgress,
  type ImportMode,
  type Logger,
  type Principal,
} from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import { CertificationImportKind, ImportRun, MAX_STORED_PROBLEMS } from '../entities/import-run';
import type { CertificationPolicyStore } from '../policy/certification-policy';
import { peopleCertificationsKind } from './import-people-certifications';
import { PolicyCatalog } from './policy-catalog';

/** The largest file the UI may send (its base64 stays under the gateway's 15 MiB body limit). */
export const MAX_IMPORT_BYTES = 10 * 2 ** 20;
export const MAX_IMPORT_RUNS_LISTED = 100;

/** This process: a service that starts fails the RUNNING runs other processes began before it (they were cut off). */
const RUNNER = `${process.pid}-${randomUUID()}`;
const PROCESS_STARTED = new Date();

export interface StartImportInput {
  kind: string;
  mode: string;
  fileName: string;
  contentBase64: string;
  dryRun?: boolean | null;
}

export interface ImportRequest {
  kind: CertificationImportKind;
  mode: ImportMode;
  fileName: string;
  dryRun: boolean;
  source: Readable | AsyncIterable<Buffer | string> | Buffer;
  startedBy: string;
  /** Told of each progress update too (the command line prints it). */
  onProgress?(progress: CsvImportProgress): void;
  requestId?: string;
}

const KINDS = Object.values(CertificationImportKind) as string[];
const MODES: readonly string[] = ['ALL_OR_NOTHING', 'VALID_ROWS_ONLY'];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export class ImportService {
  /** Runs going on in this process (the mutation has returned): kept so none is lost, and awaited by settle(). */
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: CertificationPolicyStore,
    private readonly clock: Clock,
    private readonly logger?: Logger,
  ) {}

  /** Whether this service has failed the runs a stopped process left RUNNING (once, before the first read or start). */
  private interruptedFailed: Promise<void> | null = null;

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
    const problems: { field: string; reason: string }[] = [];
    if (!KINDS.includes(input.kind)) problems.push({ field: 'input.kind', reason: `must be one of ${KINDS.join(', ')}` });
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
    const { run, done } = await this.begin({
      kind: input.kind as CertificationImportKind,
      mode: input.mode as ImportMode,
      fileName,
      dryRun: input.dryRun ?? false,
      source: content!,
      startedBy: admin.subject,
      requestId,
    }, admin);
    void done.catch(() => undefined); // logged, and the run marked FAILED, by execute()
    return run;
  }

  /** The command line's import: the same run, awaited. */
  async run(request: ImportRequest): Promise<ImportRun> {
    const { done } = await this.begin(request, null);
    return done;
  }

  /**
   * Records the run, then runs it in the background (in an audit scope naming whoever started it):
   * `done` resolves with the finished run, whatever its status.
   */
  private async begin(request: ImportRequest, principal: Principal | null): Promise<{ run: ImportRun; done: Promise<ImportRun> }> {
    const repo = this.dataSource.getRepository(ImportRun);
    const run = await repo.save(
      repo.create({ kind: request.kind, mode: request.mode, fileName: request.fileName, dryRun: request.dryRun, status: 'RUNNING', startedBy: request.startedBy, runner: RUNNER, problems: [] }),
    );
    const work = () => this.execute(run, request);
    const done = principal
      ? runInAuditScope({ actor: principal.subject, roles: [...principal.roles], requestId: request.requestId, operation: 'startCertificationImport' }, work)
      : work();
    this.running.add(done);
    const forget = () => void this.running.delete(done);
    done.then(forget, forget);
    return { run: { ...run }, done };
  }

  private async execute(run: ImportRun, request: ImportRequest): Promise<ImportRun> {
    const repo = this.dataSource.getRepository(ImportRun);
    const started = Date.now();
    try {
      const catalog = await PolicyCatalog.load(this.policy);
      const kind = peopleCertificationsKind({ today: this.clock.today(), catalog, actor: request.startedBy, importRunId: run.id });
      const result = await runCsvImport(request.source, kind, {
        dataSource: this.dataSource,
        mode: request.mode,
        dryRun: request.dryRun,
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

