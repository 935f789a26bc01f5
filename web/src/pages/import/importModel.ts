// The admin's import page, the parts that are pure so they can be unit tested: the kinds of file
// (each offered once its domain imports it) and the domain that imports each, the recent runs of
// every domain in one list, the columns a file must have and a template
// made from them, whether a chosen file can be sent at all (a .csv, not empty, small enough to fit the
// gateway's request limit once base64-encoded), and how a run reads: its status in words, its
// progress, its counts and the name of its error file.
import { COURSE_KINDS, CertificationStatus, DesignationKind, SANCTION_OUTCOMES } from '@cpss/domain';
import { formatBytes } from '../../files';

// ---- kinds of import ----

/** The domain that imports a kind: its own mutation and run queries (start<Domain>Import...). */
export type ImportDomain = 'certification' | 'training' | 'ethics';

/** The domains whose import operations the page uses, in the order their runs are read. */
export const IMPORT_DOMAINS: readonly ImportDomain[] = ['certification', 'training', 'ethics'];

export interface ImportKindOption {
  value: string;
  label: string;
  domain: ImportDomain;
  /** What one row of the file is. */
  row: string;
  /** Offered now: its domain's import is in the API (the others are listed as coming). */
  available: boolean;
}

const KINDS: readonly Omit<ImportKindOption, 'available'>[] = [
  { value: 'PEOPLE_CERTIFICATIONS', label: 'People and certifications', domain: 'certification', row: 'One row a certification, with the person who holds it' },
  { value: 'COURSES', label: 'Approved courses', domain: 'training', row: 'One row an approved course, with its owner and approval term' },
  { value: 'TRAINERS', label: 'Trainers and their course registrations', domain: 'training', row: 'One row a trainer’s registration for a course' },
  { value: 'TRAINING_COMPLETIONS', label: 'Training completions', domain: 'training', row: 'One row a course completed by a person, on a day' },
  { value: 'DISCIPLINARY_ACTIONS', label: 'Past disciplinary actions', domain: 'ethics', row: 'One row a disciplinary action the program took, against the person holding a certification' },
];

/** The domain a kind (of a run) belongs to; certification's for a kind the page does not know. */
export function importKindDomain(kind: string): ImportDomain {
  return KINDS.find((k) => k.value === kind)?.domain ?? 'certification';
}

/** The hint under the kind select: the kinds still to come, or null when every kind is offered. */
export function comingKindsHint(kinds: readonly ImportKindOption[] = IMPORT_KINDS): string | null {
  const coming = kinds.filter((k) => !k.available).map((k) => k.label.toLowerCase());
  if (!coming.length) return null;
  const list = coming.length === 1 ? coming[0]! : `${coming.slice(0, -1).join(', ')} and ${coming.at(-1)}`;
  return `${list.charAt(0).toUpperCase()}${list.slice(1)} can be imported in a later release.`;
}

/** A run as every domain's recent-runs query lists it (the fields the merge needs). */
export interface ListedRun {
  id: string;
  startedAt: string;
}

/**
 * The recent runs of every domain in one list, newest first (a tie by id, as each domain orders
 * its own), at most `limit`. A domain that did not answer adds nothing.
 */
export function mergeRecentRuns<R extends ListedRun>(lists: readonly (readonly R[] | null | undefined)[], limit: number): R[] {
  return lists
    .flatMap((l) => l ?? [])
    .sort((a, b) => (a.startedAt === b.startedAt ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : Date.parse(b.startedAt) - Date.parse(a.startedAt)))
    .slice(0, limit);
}

export function importKindLabel(kind: string): string {
  return IMPORT_KINDS.find((k) => k.value === kind)?.label ?? words(kind);
}

// ---- modes ----

export const IMPORT_MODES = [
  { value: 'ALL_OR_NOTHING', label: 'All or nothing', about: 'Write nothing if any row has a problem (the default).' },
  { value: 'VALID_ROWS_ONLY', label: 'Import the valid rows and give me the rest', about: 'Write every valid row; the rejected rows come back as a file to correct and import again.' },
] as const;

export type ImportModeValue = (typeof IMPORT_MODES)[number]['value'];

export function importModeLabel(mode: string): string {
  return IMPORT_MODES.find((m) => m.value === mode)?.label ?? words(mode);
}

// ---- the columns of a file and its template ----

export interface ImportColumn {
  /** The header, as the file names it (case does not matter to the platform). */
  name: string;
  required: boolean;
  about: string;
}

/** The certification statuses a file may give: the lifecycle's own names. */
export const IMPORT_CERTIFICATION_STATUSES: readonly string[] = Object.values(CertificationStatus);

export const DESIGNATION_CODES: readonly string[] = Object.values(DesignationKind);

/**
 * PEOPLE_CERTIFICATIONS: one row a certification, with the person who holds it; the certification
 * subgraph's own list (services/certification/src/services/import-people-certifications.ts), which
 * counts any other column as a problem.
 */
export const PEOPLE_CERTIFICATION_COLUMNS: readonly ImportColumn[] = [
  { name: 'certification_number', required: true, about: 'The certification number, e.g. NC-CPSS-000123: a row is matched by it, so each number once in the file.' },
  { name: 'legal_name', required: true, about: 'The person’s legal name.' },
  { name: 'preferred_name', required: false, about: 'The name they go by, if different.' },
  { name: 'date_of_birth', required: true, about: 'YYYY-MM-DD, before issued_on.' },
  { name: 'email', required: true, about: 'An email address; a number not in the platform yet goes to the person with this email, if there is one.' },
  { name: 'phone', required: false, about: 'A phone number.' },
  { name: 'county', required: true, about: 'The North Carolina county they live in, e.g. Durham.' },
  { name: 'issued_on', required: true, about: 'The day the certification was first issued, YYYY-MM-DD, not after today.' },
  { name: 'last_certified_on', required: false, about: 'The day of the last certification or renewal, YYYY-MM-DD, from issued_on to before due_on; issued_on when empty.' },
  { name: 'due_on', required: true, about: 'The day renewal is due, YYYY-MM-DD, after issued_on.' },
  {
    name: 'status',
    required: true,
    about: `The status today, one of ${IMPORT_CERTIFICATION_STATUSES.join(', ')}: ACTIVE, DUE, LATE and LAPSED must agree with due_on; the others are recorded as that event.`,
  },
  { name: 'status_effective_on', required: false, about: 'For SUSPENDED, REVOKED or RELINQUISHED: the day it took effect, YYYY-MM-DD; today when empty.' },
  { name: 'designations', required: false, about: `Designation codes separated by “;”: ${DESIGNATION_CODES.join(', ')}.` },
];

/** The course kinds a file may give. */
export const IMPORT_COURSE_KINDS: readonly string[] = COURSE_KINDS;

/**
 * The training subgraph's kinds (services/training/src/services/import-training.ts): courses by
 * course code, then trainers and completions naming a person by certification number and a course
 * by its code.
 */
export const COURSE_COLUMNS: readonly ImportColumn[] = [
  { name: 'course_code', required: true, about: 'The course’s code, e.g. NC-PSS-CORE: a row is matched by it, so each code once in the file; trainers and completions name the course by it.' },
  { name: 'title', required: true, about: 'The course’s title, on one line.' },
  { name: 'kind', required: true, about: `One of ${IMPORT_COURSE_KINDS.join(', ')}.` },
  { name: 'face_to_face_hours', required: true, about: 'Hours in the room, e.g. 40 or 7.5, as the training policy requires for the kind.' },
  { name: 'pre_work_hours', required: false, about: 'Hours of work before the course; 0 when empty.' },
  { name: 'child_and_family', required: false, about: 'yes or no: a child and family course; no when empty.' },
  { name: 'owner_account_id', required: true, about: 'The account id of the curriculum developer who owns the course.' },
  { name: 'approved_on', required: true, about: 'The day the course was approved, YYYY-MM-DD, not after today.' },
  { name: 'expires_on', required: true, about: 'The day its approval ends, YYYY-MM-DD, after approved_on: approved through that day, expired after.' },
];

export const TRAINER_COLUMNS: readonly ImportColumn[] = [
  { name: 'certification_number', required: true, about: 'The trainer’s certification number; they must be in the platform (import people and certifications first).' },
  { name: 'course_code', required: true, about: 'The code of a course in the platform (import the courses first); each trainer and course once in the file.' },
  { name: 'registered_on', required: true, about: 'The day they were registered to teach it, YYYY-MM-DD, not after today.' },
];

export const TRAINING_COMPLETION_COLUMNS: readonly ImportColumn[] = [
  { name: 'certification_number', required: true, about: 'The certification number of the person who completed the course; they must be in the platform.' },
  { name: 'course_code', required: true, about: 'The code of an approved course in the platform; each person, course and day once in the file.' },
  { name: 'completed_on', required: true, about: 'The day it was completed, YYYY-MM-DD, not before the course was approved nor after today.' },
  { name: 'hours', required: false, about: 'Hours completed, at most the course’s; the course’s hours when empty.' },
];

/** The disciplinary actions a file may give: the sanctions a case can decide. */
export const IMPORT_DISCIPLINARY_KINDS: readonly string[] = SANCTION_OUTCOMES;

/**
 * DISCIPLINARY_ACTIONS: one row a past action, against the person holding a certification; the
 * ethics subgraph's own list (services/ethics/src/services/import-disciplinary-actions.ts).
 */
export const DISCIPLINARY_ACTION_COLUMNS: readonly ImportColumn[] = [
  { name: 'action_reference', required: true, about: 'The program’s number for the action, e.g. DA-2019-004: a row is matched by it, so each number once in the file.' },
  { name: 'certification_number', required: true, about: 'The certification number of the person the action was taken against; they must be in the platform (import people and certifications first).' },
  { name: 'kind', required: true, about: `One of ${IMPORT_DISCIPLINARY_KINDS.join(', ')}.` },
  { name: 'decided_on', required: true, about: 'The day the action was decided, YYYY-MM-DD, not after today.' },
  { name: 'effective_from', required: true, about: 'The day it took effect, YYYY-MM-DD, not before decided_on.' },
  {
    name: 'effective_until',
    required: false,
    about: 'The day it ended, YYYY-MM-DD: required for PROBATION and SUSPENSION, empty for REVOCATION and REMOVAL_AS_TRAINER; for CORRECTIVE_ACTION, the day the training was due.',
  },
  { name: 'public', required: true, about: 'yes or no: whether the public registry shows the action (its kind and dates only).' },
  { name: 'summary', required: false, about: 'What the action was for. Sensitive: kept for the ethics record, never shown publicly, never logged.' },
];

/** The columns of each kind offered now. */
export const IMPORT_COLUMNS: Readonly<Record<string, readonly ImportColumn[]>> = {
  PEOPLE_CERTIFICATIONS: PEOPLE_CERTIFICATION_COLUMNS,
  COURSES: COURSE_COLUMNS,
  TRAINERS: TRAINER_COLUMNS,
  TRAINING_COMPLETIONS: TRAINING_COMPLETION_COLUMNS,
  DISCIPLINARY_ACTIONS: DISCIPLINARY_ACTION_COLUMNS,
};

/** Every kind, offered when its domain's import is in the API and its columns are known. */
export const IMPORT_KINDS: readonly ImportKindOption[] = KINDS.map((k) => ({ ...k, available: IMPORT_DOMAINS.includes(k.domain) && k.value in IMPORT_COLUMNS }));

/** A CSV field, quoted when it has to be (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A template to fill in: the header row only (UTF-8, CRLF as RFC 4180 has it). No sample row, so a
 * template sent back unchanged imports nothing rather than a made-up person.
 */
export function templateCsv(columns: readonly ImportColumn[]): string {
  return `${columns.map((c) => csvField(c.name)).join(',')}\r\n`;
}

export function templateFileName(kind: string): string {
  return `${kind.toLowerCase().replaceAll('_', '-')}-template.csv`;
}

// ---- the file chosen ----

/** The gateway refuses a request body larger than this (GRAPHQL_BODY_LIMIT_MIB, 15 by default). */
export const GATEWAY_BODY_LIMIT_BYTES = 15 * 1024 * 1024;
/** Room left in the request for the rest of it: the operation, the file's name, the other fields. */
export const REQUEST_OVERHEAD_BYTES = 64 * 1024;

/** The length of `bytes` bytes once base64-encoded: every 3 bytes become 4 characters. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** The largest file whose base64 still fits the gateway's limit (about 11.2 MB). */
export const GATEWAY_MAX_FILE_BYTES = Math.floor((GATEWAY_BODY_LIMIT_BYTES - REQUEST_OVERHEAD_BYTES) / 4) * 3;
/** The subgraphs' own limit on an import file (server-kit's MAX_IMPORT_BYTES, 10 MiB). */
export const SERVICE_MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The largest file the page sends: the smaller of the two (10 MB, some 50,000 rows). */
export const MAX_IMPORT_FILE_BYTES = Math.min(GATEWAY_MAX_FILE_BYTES, SERVICE_MAX_FILE_BYTES);

/** Why this file cannot be sent (not a .csv, empty, too large), or null when it can. */
export function importFileProblem(file: { name: string; size: number }): string | null {
  if (!/\.csv$/i.test(file.name.trim())) return `“${file.name}” is not a .csv file: save the sheet as CSV (UTF-8, comma-separated, with the header row) and choose that file.`;
  if (file.size === 0) return `“${file.name}” is empty: it needs at least the header row and one row.`;
  if (file.size > MAX_IMPORT_FILE_BYTES) {
    return (
      `“${file.name}” is ${formatBytes(file.size)}; the largest file the platform imports is ${formatBytes(MAX_IMPORT_FILE_BYTES)} ` +
      `(it travels base64-encoded, a third larger, in a request of at most ${formatBytes(GATEWAY_BODY_LIMIT_BYTES)}). ` +
      'Split it into smaller files (each with the header row) and import them one after another.'
    );
  }
  return null;
}

// ---- a run ----

export type RunStatus = 'RUNNING' | 'DONE' | 'REJECTED' | 'FAILED';

export interface RunCounts {
  status: RunStatus;
  mode: string;
  dryRun: boolean;
  rowsTotal?: number | null;
  rowsProcessed: number;
  rowsValid: number;
  rowsInvalid: number;
  created: number;
  updated: number;
  unchanged: number;
  problemCount: number;
  problems: readonly unknown[];
}

/** The status in words, as the result and the recent imports say it. */
export function runStatusWords(run: Pick<RunCounts, 'status' | 'dryRun'>): string {
  switch (run.status) {
    case 'RUNNING':
      return run.dryRun ? 'Checking' : 'Importing';
    case 'DONE':
      return run.dryRun ? 'Checked: nothing was written (dry run)' : 'Done';
    case 'REJECTED':
      return 'Rejected: nothing was written';
    case 'FAILED':
      return 'Failed';
    default:
      return words(String(run.status));
  }
}

/** What the result means and what to do next, one or two sentences. */
export function runExplanation(run: Pick<RunCounts, 'status' | 'dryRun' | 'mode' | 'rowsInvalid' | 'problemCount'>): string {
  const problems = run.rowsInvalid > 0 || run.problemCount > 0;
  switch (run.status) {
    case 'RUNNING':
      return run.dryRun ? 'Every row is being checked; nothing will be written.' : 'Every row is checked first, then written.';
    case 'REJECTED':
      return 'Some rows have problems, and in all-or-nothing mode one problem stops the whole file. Correct the rows listed below and import the file again.';
    case 'FAILED':
      return 'The import stopped on an error of the platform, not of the file. Try again later; if it fails again, tell support the file’s name and the time it was started.';
    case 'DONE':
      if (run.dryRun) return problems ? 'Every row was checked and nothing was written. Correct the rows listed below before importing the file.' : 'Every row was checked and nothing was written: the file can be imported as it is.';
      if (problems && run.mode === 'VALID_ROWS_ONLY') return 'The valid rows were written. The rejected rows are listed below and in the file to download: correct them and import that file.';
      return 'Every row was written. Importing the same file again changes nothing.';
    default:
      return '';
  }
}

/** How far the run has come, 0–100, or null while the number of rows is not known yet. */
export function progressPercent(run: Pick<RunCounts, 'rowsProcessed' | 'rowsTotal'>): number | null {
  if (run.rowsTotal == null || run.rowsTotal <= 0) return null;
  return Math.max(0, Math.min(100, Math.floor((run.rowsProcessed / run.rowsTotal) * 100)));
}

const number = (n: number) => n.toLocaleString('en-US');
const rows = (n: number) => `${number(n)} ${n === 1 ? 'row' : 'rows'}`;

/** "1,234 of 10,000 rows (12%)"; before the total is known, "Reading the file…" or "1,234 rows so far". */
export function progressWords(run: Pick<RunCounts, 'rowsProcessed' | 'rowsTotal'>): string {
  const percent = progressPercent(run);
  if (percent === null) return run.rowsProcessed > 0 ? `${rows(run.rowsProcessed)} so far` : 'Reading the file…';
  return `${number(run.rowsProcessed)} of ${rows(run.rowsTotal!)} (${percent}%)`;
}

/** The counts as the result shows them, in order. */
export function runCounts(run: Pick<RunCounts, 'created' | 'updated' | 'unchanged' | 'rowsInvalid'>): { label: string; value: number; testId: string }[] {
  return [
    { label: 'Created', value: run.created, testId: 'import-created' },
    { label: 'Updated', value: run.updated, testId: 'import-updated' },
    { label: 'Unchanged', value: run.unchanged, testId: 'import-unchanged' },
    { label: 'Rejected rows', value: run.rowsInvalid, testId: 'import-rejected' },
  ];
}

/** Said when the problems listed are only the first ones (the API lists at most 1,000). */
export function problemsNote(run: Pick<RunCounts, 'problemCount' | 'problems'>): string | null {
  if (run.problemCount <= run.problems.length) return null;
  return `Showing the first ${number(run.problems.length)} of ${number(run.problemCount)} problems.`;
}

/** The error file's name: `people.csv` → `people-errors.csv` (no folders, whatever the browser sent). */
export function errorFileName(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.csv$/i, '').trim();
  return `${base || 'import'}-errors.csv`;
}

function words(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1).toLowerCase().replaceAll('_', ' ');
}

/** Who started a run: the command line (`npm run import`), you, or another account (by its id). */
export function startedByLabel(startedBy: string, myAccountId: string | null | undefined): string {
  if (startedBy === 'cli') return 'the command line';
  if (myAccountId && startedBy === myAccountId) return 'you';
  return startedBy;
}
