// How enum values read on screen. Unknown values (a newer server) show as sent.
const words = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ');

export const CERTIFICATION_STATUS_LABELS: Record<string, string> = {
  ACTIVE: 'Active',
  DUE: 'Due for renewal',
  LATE: 'Late (renewal window)',
  LAPSED: 'Lapsed',
  SUSPENDED: 'Suspended',
  REVOKED: 'Revoked',
  RELINQUISHED: 'Relinquished',
};

export const DESIGNATION_LABELS: Record<string, string> = {
  MILITARY_SERVICE_MEMBER: 'Military service member',
  VETERAN_SERVICE_MEMBER: 'Veteran service member',
  COAPS: 'Child and adolescent (COAPS)',
};

export const APPLICATION_STATUS_LABELS: Record<string, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  INCOMPLETE: 'Incomplete',
  ON_HOLD: 'On hold',
  IN_REVIEW: 'In review',
  APPROVED: 'Approved',
  DENIED: 'Denied',
  WITHDRAWN: 'Withdrawn',
  CLOSED: 'Closed',
};

export const ELIGIBILITY_RULE_LABELS: Record<string, string> = {
  MINIMUM_AGE: 'Minimum age',
  CONSUMER_OF_SERVICES: 'Consumer of services',
  RECOVERY_TIME: 'Time in recovery',
  EDUCATION: 'Education',
  CORE_COURSE: 'Core PSS course',
  ADDITIONAL_HOURS: 'Additional training hours',
  ETHICS_TRAINING: 'Ethics training',
  REFERENCES: 'References',
  CODE_OF_ETHICS: 'Code of Ethics signed',
  RECOVERY_STATEMENT: 'Recovery statement',
  MILITARY_DESIGNATION: 'Military designation',
  RECERTIFICATION_HOURS: 'Recertification hours',
  RECERTIFICATION_ETHICS_HOURS: 'Recertification ethics hours',
  MILITARY_UPKEEP: 'Military designation upkeep',
  CERTIFICATION_RENEWABLE: 'Certification renewable',
};

export const COMPLAINT_SUBJECT_LABELS: Record<string, string> = {
  CPSS: 'A certified peer support specialist',
  TRAINER: 'A trainer',
  COURSE_OWNER: 'A course owner',
  PROGRAM: 'The certification program',
};

export function label(labels: Record<string, string>, value: string | null | undefined): string {
  if (value == null) return '—';
  return labels[value] ?? words(value);
}

/** Any enum value as words: IN_REVIEW → "In review". */
export function enumWords(value: string | null | undefined): string {
  return value == null ? '—' : words(value);
}

export function formatCents(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}
