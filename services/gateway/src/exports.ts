// The CSV exports of the admin lists, in one table: for each list (GET /export/<list>.csv, see
// routes/export.ts) the GraphQL operation the UI's page asks (the same root field with the same
// filters), the filters it takes from the query string (validated), and its columns.
//
// The operation runs through the gateway as the caller, so every field's rule in the subgraphs
// applies unchanged. A column some roles may not read is declared sensitive with the roles that
// may (the subgraph's rule for that field): for anyone else it is left out of the document, and so
// of the file (no empty column).
//
// A list whose rows say something about a person in a program for people in recovery (applicants,
// their training record, complaints about them) carries the 42 CFR § 2.32 redisclosure notice.
import {
  ApplicationChannel,
  ApplicationStatus,
  ComplaintStatus,
  ComplaintSubjectKind,
  CourseSubmissionStatus,
  Role,
  STAFF_ROLES,
  TriageLevel,
} from '@cpss/domain';
import { z } from 'zod';

/** Rows asked of the gateway per page (the connections' largest page). */
export const EXPORT_PAGE_SIZE = 100;
/** The most rows one export gives; a list larger than this is refused (narrow the filters). */
export const EXPORT_MAX_ROWS = 50_000;

/** 42 CFR § 2.32(a)(1), word for word: heads every export with substance-use information. */
export const REDISCLOSURE_NOTICE =
  'This record which has been disclosed to you is protected by federal confidentiality rules (42 CFR part 2). ' +
  'The federal rules prohibit you from making any further disclosure of this record unless further disclosure is expressly permitted ' +
  'by the written consent of the individual whose information is being disclosed in this record or, is otherwise permitted by 42 CFR part 2. ' +
  'A general authorization for the release of medical or other information is NOT sufficient for this purpose (see § 2.31). ' +
  'The federal rules restrict any use of the information to investigate or prosecute with regard to a crime any patient with a substance use disorder, ' +
  'except as provided at §§ 2.12(c)(5) and 2.65.';

/** The file's first line when the list carries the notice (a `#` comment line: csv-parse's `comment: '#'` skips it). */
export const NOTICE_LINE = `# NOTICE: ${REDISCLOSURE_NOTICE}`;

type Node = Record<string, unknown>;

export interface ExportColumn {
  header: string;
  /** Dotted path into the row (`person.legalName`); also its selection unless `select` is given. */
  path?: string;
  /** The row's fields this column needs, as GraphQL selections (for computed columns). */
  select?: string;
  /** A computed value (default: the value at `path`). */
  value?: (row: Node) => unknown;
  /** Sensitive: only these roles may read it (the subgraph's rule); everyone else's file leaves it out. */
  roles?: readonly Role[];
}

export interface ExportList<P extends Record<string, unknown> = Record<string, unknown>> {
  /** What the file and the audit entry are named by. */
  title: string;
  /** The query string's filters (unknown ones refused). */
  params: z.ZodType<P, any>;
  /** The operation, given the rows' selections; a paged list declares $first and $after and answers a connection at `list`. */
  document: (rows: string, params: P) => string;
  variables: (params: P, today: string) => Record<string, unknown>;
  paged: boolean;
  /** For a list that is not a connection: its rows in the answer's data. */
  rows?: (data: Node) => unknown[];
  /** Rows the UI leaves out after asking (e.g. the sessions' "past" view). */
  keep?: (row: Node, params: P, today: string) => boolean;
  columns: readonly ExportColumn[];
  /** Carries the 42 CFR § 2.32 notice. */
  notice: boolean;
  /** Filters whose values are personal (a name searched for): the audit entry says only that one was given. */
  personalParams?: readonly (keyof P & string)[];
}

// ---- filters ----------------------------------------------------------------------------------

const enumOf = <T extends string>(values: Record<string, T>) => z.enum(Object.values(values) as [T, ...T[]]);
/** `a,b,c` (or the parameter repeated) as a list of one enum's values. */
const enumList = <T extends string>(values: Record<string, T>) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(enumOf(values)).min(1, 'name at least one value').max(20));
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `is longer than ${max} characters`);
const localDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real date as YYYY-MM-DD');
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be an id');

// ---- documents --------------------------------------------------------------------------------

/** A connection's page: `list: root(first, after, ...filters) { totalCount pageInfo edges { node { rows } } }`. */
function connection(operation: string, root: string, filters: Record<string, string>, fixed = '') {
  return (rows: string) => {
    const names = Object.keys(filters);
    const decl = ['$first: Int!', '$after: String', ...names.map((n) => `$${n}: ${filters[n]}`)].join(', ');
    const args = ['first: $first', 'after: $after', ...names.map((n) => `${n}: $${n}`), ...(fixed ? [fixed] : [])].join(', ');
    return `query ${operation}(${decl}) { list: ${root}(${args}) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${rows} } } } }`;
  };
}

const name = (prefix = '') => [
  { header: 'Legal name', path: `${prefix}legalName` },
  { header: 'Preferred name', path: `${prefix}preferredName` },
];
const count = (field: string) => ({ select: `${field} { id }`, value: (r: Node) => (Array.isArray(r[field]) ? (r[field] as unknown[]).length : null) });

const CERTIFICATION_STAFF: readonly Role[] = [Role.CertificationReviewer, Role.Admin];
const ETHICS_READERS: readonly Role[] = [Role.EthicsStaff, Role.Admin];

/** Today in North Carolina (the UI's "upcoming" starts there). */
export function todayInNc(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

// ---- the lists --------------------------------------------------------------------------------

const registry = {
  title: 'registry',
  params: z
    .object({ number: text(40).optional(), name: text(100).optional(), county: text(40).optional() })
    .strict()
    .superRefine((p, ctx) => {
      if (p.number) return;
      for (const field of ['name', 'county'] as const) {
        if (!p[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'is required (or a certification number)' });
      }
    }),
  document: (rows, p) =>
    p.number
      ? `query ExportRegistryLookup($number: String!) { entry: registryLookup(certificationNumber: $number) { ${rows} } }`
      : `query ExportRegistrySearch($name: String!, $county: String!) { list: registrySearch(name: $name, county: $county) { ${rows} } }`,
  variables: (p) => (p.number ? { number: p.number } : { name: p.name, county: p.county }),
  paged: false,
  rows: (data) => (data['list'] as unknown[] | undefined) ?? (data['entry'] ? [data['entry']] : []),
  columns: [
    { header: 'Certification number', path: 'certificationNumber' },
    { header: 'Name', path: 'name' },
    { header: 'County', path: 'county' },
    { header: 'Status', path: 'status' },
    { header: 'Status effective on', path: 'statusEffectiveOn' },
    { header: 'Good through', path: 'goodThrough' },
    { header: 'Designations', path: 'designations' },
  ],
  // The registry is public: nothing in it is more than the program publishes.
  notice: false,
  personalParams: ['name'],
} satisfies ExportList<{ number?: string; name?: string; county?: string }>;

const people = {
  title: 'people',
  params: z.object({ search: text(100).optional(), county: text(40).optional() }).strict(),
  document: connection('ExportPeople', 'people', { search: 'String', county: 'String' }),
  variables: (p) => ({ search: p.search ?? null, county: p.county ?? null }),
  paged: true,
  columns: [
    { header: 'Person ID', path: 'id' },
    ...name(),
    { header: 'County', path: 'county' },
    { header: 'Date of birth', path: 'dateOfBirth', roles: STAFF_ROLES },
    { header: 'Email', path: 'email', roles: STAFF_ROLES },
    { header: 'Training hours', path: 'trainingHours' },
    { header: 'Completions', ...count('trainingCompletions') },
    {
      header: 'Code of Ethics signed',
      select: 'ethicsAcknowledgments { codeVersion signedOn }',
      value: (r) => {
        const acks = r['ethicsAcknowledgments'] as { codeVersion: string; signedOn: string }[] | null;
        return acks?.[0] ? `${acks[0].codeVersion} on ${acks[0].signedOn}` : '';
      },
    },
    // Not on the page, but what staff export people for; each with the subgraph's rule.
    { header: 'Applications', ...count('applications'), roles: CERTIFICATION_STAFF },
    { header: 'Complaints', ...count('complaints'), roles: ETHICS_READERS },
    { header: 'Sanctions', ...count('sanctions'), roles: ETHICS_READERS },
  ],
  // People known to a program for people in recovery: applicants among them.
  notice: true,
  personalParams: ['search'],
} satisfies ExportList<{ search?: string; county?: string }>;

const applicationColumns: ExportColumn[] = [
  { header: 'Application ID', path: 'id' },
  { header: 'Person ID', path: 'person.id' },
  ...name('person.'),
  { header: 'County', path: 'person.county' },
  { header: 'Kind', path: 'kind' },
  { header: 'Channel', path: 'channel' },
  { header: 'Status', path: 'status' },
  { header: 'Submitted on', path: 'submittedOn' },
  { header: 'Queued on', path: 'queuedOn' },
  { header: 'Missing items', path: 'missingItems' },
  { header: 'Business days waiting', path: 'processingClock.businessDaysWaiting', roles: STAFF_ROLES },
  { header: 'Target business days', path: 'processingClock.targetBusinessDays', roles: STAFF_ROLES },
  { header: 'Due by', path: 'processingClock.dueBy', roles: STAFF_ROLES },
  { header: 'Overdue', path: 'processingClock.overdue', roles: STAFF_ROLES },
  { header: 'Held for complaint', path: 'heldForComplaint', roles: CERTIFICATION_STAFF },
  { header: 'Hold reason', path: 'holdReason', roles: CERTIFICATION_STAFF },
];

const applications = {
  title: 'applications',
  params: z
    .object({
      statuses: enumList(ApplicationStatus).optional(),
      channel: enumOf(ApplicationChannel).optional(),
      waitingAtLeastBusinessDays: z.coerce.number().int('must be a whole number').min(0).max(1000).optional(),
    })
    .strict(),
  document: connection('ExportApplicationQueue', 'applicationQueue', {
    statuses: '[ApplicationStatus!]',
    channel: 'ApplicationChannel',
    waitingAtLeastBusinessDays: 'Int',
  }),
  variables: (p) => ({ statuses: p.statuses ?? null, channel: p.channel ?? null, waitingAtLeastBusinessDays: p.waitingAtLeastBusinessDays ?? null }),
  paged: true,
  columns: applicationColumns,
  // An application to a certification for people in recovery.
  notice: true,
} satisfies ExportList<{ statuses?: ApplicationStatus[]; channel?: ApplicationChannel; waitingAtLeastBusinessDays?: number }>;

/** The work queues page's "Applications awaiting review" (any staff; hold details for certification staff). */
const queueApplications = {
  title: 'queue-applications',
  params: z.object({}).strict(),
  document: connection('ExportQueueApplications', 'applications', {}, 'statuses: [SUBMITTED, IN_REVIEW, ON_HOLD]'),
  variables: () => ({}),
  paged: true,
  columns: applicationColumns,
  notice: true,
} satisfies ExportList<Record<string, never>>;

const complaintViews = { open: { open: true }, overdue: { open: true, overdue: true }, closed: { open: false }, all: { open: null } } as const;
const complaintParams = z
  .object({
    view: z.enum(Object.keys(complaintViews) as [keyof typeof complaintViews]).optional(),
    reference: text(40).optional(),
    statuses: enumList(ComplaintStatus).optional(),
    subjectKind: enumOf(ComplaintSubjectKind).optional(),
    triageLevel: enumOf(TriageLevel).optional(),
  })
  .strict();
type ComplaintParams = z.infer<typeof complaintParams>;

const complaintColumns: ExportColumn[] = [
  { header: 'Reference', path: 'referenceNumber' },
  { header: 'Channel', path: 'channel' },
  { header: 'About', path: 'subjectKind' },
  { header: 'Respondent ID', path: 'respondent.id' },
  { header: 'Respondent legal name', path: 'respondent.legalName' },
  { header: 'Respondent preferred name', path: 'respondent.preferredName' },
  { header: 'Respondent description', path: 'respondentDescription' },
  { header: 'Received on', path: 'receivedOn' },
  { header: 'Status', path: 'status' },
  { header: 'Triage', path: 'triageLevel' },
  { header: 'Age (business days)', path: 'ageBusinessDays' },
  { header: 'Next due', path: 'nextDueOn' },
  { header: 'Overdue', path: 'overdue' },
];

const complaints = {
  title: 'complaints',
  params: complaintParams,
  document: connection('ExportComplaints', 'complaints', { filter: 'ComplaintFilterInput' }),
  // As the page: a reference number looks across every case; otherwise the view (open by default).
  variables: (p) => ({
    filter: {
      ...(p.reference ? { open: null, referenceNumber: p.reference } : complaintViews[p.view ?? 'open']),
      ...(p.statuses ? { statuses: p.statuses } : {}),
      ...(p.subjectKind ? { subjectKind: p.subjectKind } : {}),
      ...(p.triageLevel ? { triageLevel: p.triageLevel } : {}),
    },
  }),
  paged: true,
  columns: complaintColumns,
  // Complaints about peer specialists (their conduct, often their recovery).
  notice: true,
} satisfies ExportList<ComplaintParams>;

const queueComplaints = {
  title: 'queue-complaints',
  params: z.object({}).strict(),
  document: connection('ExportQueueComplaints', 'complaints', {}, 'filter: { statuses: [RECEIVED] }'),
  variables: () => ({}),
  paged: true,
  columns: complaintColumns,
  notice: true,
} satisfies ExportList<Record<string, never>>;

const queueRenewals = {
  title: 'queue-renewals',
  params: z.object({ withinDays: z.coerce.number().int('must be a whole number').min(1).max(365).default(90) }).strict(),
  document: connection('ExportQueueRenewals', 'certificationsDue', { withinDays: 'Int' }),
  variables: (p) => ({ withinDays: p.withinDays }),
  paged: true,
  columns: [
    { header: 'Certification number', path: 'number' },
    { header: 'Person ID', path: 'person.id' },
    ...name('person.'),
    { header: 'Status', path: 'status' },
    { header: 'Due on', path: 'dueOn' },
    { header: 'Renewal hours required', path: 'renewalHoursRequired' },
    { header: 'Training hours since last certification', path: 'trainingHoursSinceLastCertification' },
    { header: 'Ethics training hours since last certification', path: 'ethicsTrainingHoursSinceLastCertification' },
  ],
  // Certified peers' renewals and training: about people in recovery, beyond what the registry publishes.
  notice: true,
} satisfies ExportList<{ withinDays: number }>;

const submissionColumns: ExportColumn[] = [
  { header: 'Submission ID', path: 'id' },
  { header: 'Course ID', path: 'course.id' },
  { header: 'Course', path: 'course.title' },
  { header: 'Course kind', path: 'course.kind' },
  { header: 'Purpose', path: 'purpose' },
  { header: 'Status', path: 'status' },
  { header: 'Attempt', path: 'attempt' },
  { header: 'Submitted on', path: 'submittedOn' },
  { header: 'Business days elapsed', path: 'reviewClock.businessDaysElapsed' },
  { header: 'Target business days', path: 'reviewClock.targetMaxBusinessDays' },
  { header: 'Due by', path: 'reviewClock.dueBy' },
  { header: 'Overdue', path: 'reviewClock.overdue' },
];

const courseSubmissions = {
  title: 'course-submissions',
  params: z.object({ statuses: enumList(CourseSubmissionStatus).optional(), courseId: uuid.optional() }).strict(),
  document: connection('ExportCourseSubmissions', 'courseSubmissions', { statuses: '[CourseSubmissionStatus!]', courseId: 'ID' }),
  variables: (p) => ({ statuses: p.statuses ?? null, courseId: p.courseId ?? null }),
  paged: true,
  columns: submissionColumns,
  notice: false,
} satisfies ExportList<{ statuses?: CourseSubmissionStatus[]; courseId?: string }>;

const queueSubmissions = {
  ...courseSubmissions,
  title: 'queue-submissions',
  params: z.object({}).strict(),
  document: connection('ExportQueueSubmissions', 'courseSubmissions', {}, 'statuses: [RECEIVED, TEAM_REVIEW]'),
  variables: () => ({}),
} satisfies ExportList<Record<string, never>>;

const sessionParams = z.object({ view: z.enum(['upcoming', 'past', 'all']).default('upcoming'), courseId: uuid.optional() }).strict();
const sessions = {
  title: 'sessions',
  params: sessionParams,
  document: connection('ExportTrainingSessions', 'trainingSessions', { from: 'LocalDate', courseId: 'ID' }),
  // As the page: upcoming (and under way) from today; past is every session ended before today.
  variables: (p, today) => ({ from: p.view === 'upcoming' ? today : null, courseId: p.courseId ?? null }),
  keep: (row, p, today) => p.view !== 'past' || String(row['lastDay']) < today,
  paged: true,
  columns: [
    { header: 'Session ID', path: 'id' },
    { header: 'Course ID', path: 'course.id' },
    { header: 'Course', path: 'course.title' },
    { header: 'Course kind', path: 'course.kind' },
    { header: 'First day', path: 'firstDay' },
    { header: 'Last day', path: 'lastDay' },
    { header: 'Status', path: 'status' },
    { header: 'Delivery', path: 'delivery' },
    { header: 'Address', path: 'address' },
    { header: 'County', path: 'county' },
    { header: 'Capacity', path: 'capacity' },
    { header: 'Enrolled', path: 'enrolledCount' },
    { header: 'Waitlist', path: 'waitlistCount' },
    { header: 'Trainer person ID', path: 'trainerPersonId' },
  ],
  notice: false,
} satisfies ExportList<z.infer<typeof sessionParams>>;

const completions = {
  title: 'completions',
  params: z.object({ personId: uuid }).strict(),
  document: (rows) => `query ExportTrainingCompletions($personId: ID!) { list: trainingCompletions(personId: $personId) { ${rows} } }`,
  variables: (p) => ({ personId: p.personId }),
  paged: false,
  rows: (data) => data['list'] as unknown[],
  columns: [
    { header: 'Completion ID', path: 'id' },
    { header: 'Course', path: 'courseTitle' },
    { header: 'Kind', path: 'kind' },
    { header: 'Hours', path: 'hours' },
    { header: 'Completed on', path: 'completedOn' },
    { header: 'Source', path: 'source' },
    { header: 'Child and family', path: 'childAndFamily' },
    { header: 'Provider', path: 'provider' },
    { header: 'Counts toward certification', path: 'countsTowardCertification' },
  ],
  // One person's training toward a certification for people in recovery.
  notice: true,
} satisfies ExportList<{ personId: string }>;

const onParam = z.object({ on: localDate.optional() }).strict();
const statistics = (title: string, part: string, columns: ExportColumn[]) =>
  ({
    title,
    params: onParam,
    document: (rows) => `query ExportCertificationStatistics($on: LocalDate) { list: certificationStatistics(on: $on) { ${part} { ${rows} } } }`,
    variables: (p) => ({ on: p.on ?? null }),
    paged: false,
    rows: (data) => (data['list'] as Node)[part] as unknown[],
    columns,
    // Counts, no person in them.
    notice: false,
  }) satisfies ExportList<z.infer<typeof onParam>>;

const rangeParams = z.object({ from: localDate.optional(), to: localDate.optional() }).strict();
const trainingStatistics = (title: string, part: string, columns: ExportColumn[]) =>
  ({
    title,
    params: rangeParams,
    document: (rows) => `query ExportTrainingStatistics($from: LocalDate, $to: LocalDate) { list: trainingStatistics(from: $from, to: $to) { ${part} { ${rows} } } }`,
    variables: (p) => ({ from: p.from ?? null, to: p.to ?? null }),
    paged: false,
    rows: (data) => (data['list'] as Node)[part] as unknown[],
    columns,
    notice: false,
  }) satisfies ExportList<z.infer<typeof rangeParams>>;

/** Every export, by the name in its URL. */
export const EXPORTS: Record<string, ExportList<any>> = {
  registry,
  people,
  applications,
  complaints,
  'queue-applications': queueApplications,
  'queue-complaints': queueComplaints,
  'queue-renewals': queueRenewals,
  'queue-submissions': queueSubmissions,
  'course-submissions': courseSubmissions,
  sessions,
  completions,
  'certification-per-month': statistics('certification-per-month', 'perMonth', [
    { header: 'Month', path: 'month' },
    { header: 'Issued', path: 'issued' },
    { header: 'Lapsed', path: 'lapsed' },
    { header: 'In good standing', path: 'inGoodStanding' },
  ]),
  'certification-by-county': statistics('certification-by-county', 'inGoodStandingByCounty', [
    { header: 'County', path: 'key' },
    { header: 'In good standing', path: 'count' },
  ]),
  'certification-by-status': statistics('certification-by-status', 'certificationsByStatus', [
    { header: 'Status', path: 'key' },
    { header: 'Certifications', path: 'count' },
  ]),
  'applications-by-status': statistics('applications-by-status', 'applicationsByStatus', [
    { header: 'Status', path: 'key' },
    { header: 'Applications', path: 'count' },
  ]),
  'training-per-month': trainingStatistics('training-per-month', 'perMonth', [
    { header: 'Month', path: 'month' },
    { header: 'Completions', path: 'completions' },
  ]),
  'training-by-kind': trainingStatistics('training-by-kind', 'byKind', [
    { header: 'Course kind', path: 'kind' },
    { header: 'Completions', path: 'completions' },
    { header: 'Hours', path: 'hours' },
  ]),
};

// ---- columns and cells ------------------------------------------------------------------------

/** The columns a caller with these roles may read. */
export function columnsFor(list: ExportList<any>, roles: readonly string[]): ExportColumn[] {
  return list.columns.filter((c) => !c.roles || c.roles.some((r) => roles.includes(r)));
}

/** `a.b.c` as the selection `a { b { c } }`. */
function selectionOfPath(path: string): string {
  const [head, ...rest] = path.split('.');
  return rest.length ? `${head} { ${selectionOfPath(rest.join('.'))} }` : head!;
}

/** The rows' selection set for these columns (GraphQL merges fields asked twice). */
export function selectionOf(columns: readonly ExportColumn[]): string {
  return columns.map((c) => c.select ?? selectionOfPath(c.path!)).join(' ');
}

function at(row: Node, path: string): unknown {
  let value: unknown = row;
  for (const key of path.split('.')) value = value == null ? null : (value as Node)[key];
  return value;
}

/**
 * One cell as text: nothing for null, lists joined by `; `, yes/no, numbers as they are. Text that
 * a spreadsheet would read as a formula (starting with = + - @ or a tab/CR) gets a leading `'`.
 */
export function cell(value: unknown): string {
  if (value == null) return '';
  if (Array.isArray(value)) return cell(value.map((v) => (v == null ? '' : String(v))).join('; '));
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function recordOf(columns: readonly ExportColumn[], row: Node): string[] {
  return columns.map((c) => cell(c.value ? c.value(row) : at(row, c.path!)));
}

/** The filters as a query string for the audit entry (`county=Wake&search=(given)`), personal values replaced by `(given)`. */
export function auditFilters(list: ExportList<any>, params: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value === undefined || value === null) continue;
    const text = list.personalParams?.includes(key) ? '(given)' : Array.isArray(value) ? value.map((v) => encodeURIComponent(String(v))).join(',') : encodeURIComponent(String(value));
    parts.push(`${encodeURIComponent(key)}=${text}`);
  }
  return parts.join('&');
}
