// The audit trail page's pure parts: which trail (a domain's, or the gateway's sign-ins), the filter
// as it is kept in the URL (so a link to `/audit?domain=ethics&subjectId=…` opens that search), what
// it becomes for the GraphQL API and for GET /auth/audit, and the words the table shows.

export type AuditDomain = 'certification' | 'training' | 'ethics' | 'sign-ins';

export const AUDIT_DOMAINS: readonly { value: AuditDomain; label: string; about: string }[] = [
  { value: 'certification', label: 'Certification', about: 'Every write to certification records (applications, certifications, documents) and every read of a sensitive field.' },
  { value: 'training', label: 'Training', about: 'Every write to training records (courses, sessions, registrations, trainers) and every read of a sensitive field.' },
  { value: 'ethics', label: 'Ethics', about: 'Every write to ethics records (complaints, investigations, decisions) and every read of a confidential field.' },
  { value: 'sign-ins', label: 'Sign-ins', about: 'Sign-ins, refused sign-ins and sign-outs at the gateway, and every change to an account.' },
];

export const AUDIT_ACTIONS: readonly { value: string; label: string }[] = [
  { value: 'create', label: 'Create' },
  { value: 'update', label: 'Update' },
  { value: 'delete', label: 'Delete' },
  { value: 'read', label: 'Read' },
  { value: 'export', label: 'Export' },
  { value: 'sign-in', label: 'Sign-in' },
  { value: 'sign-in-refused', label: 'Sign-in refused' },
  { value: 'sign-out', label: 'Sign-out' },
];

/** The filter as the form and the URL hold it: text, and dates as YYYY-MM-DD (local days, both included). */
export interface AuditFilter {
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  requestId: string;
  operation: string;
  from: string;
  to: string;
}

export const FILTER_KEYS = ['actor', 'action', 'subjectType', 'subjectId', 'requestId', 'operation', 'from', 'to'] as const satisfies readonly (keyof AuditFilter)[];

export const EMPTY_FILTER: AuditFilter = { actor: '', action: '', subjectType: '', subjectId: '', requestId: '', operation: '', from: '', to: '' };

/** What the API answers for one entry (the GraphQL node and the REST node have the same fields). */
export interface AuditEntry {
  id: string;
  actor: string;
  actorRoles: readonly string[];
  action: string;
  subjectType: string;
  subjectId: string;
  fields: readonly string[];
  requestId?: string | null;
  operation?: string | null;
  at: string;
}

export interface AuditPage {
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
  entries: AuditEntry[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00`);
  return !Number.isNaN(d.getTime()) && localDate(d) === value;
}

function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function isAuditDomain(value: string | null): value is AuditDomain {
  return AUDIT_DOMAINS.some((d) => d.value === value);
}

/**
 * The trail and filter a URL asks for. Text is trimmed; an unknown domain is certification's; an
 * unknown action or a date that is not a real YYYY-MM-DD day is left out rather than guessed at.
 */
export function filterFromParams(params: URLSearchParams): { domain: AuditDomain; filter: AuditFilter } {
  const asked = params.get('domain');
  const domain = isAuditDomain(asked) ? asked : 'certification';
  const filter = { ...EMPTY_FILTER };
  for (const key of FILTER_KEYS) filter[key] = (params.get(key) ?? '').trim();
  if (filter.action && !AUDIT_ACTIONS.some((a) => a.value === filter.action)) filter.action = '';
  if (filter.from && !isDate(filter.from)) filter.from = '';
  if (filter.to && !isDate(filter.to)) filter.to = '';
  return { domain, filter };
}

/** The URL's search params for a trail and filter: the domain, then only the parts given. */
export function paramsFromFilter(domain: AuditDomain, filter: Partial<AuditFilter>): URLSearchParams {
  const params = new URLSearchParams({ domain });
  for (const key of FILTER_KEYS) {
    const value = filter[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

/** The filter read from the form's fields (everything trimmed; absent fields empty). */
export function filterFromForm(data: FormData): AuditFilter {
  const filter = { ...EMPTY_FILTER };
  for (const key of FILTER_KEYS) {
    const value = data.get(key);
    filter[key] = typeof value === 'string' ? value.trim() : '';
  }
  return filter;
}

export function hasFilter(filter: AuditFilter): boolean {
  return FILTER_KEYS.some((key) => filter[key] !== '');
}

/** The first instant of a local day, as the API's DateTimeISO. */
function startOfDay(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}

/** The first instant of the local day after `day` (the API's `to` is exclusive; the form's day is included). */
function startOfNextDay(day: string): string {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
}

/** The API's filter (both the GraphQL input and the REST query use these names): only the parts given. */
export function apiFilter(filter: AuditFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['actor', 'action', 'subjectType', 'subjectId', 'requestId', 'operation'] as const) {
    if (filter[key]) out[key] = filter[key];
  }
  if (filter.from && isDate(filter.from)) out['from'] = startOfDay(filter.from);
  if (filter.to && isDate(filter.to)) out['to'] = startOfNextDay(filter.to);
  return out;
}

/** GET /auth/audit's path for one page of the sign-in trail. */
export function signInTrailPath(filter: AuditFilter, first: number, after: string | null): string {
  const params = new URLSearchParams({ first: String(first) });
  if (after) params.set('after', after);
  for (const [key, value] of Object.entries(apiFilter(filter))) params.set(key, value);
  return `/auth/audit?${params.toString()}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

function entryOf(node: unknown): AuditEntry | null {
  if (!isObject(node)) return null;
  const { id, actor, actorRoles, action, subjectType, subjectId, fields, requestId, operation, at } = node;
  if (!isString(id) || !isString(actor) || !isString(action) || !isString(subjectType) || !isString(subjectId) || !isString(at)) return null;
  if (!isStrings(actorRoles) || !isStrings(fields)) return null;
  return {
    id,
    actor,
    actorRoles,
    action,
    subjectType,
    subjectId,
    fields,
    requestId: isString(requestId) ? requestId : null,
    operation: isString(operation) ? operation : null,
    at,
  };
}

/** GET /auth/audit's answer as a page, or null when it is not the `{ edges, pageInfo, totalCount }` expected. */
export function parseTrailPage(body: unknown): AuditPage | null {
  if (!isObject(body) || !Array.isArray(body['edges']) || !isObject(body['pageInfo']) || typeof body['totalCount'] !== 'number') return null;
  const entries: AuditEntry[] = [];
  for (const edge of body['edges']) {
    const entry = isObject(edge) ? entryOf(edge['node']) : null;
    if (!entry) return null;
    entries.push(entry);
  }
  const { hasNextPage, endCursor } = body['pageInfo'];
  return { totalCount: body['totalCount'], hasNextPage: hasNextPage === true, endCursor: isString(endCursor) ? endCursor : null, entries };
}

/** The messages of a refused GET /auth/audit: the server's message and each field's reason. */
export function trailErrorMessages(status: number, body: unknown): string[] {
  const error = isObject(body) && isObject(body['error']) ? body['error'] : null;
  const messages: string[] = [];
  if (error && isString(error['message']) && error['message'].trim()) messages.push(error['message'].trim());
  const fields = error && Array.isArray(error['fields']) ? error['fields'] : [];
  for (const f of fields) {
    if (isObject(f) && isString(f['field']) && isString(f['reason'])) messages.push(`${f['field']}: ${f['reason']}`);
  }
  if (messages.length > 0) return messages;
  if (status === 403) return ['Only admins read the audit trail'];
  return [`The sign-in trail could not be read (HTTP ${status}); try again shortly`];
}

export function actionLabel(action: string): string {
  return AUDIT_ACTIONS.find((a) => a.value === action)?.label ?? action;
}

export function domainLabel(domain: AuditDomain): string {
  return AUDIT_DOMAINS.find((d) => d.value === domain)?.label ?? domain;
}

/** Who acted, in words: the platform itself (migrations, jobs) and signed-out visitors are named; accounts by their id. */
export function actorLabel(actor: string): string {
  if (actor === 'system') return 'System';
  if (actor === 'anonymous') return 'Anonymous';
  return actor;
}

/** The field names an entry touched ("—" when it names none). */
export function fieldsLabel(fields: readonly string[]): string {
  return fields.length === 0 ? '—' : fields.join(', ');
}

/** "12 entries" / "1 entry", with ", 25 shown" when fewer than all are loaded. */
export function entryCountLabel(total: number, shown: number): string {
  return `${total} ${total === 1 ? 'entry' : 'entries'}${total > shown ? `, ${shown} shown` : ''}`;
}
