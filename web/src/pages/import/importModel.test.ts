import { describe, expect, it } from 'vitest';
import {
  GATEWAY_BODY_LIMIT_BYTES,
  GATEWAY_MAX_FILE_BYTES,
  COURSE_COLUMNS,
  DISCIPLINARY_ACTION_COLUMNS,
  IMPORT_COLUMNS,
  TRAINER_COLUMNS,
  TRAINING_COMPLETION_COLUMNS,
  IMPORT_DOMAINS,
  IMPORT_KINDS,
  comingKindsHint,
  importKindDomain,
  mergeRecentRuns,
  MAX_IMPORT_FILE_BYTES,
  PEOPLE_CERTIFICATION_COLUMNS,
  REQUEST_OVERHEAD_BYTES,
  base64Length,
  csvField,
  errorFileName,
  importFileProblem,
  importKindLabel,
  importModeLabel,
  problemsNote,
  progressPercent,
  progressWords,
  runCounts,
  runExplanation,
  runStatusWords,
  startedByLabel,
  templateCsv,
  templateFileName,
} from './importModel';

describe('template CSV', () => {
  it('is the header row of the contract’s columns, in order, and nothing else', () => {
    expect(templateCsv(PEOPLE_CERTIFICATION_COLUMNS)).toBe(
      'certification_number,legal_name,preferred_name,date_of_birth,email,phone,county,issued_on,last_certified_on,due_on,status,status_effective_on,designations\r\n',
    );
    expect(templateFileName('PEOPLE_CERTIFICATIONS')).toBe('people-certifications-template.csv');
  });

  it('quotes a header only when CSV needs it', () => {
    expect(templateCsv([{ name: 'a', required: true, about: '' }, { name: 'b,c', required: false, about: '' }, { name: 'say "hi"', required: false, about: '' }])).toBe(
      'a,"b,c","say ""hi"""\r\n',
    );
    expect(csvField('plain')).toBe('plain');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('marks the columns the platform requires, and names the known statuses and designation codes', () => {
    const required = PEOPLE_CERTIFICATION_COLUMNS.filter((c) => c.required).map((c) => c.name);
    expect(required).toEqual(['certification_number', 'legal_name', 'date_of_birth', 'email', 'county', 'issued_on', 'due_on', 'status']);
    const about = (name: string) => PEOPLE_CERTIFICATION_COLUMNS.find((c) => c.name === name)!.about;
    expect(about('status')).toContain('one of ACTIVE, DUE, LATE, LAPSED, SUSPENDED, REVOKED, RELINQUISHED');
    expect(about('designations')).toContain('MILITARY_SERVICE_MEMBER, VETERAN_SERVICE_MEMBER, COAPS');
  });

  it('offers only the kinds that have columns', () => {
    const available = IMPORT_KINDS.filter((k) => k.available).map((k) => k.value);
    expect(available).toEqual(['PEOPLE_CERTIFICATIONS', 'COURSES', 'TRAINERS', 'TRAINING_COMPLETIONS', 'DISCIPLINARY_ACTIONS']);
    for (const kind of available) expect(IMPORT_COLUMNS[kind]?.length).toBeGreaterThan(0);
    expect(importKindLabel('PEOPLE_CERTIFICATIONS')).toBe('People and certifications');
    expect(importKindLabel('SOMETHING_NEW')).toBe('Something new');
    expect(importModeLabel('ALL_OR_NOTHING')).toBe('All or nothing');
    expect(importModeLabel('VALID_ROWS_ONLY')).toBe('Import the valid rows and give me the rest');
  });
});

describe('file checks', () => {
  it('accepts a .csv file with content, whatever the case of its extension', () => {
    expect(importFileProblem({ name: 'people.csv', size: 1200 })).toBeNull();
    expect(importFileProblem({ name: 'PEOPLE.CSV', size: 1 })).toBeNull();
  });

  it('refuses another kind of file and an empty one, naming the file', () => {
    expect(importFileProblem({ name: 'people.xlsx', size: 1200 })).toMatch(/“people\.xlsx” is not a \.csv file/);
    expect(importFileProblem({ name: 'people.csv.txt', size: 1200 })).toMatch(/not a \.csv file/);
    expect(importFileProblem({ name: 'empty.csv', size: 0 })).toMatch(/“empty\.csv” is empty/);
  });

  it('keeps the base64 of the largest file sent, with room for the rest of the request, within the gateway limit', () => {
    expect(base64Length(3)).toBe(4);
    expect(base64Length(4)).toBe(8);
    expect(base64Length(GATEWAY_MAX_FILE_BYTES) + REQUEST_OVERHEAD_BYTES).toBeLessThanOrEqual(GATEWAY_BODY_LIMIT_BYTES);
    expect(base64Length(GATEWAY_MAX_FILE_BYTES + 3) + REQUEST_OVERHEAD_BYTES).toBeGreaterThan(GATEWAY_BODY_LIMIT_BYTES);
    // The service's 10 MiB is the smaller limit; a 10,000-row file (about 150 bytes a row) is far from it.
    expect(MAX_IMPORT_FILE_BYTES).toBe(10 * 1024 * 1024);
    expect(base64Length(MAX_IMPORT_FILE_BYTES) + REQUEST_OVERHEAD_BYTES).toBeLessThanOrEqual(GATEWAY_BODY_LIMIT_BYTES);
    expect(MAX_IMPORT_FILE_BYTES).toBeGreaterThan(10_000 * 150 * 5);
  });

  it('refuses a file too large to send, saying how large it is and what fits', () => {
    expect(importFileProblem({ name: 'big.csv', size: MAX_IMPORT_FILE_BYTES })).toBeNull();
    const problem = importFileProblem({ name: 'big.csv', size: MAX_IMPORT_FILE_BYTES + 1 });
    expect(problem).toContain('“big.csv” is 10.0 MB');
    expect(problem).toContain('the largest file the platform imports is 10.0 MB');
    expect(problem).toContain('Split it');
    expect(importFileProblem({ name: 'huge.csv', size: 40 * 1024 * 1024 })).toContain('is 40.0 MB');
  });
});

const run = (over: Partial<Parameters<typeof runExplanation>[0] & Parameters<typeof problemsNote>[0]> = {}) => ({
  status: 'DONE' as const,
  mode: 'ALL_OR_NOTHING',
  dryRun: false,
  rowsInvalid: 0,
  problemCount: 0,
  problems: [] as unknown[],
  ...over,
});

describe('status words', () => {
  it('says each status in words, with what was written', () => {
    expect(runStatusWords({ status: 'RUNNING', dryRun: false })).toBe('Importing');
    expect(runStatusWords({ status: 'RUNNING', dryRun: true })).toBe('Checking');
    expect(runStatusWords({ status: 'DONE', dryRun: false })).toBe('Done');
    expect(runStatusWords({ status: 'DONE', dryRun: true })).toBe('Checked: nothing was written (dry run)');
    expect(runStatusWords({ status: 'REJECTED', dryRun: false })).toBe('Rejected: nothing was written');
    expect(runStatusWords({ status: 'FAILED', dryRun: false })).toBe('Failed');
  });

  it('explains each outcome by mode, dry run and problems', () => {
    expect(runExplanation(run({ status: 'REJECTED', rowsInvalid: 1, problemCount: 1 }))).toMatch(/^Some rows have problems/);
    expect(runExplanation(run())).toMatch(/^Every row was written/);
    expect(runExplanation(run({ mode: 'VALID_ROWS_ONLY', rowsInvalid: 2, problemCount: 2 }))).toMatch(/^The valid rows were written/);
    expect(runExplanation(run({ mode: 'VALID_ROWS_ONLY' }))).toMatch(/^Every row was written/);
    expect(runExplanation(run({ dryRun: true }))).toMatch(/nothing was written: the file can be imported/);
    expect(runExplanation(run({ dryRun: true, mode: 'VALID_ROWS_ONLY', rowsInvalid: 1, problemCount: 1 }))).toMatch(/nothing was written\. Correct the rows/);
    expect(runExplanation(run({ status: 'FAILED' }))).toMatch(/error of the platform/);
  });
});

describe('progress', () => {
  it('is the share of rows processed, rounded down, within 0–100', () => {
    expect(progressPercent({ rowsProcessed: 0, rowsTotal: 10_000 })).toBe(0);
    expect(progressPercent({ rowsProcessed: 1_234, rowsTotal: 10_000 })).toBe(12);
    expect(progressPercent({ rowsProcessed: 9_999, rowsTotal: 10_000 })).toBe(99);
    expect(progressPercent({ rowsProcessed: 10_000, rowsTotal: 10_000 })).toBe(100);
    expect(progressPercent({ rowsProcessed: 12, rowsTotal: 10 })).toBe(100);
  });

  it('is unknown until the number of rows is', () => {
    expect(progressPercent({ rowsProcessed: 0, rowsTotal: null })).toBeNull();
    expect(progressPercent({ rowsProcessed: 0 })).toBeNull();
    expect(progressPercent({ rowsProcessed: 0, rowsTotal: 0 })).toBeNull();
  });

  it('reads as rows of rows', () => {
    expect(progressWords({ rowsProcessed: 1_234, rowsTotal: 10_000 })).toBe('1,234 of 10,000 rows (12%)');
    expect(progressWords({ rowsProcessed: 1, rowsTotal: 1 })).toBe('1 of 1 row (100%)');
    expect(progressWords({ rowsProcessed: 250, rowsTotal: null })).toBe('250 rows so far');
    expect(progressWords({ rowsProcessed: 0, rowsTotal: null })).toBe('Reading the file…');
  });
});

describe('counts, problems and the error file', () => {
  it('lists created, updated, unchanged and rejected rows in that order', () => {
    expect(runCounts({ created: 3, updated: 1, unchanged: 0, rowsInvalid: 2 }).map((c) => [c.label, c.value])).toEqual([
      ['Created', 3],
      ['Updated', 1],
      ['Unchanged', 0],
      ['Rejected rows', 2],
    ]);
  });

  it('says when only the first problems are listed', () => {
    expect(problemsNote({ problemCount: 2, problems: [{}, {}] })).toBeNull();
    expect(problemsNote({ problemCount: 0, problems: [] })).toBeNull();
    expect(problemsNote({ problemCount: 1_500, problems: Array.from({ length: 1_000 }, () => ({})) })).toBe('Showing the first 1,000 of 1,500 problems.');
  });

  it('names who started a run', () => {
    expect(startedByLabel('cli', 'acc-1')).toBe('the command line');
    expect(startedByLabel('acc-1', 'acc-1')).toBe('you');
    expect(startedByLabel('acc-2', 'acc-1')).toBe('acc-2');
    expect(startedByLabel('acc-2', null)).toBe('acc-2');
  });

  it('names the error file after the file imported', () => {
    expect(errorFileName('people.csv')).toBe('people-errors.csv');
    expect(errorFileName('People 2026.CSV')).toBe('People 2026-errors.csv');
    expect(errorFileName('C:\\Users\\me\\people.csv')).toBe('people-errors.csv');
    expect(errorFileName('export')).toBe('export-errors.csv');
    expect(errorFileName('.csv')).toBe('import-errors.csv');
  });
});

describe('kinds of every domain', () => {
  it('the disciplinary actions template is the header the ethics import takes, with the sanction kinds named', () => {
    expect(templateCsv(DISCIPLINARY_ACTION_COLUMNS)).toBe('action_reference,certification_number,kind,decided_on,effective_from,effective_until,public,summary\r\n');
    expect(templateFileName('DISCIPLINARY_ACTIONS')).toBe('disciplinary-actions-template.csv');
    expect(DISCIPLINARY_ACTION_COLUMNS.filter((c) => c.required).map((c) => c.name)).toEqual(['action_reference', 'certification_number', 'kind', 'decided_on', 'effective_from', 'public']);
    expect(DISCIPLINARY_ACTION_COLUMNS.find((c) => c.name === 'kind')!.about).toBe('One of CORRECTIVE_ACTION, PROBATION, SUSPENSION, REVOCATION, REMOVAL_AS_TRAINER.');
    expect(IMPORT_COLUMNS['DISCIPLINARY_ACTIONS']).toBe(DISCIPLINARY_ACTION_COLUMNS);
  });

  it('the training templates are the headers the training imports take', () => {
    expect(templateCsv(COURSE_COLUMNS)).toBe('course_code,title,kind,face_to_face_hours,pre_work_hours,child_and_family,owner_account_id,approved_on,expires_on\r\n');
    expect(templateCsv(TRAINER_COLUMNS)).toBe('certification_number,course_code,registered_on\r\n');
    expect(templateCsv(TRAINING_COMPLETION_COLUMNS)).toBe('certification_number,course_code,completed_on,hours\r\n');
    expect(COURSE_COLUMNS.filter((c) => !c.required).map((c) => c.name)).toEqual(['pre_work_hours', 'child_and_family']);
    expect(COURSE_COLUMNS.find((c) => c.name === 'kind')!.about).toBe('One of CORE_PSS, ETHICS_AND_BOUNDARIES, ELECTIVE, DESIGNATION, TRAINING_OF_TRAINERS, SUPERVISOR.');
    expect(templateFileName('TRAINING_COMPLETIONS')).toBe('training-completions-template.csv');
  });

  it('each kind is its domain’s, offered only when that domain’s import is in the API; the hint names the others', () => {
    expect(importKindDomain('PEOPLE_CERTIFICATIONS')).toBe('certification');
    expect(importKindDomain('DISCIPLINARY_ACTIONS')).toBe('ethics');
    expect(importKindDomain('COURSES')).toBe('training');
    for (const k of IMPORT_KINDS) expect(k.available).toBe(IMPORT_DOMAINS.includes(k.domain) && k.value in IMPORT_COLUMNS);
    expect(comingKindsHint(IMPORT_KINDS.map((k) => ({ ...k, available: k.domain !== 'training' })))).toBe(
      'Approved courses, trainers and their course registrations and training completions can be imported in a later release.',
    );
    expect(comingKindsHint(IMPORT_KINDS.map((k) => ({ ...k, available: k.value !== 'COURSES' })))).toBe('Approved courses can be imported in a later release.');
    expect(comingKindsHint(IMPORT_KINDS.map((k) => ({ ...k, available: true })))).toBeNull();
  });

  it('lists the recent runs of every domain as one, newest first, at most the limit; a domain that did not answer adds nothing', () => {
    const run = (id: string, startedAt: string) => ({ id, startedAt });
    const certification = [run('c2', '2026-12-07T10:00:00.000Z'), run('c1', '2026-12-06T09:00:00.000Z')];
    const ethics = [run('e2', '2026-12-07T11:00:00.000Z'), run('e1', '2026-12-07T10:00:00.000Z')];
    expect(mergeRecentRuns([certification, ethics], 10).map((r) => r.id)).toEqual(['e2', 'e1', 'c2', 'c1']);
    expect(mergeRecentRuns([certification, ethics], 2).map((r) => r.id)).toEqual(['e2', 'e1']);
    expect(mergeRecentRuns([undefined, ethics, null], 10).map((r) => r.id)).toEqual(['e2', 'e1']);
    expect(mergeRecentRuns([], 5)).toEqual([]);
  });
});
