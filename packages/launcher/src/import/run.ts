// The import command's work, apart from its arguments and terminal: the certification subgraph's
// own ImportService (its built dist/), in this process, on the database at `databaseUrl`, writing as
// actor `cli` with the ADMIN role (the audit trail names it). Used by cli.ts and the 10,000-row bench.
import { createReadStream, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const IMPORT_KINDS = { 'people-certifications': { service: 'certification', kind: 'PEOPLE_CERTIFICATIONS' } } as const;
export type ImportKindName = keyof typeof IMPORT_KINDS;

export interface ImportProblemLine {
  line: number;
  column: string | null;
  reason: string;
}

/** The finished run, as ImportService returns it. */
export interface FinishedImport {
  id: string;
  status: 'DONE' | 'REJECTED' | 'FAILED';
  rowsTotal: number | null;
  rowsProcessed: number;
  rowsValid: number;
  rowsInvalid: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblemLine[];
  problemCount: number;
  errorFileCsv: string | null;
}

export class ImportCommandError extends Error {}

export interface ImportFileOptions {
  databaseUrl: string;
  repoRoot: string;
  kind: ImportKindName;
  file: string;
  validOnly: boolean;
  dryRun: boolean;
  onProgress?(progress: { rowsProcessed: number; rowsTotal: number | null }): void;
}

type Module = Record<string, unknown>;

/** Loads a module of the built certification subgraph (and server-kit as it resolves it: one audit scope store). */
function load(repoRoot: string, service: string, module: string): Module {
  const path = join(repoRoot, 'services', service, 'dist', module);
  if (!existsSync(path)) throw new ImportCommandError(`services/${service}/dist/${module} is missing: build first (npm run import builds it)`);
  return require(path) as Module;
}

export async function importFile(options: ImportFileOptions): Promise<{ run: FinishedImport; seconds: number; errorFile: string | null }> {
  const target = IMPORT_KINDS[options.kind];
  const { createCertificationDataSource } = load(options.repoRoot, target.service, 'data-source.js') as { createCertificationDataSource(url: string): unknown };
  const { ImportService } = load(options.repoRoot, target.service, 'services/import.service.js') as { ImportService: new (...args: unknown[]) => { run(request: unknown): Promise<FinishedImport> } };
  const { certificationPolicyStore } = load(options.repoRoot, target.service, 'policy/certification-policy.js') as { certificationPolicyStore(ds: unknown): unknown };
  const kit = require(require.resolve('@cpss/server-kit', { paths: [join(options.repoRoot, 'services', target.service)] })) as {
    initializeAndMigrate(ds: unknown): Promise<{ destroy(): Promise<void> }>;
    auditWrites(ds: unknown): void;
    runInAuditScope<T>(scope: { actor: string; roles: string[]; operation: string }, fn: () => T): T;
    systemClock: unknown;
  };
  const ds = await kit.initializeAndMigrate(createCertificationDataSource(options.databaseUrl));
  const started = process.hrtime.bigint();
  try {
    kit.auditWrites(ds);
    const service = new ImportService(ds, certificationPolicyStore(ds), kit.systemClock);
    const run = await kit.runInAuditScope({ actor: 'cli', roles: ['ADMIN'], operation: `import:${options.kind}` }, () =>
      service.run({
        kind: target.kind,
        mode: options.validOnly ? 'VALID_ROWS_ONLY' : 'ALL_OR_NOTHING',
        fileName: options.file.split(/[\\/]/).pop(),
        dryRun: options.dryRun,
        source: createReadStream(options.file),
        startedBy: 'cli',
        onProgress: options.onProgress,
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const errorFile = `${options.file}.errors.csv`;
    if (run.errorFileCsv) {
      writeFileSync(errorFile, run.errorFileCsv);
      return { run, seconds, errorFile };
    }
    rmSync(errorFile, { force: true }); // an earlier run's, no longer true
    return { run, seconds, errorFile: null };
  } finally {
    await ds.destroy();
  }
}
