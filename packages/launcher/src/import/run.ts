// The import command's work, apart from its arguments and terminal: the owning subgraph's own
// import service (its built dist/: certification's, training's, ethics'), in this process, on the database at
// `databaseUrl`, writing as actor `cli` with the ADMIN role (the audit trail names it). Used by cli.ts and the 10,000-row bench.
import { createReadStream, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openTrainingImports } from './training';

export const IMPORT_KINDS = {
  'people-certifications': { service: 'certification', kind: 'PEOPLE_CERTIFICATIONS' },
  'disciplinary-actions': { service: 'ethics', kind: 'DISCIPLINARY_ACTIONS' },
  courses: { service: 'training', kind: 'COURSES' },
  trainers: { service: 'training', kind: 'TRAINERS' },
  'training-completions': { service: 'training', kind: 'TRAINING_COMPLETIONS' },
} as const;
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
  const kit = require(require.resolve('@cpss/server-kit', { paths: [join(options.repoRoot, 'services', target.service)] })) as Kit;
  const { service, close } = await OPEN[target.service](options.repoRoot, options.databaseUrl, kit);
  const started = process.hrtime.bigint();
  try {
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
    await close();
  }
}

interface Kit {
  initializeAndMigrate<T extends { destroy(): Promise<void> }>(ds: T): Promise<T>;
  auditWrites(ds: unknown): void;
  runInAuditScope<T>(scope: { actor: string; roles: string[]; operation: string }, fn: () => T): T;
  systemClock: unknown;
}

interface ImportRunner {
  run(request: unknown): Promise<FinishedImport>;
}

type DataSourceLike = { destroy(): Promise<void>; manager: unknown };

/** Each domain's ImportService on its own database schema (writes audited as the scope's actor). */
const OPEN: Record<string, (repoRoot: string, databaseUrl: string, kit: Kit) => Promise<{ service: ImportRunner; close(): Promise<void> }>> = {
  async certification(repoRoot, databaseUrl, kit) {
    const { createCertificationDataSource } = load(repoRoot, 'certification', 'data-source.js') as { createCertificationDataSource(url: string): DataSourceLike };
    const { ImportService } = load(repoRoot, 'certification', 'services/import.service.js') as { ImportService: new (...args: unknown[]) => ImportRunner };
    const { certificationPolicyStore } = load(repoRoot, 'certification', 'policy/certification-policy.js') as { certificationPolicyStore(ds: unknown): unknown };
    const ds = await kit.initializeAndMigrate(createCertificationDataSource(databaseUrl));
    kit.auditWrites(ds);
    return { service: new ImportService(ds, certificationPolicyStore(ds), kit.systemClock), close: () => ds.destroy() };
  },
  // Courses, trainers and completions (packages/launcher/src/import/training.ts).
  training: (repoRoot, databaseUrl, kit) => openTrainingImports<ImportRunner>(repoRoot, databaseUrl, kit, (message) => new ImportCommandError(message)),
  // Disciplinary actions name people by certification number: certification's own code answers
  // from its schema in this process (as peopleByCertificationNumbers answers through the gateway).
  async ethics(repoRoot, databaseUrl, kit) {
    const { createEthicsDataSource } = load(repoRoot, 'ethics', 'data-source.js') as { createEthicsDataSource(url: string): DataSourceLike };
    const { EthicsImportService } = load(repoRoot, 'ethics', 'services/import.service.js') as { EthicsImportService: new (...args: unknown[]) => ImportRunner };
    const { createCertificationDataSource } = load(repoRoot, 'certification', 'data-source.js') as { createCertificationDataSource(url: string): DataSourceLike };
    const { certificationHolders } = load(repoRoot, 'certification', 'services/import.service.js') as {
      certificationHolders(manager: unknown, numbers: readonly string[]): Promise<{ certificationNumber: string; personId: string }[]>;
    };
    const certification = await kit.initializeAndMigrate(createCertificationDataSource(databaseUrl));
    const ds = await kit.initializeAndMigrate(createEthicsDataSource(databaseUrl)).catch(async (err: unknown) => {
      await certification.destroy();
      throw err;
    });
    kit.auditWrites(ds);
    const holders = {
      async personIdsOf(numbers: readonly string[]) {
        const found = new Map<string, string>();
        for (let i = 0; i < numbers.length; i += 1000) for (const h of await certificationHolders(certification.manager, numbers.slice(i, i + 1000))) found.set(h.certificationNumber, h.personId);
        return found;
      },
    };
    return {
      service: new EthicsImportService(ds, kit.systemClock, holders),
      close: async () => {
        await ds.destroy();
        await certification.destroy();
      },
    };
  },
};
