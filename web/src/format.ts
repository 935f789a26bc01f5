// Display formatting shared by the pages; pure so it can be unit tested.
import type { CourseKind } from './gql/graphql';

export function displayName(person: { legalName: string; preferredName?: string | null }): string {
  const preferred = person.preferredName?.trim();
  return preferred && preferred !== person.legalName ? `${person.legalName} (${preferred})` : person.legalName;
}

/** Hours to at most two decimals, without trailing zeros: 12, 12.5, 0.75. */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

/** The most recent acknowledgment by signing date (the API sends newest first, but don't rely on it). */
export function latestAcknowledgment<T extends { signedOn: string }>(acks: readonly T[]): T | null {
  let latest: T | null = null;
  // LocalDate strings are YYYY-MM-DD, so they compare correctly as strings.
  for (const ack of acks) if (!latest || ack.signedOn > latest.signedOn) latest = ack;
  return latest;
}

export const COURSE_KIND_LABELS: Record<CourseKind, string> = {
  CORE_PSS: 'Core PSS',
  ETHICS_AND_BOUNDARIES: 'Ethics and boundaries',
  ELECTIVE: 'Elective',
  DESIGNATION: 'Designation',
  TRAINING_OF_TRAINERS: 'Training of trainers',
  SUPERVISOR: 'Supervisor',
};

export function courseKindLabel(kind: CourseKind): string {
  return COURSE_KIND_LABELS[kind] ?? kind;
}

const NC_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in North Carolina as YYYY-MM-DD: the date the services decide on, not the browser's. */
export function todayInNc(now: Date = new Date()): string {
  return NC_DATE.format(now);
}

/** "12 cases" / "1 case"; ", first 50 shown" added when a page holds fewer than the total. */
export function countLabel(total: number, shown: number, one: string, many: string): string {
  return `${total} ${total === 1 ? one : many}${total > shown ? `, first ${shown} shown` : ''}`;
}
