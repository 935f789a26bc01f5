// `npm run import` (packages/launcher/src/import) on a database of its own: 10,000 generated rows
// (test/bench/import-10k.ts) imported with a progress line and the time taken, a second run that
// changes nothing, and a file with errors: refused as a whole (exit code 1), or its valid rows
// written with the rest left next to it as <file>.errors.csv; then training's courses, trainers and
// completions, whose people are found by certification number in certification's data.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@cpss/devdb';
import { repoRoot } from '@cpss/launcher';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { peopleCertificationsCsv, runImportCli } from '../bench/import-10k';

let db: ThrowawayDatabase;
let dir: string;

beforeAll(async () => {
  db = await createThrowawayDatabase(inject('pgAdminUrl'), 'import');
  dir = mkdtempSync(join(tmpdir(), 'cpss-import-test-'));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

async function counts(): Promise<Record<string, number>> {
  const c = new Client({ connectionString: db.url });
  await c.connect();
  try {
    const { rows } = await c.query<Record<string, number>>(`select
        (select count(*)::int from certification.person) as person,
        (select count(*)::int from certification.certification) as certification,
        (select count(*)::int from certification.certification_event) as certification_event,
        (select count(*)::int from certification.certification_designation) as certification_designation,
        (select count(*)::int from certification.audit_entry where subject_type <> 'import_run') as audit_entry,
        (select count(*)::int from certification.audit_entry where subject_type = 'certification' and actor = 'cli' and operation = 'import:people-certifications') as by_cli`);
    return rows[0]!;
  } finally {
    await c.end();
  }
}

describe('npm run import', () => {
  it('imports 10,000 rows with progress and the time taken; a second run changes nothing', async () => {
    const file = join(dir, 'people-10k.csv');
    writeFileSync(file, peopleCertificationsCsv(10_000));
    const first = await runImportCli(repoRoot(), ['people-certifications', file], db.url);
    expect(first.stderr).toMatch(/10000 of 10000 rows processed/);
    expect(first.code).toBe(0);
    const time = /^DONE in (\d+\.\d) s$/m.exec(first.stdout);
    expect(time).not.toBeNull();
    process.stdout.write(`import of 10,000 rows: ${time![1]} s\n`);
    expect(first.stdout).toContain('rows: 10000 (10000 valid, 0 invalid); created 10000, updated 0, unchanged 0');
    const after = await counts();
    expect(after).toMatchObject({ person: 10_000, certification: 10_000, by_cli: 10_000 });
    expect(after.certification_event).toBeGreaterThan(0);
    expect(existsSync(`${file}.errors.csv`)).toBe(false);

    const second = await runImportCli(repoRoot(), ['people-certifications', file], db.url);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('created 0, updated 0, unchanged 10000');
    expect(await counts()).toEqual(after);
  });

  it('a file with errors: refused whole (exit code 1), or its valid rows written and the rest next to it', async () => {
    const before = await counts();
    const good = peopleCertificationsCsv(3, 7).replace(/NC-CPSS-5/g, 'NC-CPSS-7').replace(/@example/g, '.b@example');
    const lines = good.trimEnd().split('\n');
    lines[2] = lines[2]!.replace(/,(ACTIVE|LAPSED|SUSPENDED),/, ',EXPIRED,');
    const file = join(dir, 'with-errors.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);

    const refused = await runImportCli(repoRoot(), ['people-certifications', file], db.url);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^REJECTED: nothing written in \d+\.\d s$/m);
    expect(refused.stdout).toContain('1 problem:\n    line 3, status: is not a certification status');
    expect(await counts()).toEqual(before);

    const partial = await runImportCli(repoRoot(), ['people-certifications', file, '--valid-only'], db.url);
    expect(partial.code).toBe(0);
    expect(partial.stdout).toContain('created 2, updated 0, unchanged 0');
    const errors = readFileSync(`${file}.errors.csv`, 'utf8').trimEnd().split('\n');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBe(`${lines[0]},error`);
    expect(errors[1]).toMatch(/,EXPIRED,.*,"status: is not a certification status \(/);
    expect((await counts()).certification - before.certification).toBe(2);

    const usage = await runImportCli(repoRoot(), ['people', file], db.url);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^usage: npm run import -- <kind> <file.csv>/);
  });

  // After the 10,000 people above: trainers and completions name them by certification number,
  // which the command asks of certification's own code in its process.
  it("courses, then trainers and completions naming certification's people (a number nobody holds refused on its line)", async () => {
    const owner = '5b0e7c52-3f1d-4c2a-9a7e-1d2f3a4b5c6d';
    const courses = join(dir, 'courses.csv');
    writeFileSync(courses, `course_code,title,kind,face_to_face_hours,pre_work_hours,child_and_family,owner_account_id,approved_on,expires_on\nNCPSS-CORE-01,NC Peer Support Specialist Training,CORE_PSS,40,10,false,${owner},2023-02-01,2099-01-31\n`);
    const imported = await runImportCli(repoRoot(), ['courses', courses], db.url);
    expect(imported.stdout).toContain('created 1, updated 0, unchanged 0');
    expect(imported.code).toBe(0);

    const trainers = join(dir, 'trainers.csv');
    writeFileSync(trainers, 'certification_number,course_code,registered_on\nNC-CPSS-500001,NCPSS-CORE-01,2024-03-01\nNC-CPSS-999999,NCPSS-CORE-01,2024-03-01\n');
    const refused = await runImportCli(repoRoot(), ['trainers', trainers], db.url);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('line 3, certification_number: names NC-CPSS-999999: no person in the platform holds that certification number');
    const partial = await runImportCli(repoRoot(), ['trainers', trainers, '--valid-only'], db.url);
    expect(partial.stdout).toContain('created 1, updated 0, unchanged 0');

    const completions = join(dir, 'completions.csv');
    writeFileSync(completions, 'certification_number,course_code,completed_on,hours\nNC-CPSS-500002,NCPSS-CORE-01,2024-05-01,\n');
    expect((await runImportCli(repoRoot(), ['training-completions', completions], db.url)).stdout).toContain('created 1, updated 0, unchanged 0');

    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      const { rows } = await c.query<{ number: string; trainer: boolean; hours: string | null }>(`
        select ce.number,
               exists (select 1 from training.course_trainer t join training.course co on co.id = t.course_id where t.person_id = ce.person_id and co.code = 'NCPSS-CORE-01') as trainer,
               (select tc.hours::text from training.training_completion tc where tc.person_id = ce.person_id and tc.source = 'LEGACY') as hours
          from certification.certification ce where ce.number in ('NC-CPSS-500001', 'NC-CPSS-500002') order by ce.number`);
      expect(rows).toEqual([
        { number: 'NC-CPSS-500001', trainer: true, hours: null },
        { number: 'NC-CPSS-500002', trainer: false, hours: '50.00' },
      ]);
    } finally {
      await c.end();
    }
  });
});
