import { describe, expect, it } from 'vitest';
import { availableActions, type CaseState } from './caseFlow';

const base: CaseState = {
  status: 'RECEIVED',
  subjectKind: 'CPSS',
  triageLevel: null,
  respondentNotifiedOn: null,
  respondentRespondedOn: null,
  appealDeadline: null,
  respondent: null,
};
const at = (change: Partial<CaseState>) => ({ ...base, ...change });
const TODAY = '2026-11-23';

describe('availableActions', () => {
  it('offers only acknowledgment on a received case', () => {
    expect(availableActions(base, TODAY)).toEqual(['acknowledge']);
  });

  it('offers triage and the respondent notice once acknowledged, never findings or an outcome', () => {
    expect(availableActions(at({ status: 'ACKNOWLEDGED' }), TODAY)).toEqual(['triage', 'notify']);
  });

  it('has no respondent to notify on a complaint about the program', () => {
    expect(availableActions(at({ status: 'ACKNOWLEDGED', subjectKind: 'PROGRAM' }), TODAY)).toEqual(['triage']);
  });

  it('lets a desk review go to findings without a referral; an investigation needs the referral', () => {
    expect(availableActions(at({ status: 'TRIAGED', triageLevel: 'DESK_REVIEW' }), TODAY)).toEqual(['refer', 'notify', 'findings']);
    expect(availableActions(at({ status: 'TRIAGED', triageLevel: 'INVESTIGATION' }), TODAY)).toEqual(['refer', 'notify']);
    expect(availableActions(at({ status: 'REFERRED_FOR_INVESTIGATION', triageLevel: 'INVESTIGATION' }), TODAY)).toEqual(['notify', 'findings']);
  });

  it('asks for the response once notified, and cooperation only from a linked respondent', () => {
    const notified = at({ status: 'REFERRED_FOR_INVESTIGATION', triageLevel: 'INVESTIGATION', respondentNotifiedOn: '2026-11-20' });
    expect(availableActions(notified, TODAY)).toEqual(['response', 'findings']);
    expect(availableActions({ ...notified, respondent: { id: 'p1' } }, TODAY)).toEqual(['response', 'cooperation', 'findings']);
    expect(availableActions({ ...notified, respondentRespondedOn: '2026-11-21' }, TODAY)).toEqual(['findings']);
  });

  it('decides an outcome after findings; appeals only inside the window; closes after an outcome or appeal decision', () => {
    expect(availableActions(at({ status: 'FINDINGS_RECORDED' }), TODAY)).toEqual(['outcome']);
    expect(availableActions(at({ status: 'OUTCOME_DECIDED', appealDeadline: '2026-12-07' }), TODAY)).toEqual(['appeal', 'close']);
    expect(availableActions(at({ status: 'OUTCOME_DECIDED', appealDeadline: TODAY }), TODAY)).toEqual(['appeal', 'close']);
    expect(availableActions(at({ status: 'OUTCOME_DECIDED', appealDeadline: '2026-11-20' }), TODAY)).toEqual(['close']);
    expect(availableActions(at({ status: 'APPEALED' }), TODAY)).toEqual(['appealDecision']);
    expect(availableActions(at({ status: 'APPEAL_DECIDED' }), TODAY)).toEqual(['close']);
    expect(availableActions(at({ status: 'CLOSED' }), TODAY)).toEqual([]);
  });
});
