import { describe, expect, it } from 'vitest';
import { acknowledgmentDueOn, acknowledgmentOverdue, hoursProgress, teachingRespondents } from './queueModel';

describe('work queues', () => {
  it("reads a complaint's acknowledgment due date from its clock, else the next due date", () => {
    const clocks = [
      { step: 'TRIAGE', dueOn: '2026-01-20', overdue: false },
      { step: 'ACKNOWLEDGMENT', dueOn: '2026-01-09', overdue: true },
    ];
    expect(acknowledgmentDueOn({ nextDueOn: '2026-01-20', clocks })).toBe('2026-01-09');
    expect(acknowledgmentDueOn({ nextDueOn: '2026-01-20', clocks: [] })).toBe('2026-01-20');
    expect(acknowledgmentDueOn({ nextDueOn: null, clocks: [] })).toBeNull();
    expect(acknowledgmentOverdue({ overdue: false, clocks })).toBe(true);
    expect(acknowledgmentOverdue({ overdue: true, clocks: [] })).toBe(true);
  });

  it('measures renewal hours against what the policy requires', () => {
    expect(hoursProgress(12, 20)).toEqual({ done: 12, required: 20, missing: 8, met: false, percent: 60 });
    expect(hoursProgress(25, 20)).toMatchObject({ missing: 0, met: true, percent: 100 });
    expect(hoursProgress(0, 0)).toMatchObject({ met: true, percent: 100 });
  });

  it('keeps the respondents who teach an upcoming session, soonest first', () => {
    const people = [
      { id: 'a', trainerProfile: null },
      { id: 'b', trainerProfile: { upcomingSessions: [] } },
      { id: 'c', trainerProfile: { upcomingSessions: [{ firstDay: '2026-03-02' }, { firstDay: '2026-02-10' }] } },
      { id: 'd', trainerProfile: { upcomingSessions: [{ firstDay: '2026-01-05' }] } },
    ];
    expect(teachingRespondents(people).map((p) => p.id)).toEqual(['d', 'c']);
  });
});
