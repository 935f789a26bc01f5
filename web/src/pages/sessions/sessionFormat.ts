// Words and dates for the trainer's session screens. "Today" is North Carolina's date, the one the
// training service decides on (a day can be recorded once it has happened), not the browser's.
import type { EnrollmentStatus, SessionDelivery, TrainingSessionStatus } from '../../gql/graphql';

import { displayName } from '../../format';

export { todayInNc } from '../../format';

/** YYYY-MM-DD plus n days (calendar arithmetic in UTC so no time zone moves it). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const WEEKDAY = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: 'UTC' });

/** "Mon 2026-12-07" */
export function dayLabel(date: string): string {
  return `${WEEKDAY.format(new Date(`${date}T00:00:00Z`))} ${date}`;
}

export const SESSION_STATUS_LABELS: Record<TrainingSessionStatus, string> = {
  SCHEDULED: 'Scheduled',
  CANCELLED: 'Cancelled',
};

export const DELIVERY_LABELS: Record<SessionDelivery, string> = {
  IN_PERSON: 'In person',
  VIRTUAL: 'Virtual',
};

export const ENROLLMENT_STATUS_LABELS: Record<EnrollmentStatus, string> = {
  ENROLLED: 'Enrolled',
  WAITLISTED: 'Waitlisted',
  WITHDRAWN: 'Withdrawn',
  COMPLETED: 'Completed',
};

export const ENROLLMENT_STATUS_COLORS: Record<EnrollmentStatus, string> = {
  ENROLLED: 'blue',
  WAITLISTED: 'grape',
  WITHDRAWN: 'gray',
  COMPLETED: 'teal',
};

/** Where a session stands in time, besides its status: upcoming, under way or over. */
export function sessionPhase(s: { status: TrainingSessionStatus; firstDay: string; lastDay: string }, today: string): string {
  if (s.status === 'CANCELLED') return 'Cancelled';
  if (s.lastDay < today) return 'Over';
  if (s.firstDay <= today) return 'Under way';
  return 'Upcoming';
}

/** The end of an id, for a table cell (the full id goes in a title). */
export function shortId(id: string): string {
  return id.slice(-8);
}

/**
 * A participant by arrival order and name (Enrollment.person, from certification); the short form
 * of the person id stands in when no name came back.
 */
export function participantLabel(index: number, personId: string, person?: { legalName: string; preferredName?: string | null } | null): string {
  return person ? `Participant ${index + 1}: ${displayName(person)}` : `Participant ${index + 1} (…${shortId(personId)})`;
}
