// The work queues' rules of display, pure so they can be unit tested: when a complaint's
// acknowledgment is due, how far a renewal's hours have got, and
// which people with an open complaint teach a session soon.

/** The acknowledgment target's due date; the case's next due date when the clock is not listed. */
export function acknowledgmentDueOn(complaint: { nextDueOn?: string | null; clocks: readonly { step: string; dueOn: string }[] }): string | null {
  return complaint.clocks.find((c) => c.step === 'ACKNOWLEDGMENT')?.dueOn ?? complaint.nextDueOn ?? null;
}

/** Whether the acknowledgment is past its target (by the clock when listed, else by the case). */
export function acknowledgmentOverdue(complaint: { overdue: boolean; clocks: readonly { step: string; overdue: boolean }[] }): boolean {
  return complaint.clocks.find((c) => c.step === 'ACKNOWLEDGMENT')?.overdue ?? complaint.overdue;
}

export interface HoursProgress {
  done: number;
  required: number;
  /** Hours still to do (0 once met). */
  missing: number;
  met: boolean;
  /** 0 to 100, for a progress bar. */
  percent: number;
}

export function hoursProgress(done: number, required: number): HoursProgress {
  const missing = Math.max(0, required - done);
  const percent = required <= 0 ? 100 : Math.min(100, Math.round((done / required) * 100));
  return { done, required, missing, met: missing === 0, percent };
}

/** People with an open complaint who teach an upcoming session, by their first session soonest. */
export function teachingRespondents<P extends { trainerProfile?: { upcomingSessions: readonly { firstDay: string }[] } | null }>(people: readonly P[]): P[] {
  const first = (p: P) => p.trainerProfile!.upcomingSessions.reduce((min, s) => (s.firstDay < min ? s.firstDay : min), '9999-12-31');
  return people.filter((p) => (p.trainerProfile?.upcomingSessions.length ?? 0) > 0).sort((a, b) => first(a).localeCompare(first(b)));
}
