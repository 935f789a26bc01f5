// A policy version's values are JSON whose shape each domain's schema defines (services/*/src/policy).
// This turns them into labelled rows to read and fields to edit, without hard-coding the shape:
// known keys get the program's words and units, unknown ones are spelled out from their names.

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Words for the program's numbers by key (the last part of a path); units in the label. */
const KEY_LABELS: Record<string, string> = {
  // certification
  recoveryMonths: 'Recovery required (months)',
  coreCourse: 'Core course',
  faceToFaceHours: 'Face-to-face hours',
  newCourseTotalHours: 'New courses: total hours (with pre-work)',
  certificateValidYears: 'Certificate usable for (years)',
  additionalHours: 'Additional training hours',
  childFamilyMaxHours: 'Most additional hours about children and families',
  initialEthicsTrainingRequired: 'Ethics training required among the additional hours',
  recertificationHours: 'Recertification hours',
  recertificationEthicsHours: 'Recertification ethics hours',
  feesCents: 'Fees (cents)',
  application: 'Application',
  recertification: 'Recertification',
  late: 'Late recertification',
  lateWindowDays: 'Late recertification window (days)',
  reminderOffsetsDays: 'Renewal reminders (days before the due date)',
  incompleteTimeoutMonths: 'Incomplete application closed after (months)',
  termYears: 'Certification term (years)',
  processingTargetBusinessDays: 'Processing target (business days)',
  online: 'Online',
  mail: 'By mail',
  militaryUpkeep: 'Military designation upkeep',
  generalHours: 'General hours',
  militaryHours: 'Military-specific hours',
  // training
  submissionWindows: 'Course submission windows',
  submissionsPaused: 'New course submissions paused',
  submissionFeeUsd: 'Course submission fee (USD)',
  reviewTargetBusinessDays: 'Course review target (business days)',
  min: 'At least',
  max: 'At most',
  resubmissionsAllowed: 'Resubmissions allowed',
  courseRecertificationYears: 'Course recertification every (years)',
  defaultClassCapacity: 'Default class capacity',
  coreCourseHours: 'Core course hours',
  faceToFace: 'Face to face',
  preWork: 'Pre-work',
  maxUploadBytes: 'Largest upload (bytes)',
  from: 'From',
  to: 'To',
  month: 'Month',
  day: 'Day',
  // ethics
  complaintFilingLimitYears: 'Complaints accepted within (years of the conduct)',
  acknowledgmentTargetBusinessDays: 'Acknowledgment target (business days)',
  triageTargetBusinessDays: 'Triage target (business days)',
  investigationTargetBusinessDays: 'Investigation target (business days)',
  respondentResponseBusinessDays: 'Respondent’s response expected within (business days)',
  appealWindowBusinessDays: 'Appeal window (business days)',
  registryUpdateTargetHours: 'Registry updated within (hours)',
};

const KEY_ORDER = Object.keys(KEY_LABELS);

/**
 * An object's entries in the program's order (the schemas' order, as KEY_LABELS lists them):
 * PostgreSQL's jsonb keeps keys by length, which would put "to" before "from". Unknown keys last.
 */
export function orderedEntries<T>(obj: Record<string, T>): [string, T][] {
  const rank = (k: string) => {
    const i = KEY_ORDER.indexOf(k);
    return i === -1 ? KEY_ORDER.length : i;
  };
  return Object.entries(obj).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** recoveryMonths → "Recovery months" for a key the UI does not know yet. */
export function keyLabel(key: string): string {
  if (KEY_LABELS[key]) return KEY_LABELS[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A value as a person reads it: numbers with separators, yes/no, month/day as "Apr 1", ranges. */
export function formatValue(value: Json, path: string[] = []): string {
  const key = path[path.length - 1] ?? '';
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') {
    // The stored unit (the label names it) with the amount a person thinks in.
    if (path.includes('feesCents')) return `${value.toLocaleString('en-US')} ($${(value / 100).toFixed(2)})`;
    if (key === 'maxUploadBytes') return `${value.toLocaleString('en-US')} (${(value / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 2 })} MB)`;
    return value.toLocaleString('en-US');
  }
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => formatValue(v, path)).join('; ');
  if (typeof value['month'] === 'number' && typeof value['day'] === 'number' && Object.keys(value).length === 2) {
    return `${MONTHS[value['month'] - 1] ?? value['month']} ${value['day']}`;
  }
  if ('from' in value && 'to' in value && Object.keys(value).length === 2) return `${formatValue(value['from']!, path)} – ${formatValue(value['to']!, path)}`;
  return orderedEntries(value)
    .map(([k, v]) => `${keyLabel(k)}: ${formatValue(v, [...path, k])}`)
    .join(', ');
}

export interface ValueRow {
  /** Dotted path inside `values` (the server's field path after `values.`). */
  path: string;
  label: string;
  /** Group label for a nested value ("Fees (cents)"), empty at the top level. */
  group: string;
  value: Json;
}

/** Rows to read: nested objects open into their leaves; arrays stay one row. */
export function valueRows(values: JsonObject, prefix: string[] = [], group = ''): ValueRow[] {
  return orderedEntries(values).flatMap(([key, value]) => {
    const path = [...prefix, key];
    if (isObject(value)) return valueRows(value, path, group ? `${group} · ${keyLabel(key)}` : keyLabel(key));
    return [{ path: path.join('.'), label: keyLabel(key), group, value }];
  });
}

/** Whether two JSON values are equal (to mark what a new version changes). */
export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The value at a dotted path. */
export function getAt(root: Json, path: readonly (string | number)[]): Json | undefined {
  let v: Json | undefined = root;
  for (const p of path) {
    if (Array.isArray(v)) v = v[Number(p)];
    else if (isObject(v)) v = v[String(p)];
    else return undefined;
  }
  return v;
}

/** A copy of `root` with the value at `path` replaced. */
export function setAt(root: Json, path: readonly (string | number)[], value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[Number(head)] = setAt(copy[Number(head)] ?? null, rest, value);
    return copy;
  }
  const obj = isObject(root) ? root : {};
  return { ...obj, [String(head)]: setAt(obj[String(head)] ?? null, rest, value) };
}
