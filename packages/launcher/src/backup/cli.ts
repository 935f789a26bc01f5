// `npm run db:backup [-- <file>]` and `npm run db:restore -- <file>` (see README, "Backup and restore").
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { readLauncherEnv } from '../env';
import { ArchiveError } from './archive';
import { backupDatabase, BackupError } from './backup';
import { restoreDatabase, RestoreError } from './restore';
import { openTarget, TargetError, type BackupTarget } from './target';
import { DatabaseUnavailableError } from '../database';

const root = join(__dirname, '..', '..', '..', '..');
const USAGE = 'usage: npm run db:backup [-- <file>]   |   npm run db:restore -- <file>';

/** Paths are the user's: relative to where npm was run, not the repository root. */
const userPath = (p: string) => (isAbsolute(p) ? p : resolve(process.env['INIT_CWD'] ?? process.cwd(), p));
const shown = (p: string) => {
  const r = relative(process.cwd(), p);
  return r.startsWith('..') ? p : r;
};
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(bytes < 2 ** 20 ? 2 : 1)} MiB`;

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || args.length > 1 || args.some((a) => a.startsWith('-'))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (command === 'restore' && args.length === 0) {
    process.stderr.write(`db:restore needs the backup to restore, e.g. npm run db:restore -- backups/cpss-20260101T000000Z.tar.gz\n`);
    return 2;
  }
  const env = readLauncherEnv();
  const file = args[0] ? userPath(args[0]) : join(root, 'backups', `cpss-${stamp()}.tar.gz`);
  let target: BackupTarget | null = null;
  const stop = async () => {
    const t = target;
    target = null;
    await t?.stop().catch(() => undefined);
  };
  // Interrupted: a restore's transaction dies with its connection (nothing restored); a backup's
  // unfinished file goes.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (command === 'backup') rmSync(`${file}.partial`, { force: true });
      void stop().then(() => process.exit(130));
    });
  }
  try {
    target = await openTarget(command, { databaseUrl: env.DATABASE_URL, repoRoot: root, devdbPort: env.DEVDB_PORT });
    if (command === 'backup') {
      mkdirSync(dirname(file), { recursive: true });
      const s = await backupDatabase(target.url, file);
      const m = s.manifest;
      process.stdout.write(
        `backed up ${target.description}: ${m.totals.tables} tables, ${m.totals.rows} rows (${mib(m.totals.bytes)} of data), ${m.sequences.length} sequences, in one snapshot at ${m.createdAt}\n` +
          `  ${shown(s.file)} (${mib(s.bytes)}, ${s.seconds.toFixed(1)} s)\n`,
      );
    } else {
      const s = await restoreDatabase(target.url, file, { repoRoot: root, log: (line) => process.stdout.write(`${line}\n`) });
      const m = s.manifest;
      process.stdout.write(
        `restored ${shown(file)} into ${target.description}: ${m.totals.tables} tables, ${m.totals.rows} rows, ${m.sequences.length} sequences (backup of ${m.createdAt}), in ${s.seconds.toFixed(1)} s\n` +
          `  pg-boss queues were emptied; the services put their schedules back when they start.\n`,
      );
    }
    return 0;
  } catch (err) {
    const known = [BackupError, RestoreError, ArchiveError, TargetError, DatabaseUnavailableError].some((k) => err instanceof k);
    const message = (err as Error).message;
    process.stderr.write(`db:${command}: ${known ? message : `failed: ${message}`}\n`);
    return 1;
  } finally {
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`db: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
