// A PEOPLE_CERTIFICATIONS file of any size, the same for the same seed, and (run directly) the
// import of 10,000 rows through the command line on a database of its own, timed:
//
//   npx turbo run build --filter=@cpss/certification --filter=@cpss/launcher && npx tsx test/bench/import-10k.ts [rows]
//
// DATABASE_URL: a PostgreSQL server (admin url) to create the database on; default an embedded
// one in a temporary folder. test/e2e/import-cli.test.ts runs the same through vitest.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NC_COUNTIES } from '@cpss/domain';

const FIRST = ['Marisol', 'Darnell', 'Siobhan', 'Terrence', 'Keisha', 'Luis', 'Hannah', 'Jamal', 'Rebecca', 'Anthony', 'Priya', 'Cheyenne', 'William', 'Ashley', 'Gregory', 'Tamika', 'Samuel', 'Jennifer', 'Marcus', 'Rosa'];
const LAST = ['Vega', 'Whitfield', "O'Connor", 'Blackwell', 'Monroe', 'Ramírez', 'Lowery', 'Peterson', 'Stanfield', 'Greer', 'Raman', 'Locklear', 'Harrell', 'Nguyen', 'Simmons', 'Boyd', 'Eaglefeather', 'Castillo', 'Ellison', 'Delgado'];
const HEADER = 'certification_number,legal_name,preferred_name,date_of_birth,email,phone,county,issued_on,last_certified_on,due_on,status,status_effective_on,designations';

/** mulberry32: a small seeded generator (the same file for the same seed). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const endOfMonth = (y: number, m: number) => `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;

/**
 * `rows` certifications, each its own person, valid on `today` (2026-12-07 by default): active ones
 * due in 2027-2028, lapsed ones due before 2026-10, a few suspended; some with designations.
 */
export function peopleCertificationsCsv(rows: number, seed = 42): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const lines = [HEADER];
  for (let i = 1; i <= rows; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const lapsed = next() < 0.25;
    const suspended = !lapsed && next() < 0.03;
    // Last (re)certification: 2024-11..2026-10 for active ones (due two years on), 2019..2024-08 for lapsed ones.
    const ly = lapsed ? 2019 + Math.floor(next() * 5) : 2025 + Math.floor(next() * 2);
    const lm = 1 + Math.floor(next() * (ly === 2026 ? 10 : 12));
    const ld = 1 + Math.floor(next() * 28);
    const lastCertified = `${ly}-${pad(lm)}-${pad(ld)}`;
    const issued = next() < 0.5 ? lastCertified : `${ly - 2 * (1 + Math.floor(next() * 3))}-${pad(lm)}-${pad(ld)}`;
    const due = endOfMonth(ly + 2, lm);
    const born = `${1955 + Math.floor(next() * 45)}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}`;
    const designations = next() < 0.1 ? (next() < 0.5 ? 'VETERAN_SERVICE_MEMBER' : 'COAPS') : '';
    const name = `${first} ${last}`;
    lines.push(
      [
        `NC-CPSS-${pad(500000 + i, 6)}`,
        name.includes("'") || name.includes(',') ? `"${name}"` : name,
        next() < 0.3 ? first.slice(0, 3) : '',
        born,
        `${first}.${last}.${i}@example.org`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
        next() < 0.7 ? `919-555-${pad(Math.floor(next() * 10000), 4)}` : '',
        pick(NC_COUNTIES),
        issued,
        lastCertified,
        due,
        lapsed ? 'LAPSED' : suspended ? 'SUSPENDED' : 'ACTIVE',
        suspended ? '2026-11-02' : '',
        designations,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Runs `npm run import`'s program (built) on `file`; resolves with its exit code and output. */
export function runImportCli(repoRoot: string, args: string[], databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'packages', 'launcher', 'dist', 'import', 'cli.js'), ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

async function main(): Promise<void> {
  const { createThrowawayDatabase, startTestServer } = await import('@cpss/devdb');
  const rows = Number(process.argv[2] ?? 10_000);
  const repoRoot = join(__dirname, '..', '..');
  const server = await startTestServer(process.env['DATABASE_URL']);
  const db = await createThrowawayDatabase(server.adminUrl, 'bench_import');
  const dir = mkdtempSync(join(tmpdir(), 'cpss-import-'));
  try {
    const file = join(dir, `people-certifications-${rows}.csv`);
    writeFileSync(file, peopleCertificationsCsv(rows));
    for (const label of ['first run', 'second run (nothing to change)']) {
      const started = Date.now();
      const result = await runImportCli(repoRoot, ['people-certifications', file], db.url);
      process.stdout.write(`--- ${label}: exit ${result.code}, ${((Date.now() - started) / 1000).toFixed(1)} s wall (the process included)\n${result.stdout}`);
      if (result.code !== 0) {
        process.stderr.write(result.stderr);
        process.exitCode = 1;
        return;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
    await server.stop();
  }
}

if (require.main === module) void main();
