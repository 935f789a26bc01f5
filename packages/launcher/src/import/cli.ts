// `npm run import -- <kind> <file.csv> [--valid-only] [--dry-run]` (see README, "Importing"):
// imports a CSV file into DATABASE_URL, or the embedded database in .data/ (started for the command
// when the platform is not running). Prints the progress, the counts, the problems (the first 50)
// and the time; writes the rejected rows next to the file (<file>.errors.csv). Exit code 1 when the
// file was rejected (nothing written) or the import failed.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { openTarget, TargetError, type BackupTarget } from '../backup/target';
import { DatabaseUnavailableError } from '../database';
import { readLauncherEnv } from '../env';
import { IMPORT_KINDS, ImportCommandError, importFile, type ImportKindName } from './run';

const root = join(__dirname, '..', '..', '..', '..');
const USAGE = `usage: npm run import -- <kind> <file.csv> [--valid-only] [--dry-run]
  kinds: ${Object.keys(IMPORT_KINDS).join(', ')}
  --valid-only  write the valid rows and return the rest as <file>.errors.csv (default: all or nothing)
  --dry-run     check the file and count what would change, writing nothing`;
const SHOWN_PROBLEMS = 50;

const userPath = (p: string) => (isAbsolute(p) ? p : resolve(process.env['INIT_CWD'] ?? process.cwd(), p));
const shown = (p: string) => {
  const r = relative(process.cwd(), p);
  return r.startsWith('..') ? p : r;
};

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('-')));
  const [kind, fileArg, ...rest] = args.filter((a) => !a.startsWith('-'));
  const unknownFlags = [...flags].filter((f) => f !== '--valid-only' && f !== '--dry-run');
  if (!kind || !fileArg || rest.length || unknownFlags.length || !(kind in IMPORT_KINDS)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const file = userPath(fileArg);
  if (!existsSync(file) || !statSync(file).isFile()) {
    process.stderr.write(`import: ${fileArg}: no such file\n`);
    return 2;
  }
  const env = readLauncherEnv();
  if (!env.DATABASE_URL && !existsSync(join(root, '.data', 'postgres'))) {
    process.stderr.write(`import: there is no embedded database yet (${join(root, '.data', 'postgres')}). Start the platform once (npm start), or set DATABASE_URL\n`);
    return 1;
  }
  let target: BackupTarget | null = null;
  const stop = async () => {
    const t = target;
    target = null;
    await t?.stop().catch(() => undefined);
  };
  // Interrupted: the import's one transaction dies with its connection (nothing written).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop().then(() => process.exit(130)));
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  try {
    target = await openTarget('backup', { databaseUrl: env.DATABASE_URL, repoRoot: root, devdbPort: env.DEVDB_PORT });
    process.stdout.write(`importing ${shown(file)} (${kind}${flags.has('--valid-only') ? ', valid rows only' : ', all or nothing'}${flags.has('--dry-run') ? ', dry run' : ''}) into ${target.description}\n`);
    const { run, seconds, errorFile } = await importFile({
      databaseUrl: target.url,
      repoRoot: root,
      kind: kind as ImportKindName,
      file,
      validOnly: flags.has('--valid-only'),
      dryRun: flags.has('--dry-run'),
      onProgress: ({ rowsProcessed, rowsTotal }) => {
        const line = `  ${rowsProcessed} of ${rowsTotal ?? '?'} rows processed`;
        if (tty) process.stderr.write(`\r${line}`);
        else if (Date.now() - lastLine >= 1000 || rowsProcessed === rowsTotal) {
          lastLine = Date.now();
          process.stderr.write(`${line}\n`);
        }
      },
    });
    if (tty) process.stderr.write('\n');
    const out: string[] = [];
    out.push(`${run.status}${flags.has('--dry-run') ? ' (dry run: nothing written)' : run.status === 'DONE' ? '' : ': nothing written'} in ${seconds.toFixed(1)} s`);
    out.push(`  rows: ${run.rowsTotal ?? 0} (${run.rowsValid} valid, ${run.rowsInvalid} invalid); created ${run.created}, updated ${run.updated}, unchanged ${run.unchanged}`);
    if (run.problemCount) {
      out.push(`  ${run.problemCount} problem${run.problemCount === 1 ? '' : 's'}${run.problemCount > SHOWN_PROBLEMS ? ` (the first ${SHOWN_PROBLEMS})` : ''}:`);
      for (const p of run.problems.slice(0, SHOWN_PROBLEMS)) out.push(`    line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.reason}`);
    }
    if (errorFile) out.push(`  the rejected rows, with an error column: ${shown(errorFile)}`);
    process.stdout.write(`${out.join('\n')}\n`);
    return run.status === 'DONE' ? 0 : 1;
  } catch (err) {
    const known = [TargetError, DatabaseUnavailableError, ImportCommandError].some((k) => err instanceof k);
    process.stderr.write(`import: ${known ? (err as Error).message : `failed: ${(err as Error).message}`}\n`);
    return 1;
  } finally {
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`import: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
