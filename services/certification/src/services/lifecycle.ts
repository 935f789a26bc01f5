// A certification's status on any date, derived from its dates and its events: the one function
// every screen, the registry, recertification and reminders use. Pure: no I/O, no clock.
import type { CertificationEventKind, CertificationStatus } from '@cpss/domain';
import { dates, type IsoDate } from '@cpss/server-kit';
import type { CertificationPolicy } from '../policy/certification-policy';

export interface LifecycleFacts {
  issuedOn: IsoDate;
  /** Last day of the certification month, term years after the last (re)certification. */
  dueOn: IsoDate;
  /** A suspension with an end date stops applying after that date (effectiveUntil, inclusive). */
  events: { kind: CertificationEventKind; effectiveOn: IsoDate; effectiveUntil?: IsoDate | null }[];
}

export interface StatusOnDate {
  status: CertificationStatus;
  /** Through when it is good, including the late window (null when ended by an event). */
  goodThrough: IsoDate | null;
  /** From when the reminder window (DUE) starts. */
  dueWindowFrom: IsoDate;
  /** When the status came from an event (suspension, revocation...), the day it took effect. */
  eventOn: IsoDate | null;
}

/** Last day of the late window: policy days after the end of the due month. */
export function lateWindowEnd(dueOn: IsoDate, policy: Pick<CertificationPolicy, 'lateWindowDays'>): IsoDate {
  return dates.addDays(dates.endOfMonth(dueOn), policy.lateWindowDays);
}

export function certificationStatusOn(facts: LifecycleFacts, on: IsoDate, policy: Pick<CertificationPolicy, 'lateWindowDays' | 'reminderOffsetsDays'>): StatusOnDate {
  const dueWindowFrom = dates.addDays(facts.dueOn, -Math.max(...policy.reminderOffsetsDays));
  const lateEnd = lateWindowEnd(facts.dueOn, policy);
  // The latest event in effect on the date decides, unless it was a reinstatement. A suspension
  // for a period (an ethics sanction) is in effect from its first to its last day only.
  const event = [...facts.events]
    .filter((e) => e.effectiveOn <= on && !(e.effectiveUntil && on > e.effectiveUntil))
    .sort((a, b) => dates.compare(a.effectiveOn, b.effectiveOn))
    .at(-1);
  if (event && event.kind !== 'REINSTATED') return { status: event.kind, goodThrough: null, dueWindowFrom, eventOn: event.effectiveOn };
  let status: CertificationStatus;
  if (on > lateEnd) status = 'LAPSED';
  else if (on > facts.dueOn) status = 'LATE';
  else if (on >= dueWindowFrom) status = 'DUE';
  else status = 'ACTIVE';
  return { status, goodThrough: lateEnd, dueWindowFrom, eventOn: null };
}

/** Due date of a term starting on `from`: the last day of the month, term years on. */
export function dueDateFrom(from: IsoDate, policy: Pick<CertificationPolicy, 'termYears'>): IsoDate {
  return dates.endOfMonth(dates.addYears(from, policy.termYears));
}
