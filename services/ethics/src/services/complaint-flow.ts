// The case flow's order and its clocks, as pure functions of a complaint, its policy and today.
// Out-of-order steps name what is missing; clocks count North Carolina business days.
import { COMPLAINT_FLOW, type ComplaintStatus } from '@cpss/domain';
import { addBusinessDays, businessDaysBetween, failedPrecondition, type UnmetRule } from '@cpss/server-kit';
import type { Complaint } from '../entities/complaint';
import type { ComplaintClockStep } from '../entities/enums';
import type { EthicsPolicy } from '../policy/ethics-policy';

const STEP_NAMES: Record<ComplaintStatus, string> = {
  RECEIVED: 'receipt',
  ACKNOWLEDGED: 'acknowledgment',
  TRIAGED: 'triage',
  REFERRED_FOR_INVESTIGATION: 'referral for investigation',
  FINDINGS_RECORDED: 'findings',
  OUTCOME_DECIDED: 'an outcome',
  APPEALED: 'an appeal',
  APPEAL_DECIDED: 'the appeal decision',
  CLOSED: 'closing',
};

const rank = (s: ComplaintStatus) => COMPLAINT_FLOW.indexOf(s);

/** Steps after `current` up to and including `required` (referral skipped for a desk review). */
function stepsMissing(c: Pick<Complaint, 'status' | 'triageLevel'>, required: ComplaintStatus): ComplaintStatus[] {
  return COMPLAINT_FLOW.filter((s) => rank(s) > rank(c.status) && rank(s) <= rank(required))
    .filter((s) => !(s === 'REFERRED_FOR_INVESTIGATION' && c.triageLevel === 'DESK_REVIEW'))
    // An appeal is optional: it is only missing once one has been filed.
    .filter((s) => s !== 'APPEALED' && (s !== 'APPEAL_DECIDED' || c.status === 'APPEALED'));
}

/**
 * Refuses a step unless the case is at one of `from`. Before them: FAILED_PRECONDITION naming
 * every missing step (rule = the status it needs); past them: naming where the case already is.
 */
export function requireAt(c: Pick<Complaint, 'status' | 'triageLevel'>, action: string, from: ComplaintStatus[]): void {
  if (from.includes(c.status)) return;
  const ahead = from.filter((s) => rank(s) > rank(c.status));
  if (ahead.length) {
    const nearest = ahead.reduce((a, b) => (rank(a) < rank(b) ? a : b));
    const missing = stepsMissing(c, nearest);
    const unmet: UnmetRule[] = missing.map((s) => ({ rule: s, reason: `${STEP_NAMES[s]} has not been recorded` }));
    throw failedPrecondition(`${action} needs ${missing.map((s) => STEP_NAMES[s]).join(', then ')} first`, unmet);
  }
  throw failedPrecondition(`${action} is not possible: the case is already ${c.status}`, [{ rule: 'STATUS', reason: `the case is ${c.status}` }]);
}

export interface ClockView {
  step: ComplaintClockStep;
  /** TARGET: a step to finish by its due date; WINDOW: a period something may be done in. */
  kind: 'TARGET' | 'WINDOW';
  targetBusinessDays: number;
  startedOn: string;
  dueOn: string;
  completedOn: string | null;
  businessDaysElapsed: number;
  running: boolean;
  overdue: boolean;
}

function clock(step: ComplaintClockStep, kind: ClockView['kind'], days: number, startedOn: string, done: string | null | undefined, today: string): ClockView {
  const completedOn = done ?? null;
  const dueOn = addBusinessDays(startedOn, days);
  const running = completedOn === null && (kind === 'TARGET' || today <= dueOn);
  return {
    step,
    kind,
    targetBusinessDays: days,
    startedOn,
    dueOn,
    completedOn,
    businessDaysElapsed: businessDaysBetween(startedOn, completedOn ?? today),
    running,
    overdue: kind === 'TARGET' && (completedOn === null ? today > dueOn : completedOn > dueOn),
  };
}

/** The clocks started so far on a case, in flow order. A closed case stops its open targets. */
export function clocksOf(c: Complaint, policy: EthicsPolicy, today: string): ClockView[] {
  const stop = (done: string | null | undefined) => done ?? c.closedOn ?? null;
  const clocks = [clock('ACKNOWLEDGMENT', 'TARGET', policy.acknowledgmentTargetBusinessDays, c.receivedOn, stop(c.acknowledgedOn), today)];
  if (c.acknowledgedOn) clocks.push(clock('TRIAGE', 'TARGET', policy.triageTargetBusinessDays, c.acknowledgedOn, stop(c.triagedOn), today));
  if (c.respondentNotifiedOn) {
    clocks.push(clock('RESPONDENT_RESPONSE', 'TARGET', policy.respondentResponseBusinessDays, c.respondentNotifiedOn, stop(c.respondentRespondedOn ?? c.findingsOn), today));
  }
  if (c.referredOn) clocks.push(clock('INVESTIGATION', 'TARGET', policy.investigationTargetBusinessDays, c.referredOn, stop(c.findingsOn), today));
  if (c.outcomeNoticeOn) clocks.push(clock('APPEAL_WINDOW', 'WINDOW', policy.appealWindowBusinessDays, c.outcomeNoticeOn, c.appealedOn, today));
  return clocks;
}

/** Due date of the earliest target still running, or null (stored for the queue's filter). */
export function nextDueOn(c: Complaint, policy: EthicsPolicy, today: string): string | null {
  const due = clocksOf(c, policy, today)
    .filter((k) => k.kind === 'TARGET' && k.completedOn === null)
    .map((k) => k.dueOn)
    .sort();
  return due[0] ?? null;
}
