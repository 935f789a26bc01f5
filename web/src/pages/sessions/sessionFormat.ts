// Words and dates for the trainer's session screens. "Today" is North Carolina's date, the one the
// training service decides on (a day can be recorded once it has happened), not the browser's.
import type { EnrollmentStatus, SessionDelivery, TrainingSessionStatus } from '../../gql/graphql';

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

/**
 * The API gives a trainer only a participant's person id (no name a trainer may read), so a
 * participant is shown by arrival order and a short form of the id; the full id is in the title.
 */
export function shortId(id: string): string {
  return id.slice(-8);
}

export function participantLabel(index: number, personId: string): string {
  return `Participant ${index + 1} (…${shortId(personId)})`;
}
