// The eligibility engine at each rule's boundary (pure: no database).
import { describe, expect, it } from 'vitest';
import { NC_CERTIFICATION_POLICY, NC_CERTIFICATION_POLICY_2013 } from '../src/policy/certification-policy';
import type { TrainingCompletionFact } from '../src/services/cross-domain';
import { evaluateEligibility, trainingFactsUsed, type EligibilityFacts } from '../src/services/eligibility';
import { certificationStatusOn, dueDateFrom, lateWindowEnd } from '../src/services/lifecycle';

const policy = NC_CERTIFICATION_POLICY;

/** An applicant who meets every rule on 2026-11-23. */
function eligible(over: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return {
    kind: 'INITIAL',
    asOf: '2026-11-23',
    dateOfBirth: '1990-01-01',
    consumerOfServices: true,
    recoveryStartDate: '2020-01-01',
    educationProofKind: 'GED',
    coreCourse: { title: 'NC Peer Support Specialist Training', completedOn: '2026-01-10', hours: 40 },
    trainingLog: [
      { topic: 'WRAP Seminar I', hours: 14, completedOn: '2026-03-01', childFamily: false, ethics: false, militarySpecific: false },
      { topic: 'Ethics and Peer Support Boundaries', hours: 6, completedOn: '2026-04-01', childFamily: false, ethics: true, militarySpecific: false },
    ],
    trainingRecord: [],
    references: [
      { name: 'Pat', yearsKnown: 3, knowsAboutRecovery: false },
      { name: 'Sam', yearsKnown: 0.5, knowsAboutRecovery: true },
    ],
    codeOfEthicsVersion: '2019',
    recoveryStatementProvided: true,
    statementOwnWork: true,
    designationRequests: [],
    lastCertifiedOn: null,
    heldDesignations: [],
    certificationStatus: null,
    ...over,
  };
}

const item = (facts: EligibilityFacts, rule: string, p = policy) => evaluateEligibility(facts, p).find((c) => c.rule === rule)!;

describe('eligibility (initial)', () => {
  it('meets every rule for a complete applicant', () => {
    const list = evaluateEligibility(eligible(), policy);
    expect(list.filter((c) => !c.met)).toEqual([]);
    expect(list.map((c) => c.rule)).toEqual(['MINIMUM_AGE', 'CONSUMER_OF_SERVICES', 'RECOVERY_TIME', 'EDUCATION', 'CORE_COURSE', 'ADDITIONAL_HOURS', 'ETHICS_TRAINING', 'REFERENCES', 'CODE_OF_ETHICS', 'RECOVERY_STATEMENT']);
  });

  it('age: 17 years 364 days is refused, 18 years exactly is met', () => {
    const short = item(eligible({ dateOfBirth: '2008-11-24' }), 'MINIMUM_AGE');
    expect(short).toMatchObject({ met: false, evidence: { ageYears: 17 } });
    expect(item(eligible({ dateOfBirth: '2008-11-23' }), 'MINIMUM_AGE')).toMatchObject({ met: true, evidence: { ageYears: 18 } });
  });

  it('recovery: one day short of 18 months is refused, exactly 18 months is met', () => {
    expect(item(eligible({ recoveryStartDate: '2025-05-24' }), 'RECOVERY_TIME')).toMatchObject({ met: false, evidence: { months: 17, requiredMonths: 18 } });
    expect(item(eligible({ recoveryStartDate: '2025-05-23' }), 'RECOVERY_TIME')).toMatchObject({ met: true, evidence: { months: 18 } });
    // The older rule (12 months) judges the same facts differently.
    expect(item(eligible({ recoveryStartDate: '2025-11-23' }), 'RECOVERY_TIME', NC_CERTIFICATION_POLICY_2013)).toMatchObject({ met: true, evidence: { months: 12, requiredMonths: 12 } });
    // The recovery start date itself never appears in the evidence.
    expect(JSON.stringify(item(eligible({ recoveryStartDate: '2025-05-23' }), 'RECOVERY_TIME'))).not.toContain('2025-05-23');
  });

  it('core course: its certificate is usable through the second anniversary, not a day after', () => {
    expect(item(eligible({ coreCourse: { title: 'PSS', completedOn: '2024-11-23', hours: 40 } }), 'CORE_COURSE')).toMatchObject({ met: true, evidence: { usableThrough: '2026-11-23' } });
    expect(item(eligible({ coreCourse: { title: 'PSS', completedOn: '2024-11-22', hours: 40 } }), 'CORE_COURSE')).toMatchObject({ met: false, evidence: { usableThrough: '2026-11-22' } });
    expect(item(eligible({ coreCourse: { title: 'PSS', completedOn: '2026-01-10', hours: 39.5 } }), 'CORE_COURSE').met).toBe(false);
  });

  it('child/family hours: 8 count in full, a 9th does not', () => {
    const log = (childHours: number, otherHours: number) => [
      { topic: 'Family Partnership', hours: childHours, completedOn: '2026-02-01', childFamily: true, ethics: false, militarySpecific: false },
      { topic: 'Ethics and Peer Support Boundaries', hours: otherHours, completedOn: '2026-02-02', childFamily: false, ethics: true, militarySpecific: false },
    ];
    expect(item(eligible({ trainingLog: log(8, 12) }), 'ADDITIONAL_HOURS')).toMatchObject({ met: true, evidence: { countedHours: 20, childFamilyHours: 8 } });
    expect(item(eligible({ trainingLog: log(9, 11) }), 'ADDITIONAL_HOURS')).toMatchObject({ met: false, evidence: { countedHours: 19, childFamilyHours: 9 } });
  });

  it('ethics training is required among the additional hours under current rules only', () => {
    const noEthics = eligible({ trainingLog: [{ topic: 'WRAP', hours: 20, completedOn: '2026-02-01', childFamily: false, ethics: false, militarySpecific: false }] });
    expect(item(noEthics, 'ETHICS_TRAINING').met).toBe(false);
    expect(evaluateEligibility(noEthics, NC_CERTIFICATION_POLICY_2013).find((c) => c.rule === 'ETHICS_TRAINING')).toBeUndefined();
  });

  it('after a lapse, only hours completed after the last certification count', () => {
    expect(item(eligible({ lastCertifiedOn: '2026-03-15' }), 'ADDITIONAL_HOURS')).toMatchObject({ met: false, evidence: { countedHours: 6 } });
  });

  it('references: two, one known a year or more, one who knows about the recovery', () => {
    expect(item(eligible({ references: [{ name: 'A', yearsKnown: 0.9, knowsAboutRecovery: true }, { name: 'B', yearsKnown: 0.5, knowsAboutRecovery: false }] }), 'REFERENCES').met).toBe(false);
    expect(item(eligible({ references: [{ name: 'A', yearsKnown: 1, knowsAboutRecovery: true }] }), 'REFERENCES').met).toBe(false);
  });

  it('military designation: proof and 8 military-specific hours; not required for certification', () => {
    const withoutHours = item(eligible({ designationRequests: [{ designation: 'VETERAN_SERVICE_MEMBER', hasProof: true }] }), 'MILITARY_DESIGNATION');
    expect(withoutHours).toMatchObject({ met: false, required: false });
    const log = [...eligible().trainingLog, { topic: 'Veteran Peer Support', hours: 8, completedOn: '2026-05-01', childFamily: false, ethics: false, militarySpecific: true }];
    expect(item(eligible({ trainingLog: log, designationRequests: [{ designation: 'VETERAN_SERVICE_MEMBER', hasProof: true }] }), 'MILITARY_DESIGNATION').met).toBe(true);
  });
});

describe('eligibility (recertification)', () => {
  const renewal = (over: Partial<EligibilityFacts> = {}) =>
    eligible({
      kind: 'RECERTIFICATION',
      lastCertifiedOn: '2024-12-01',
      certificationStatus: 'DUE',
      trainingLog: [
        { topic: 'Crisis Prevention', hours: 17, completedOn: '2025-06-01', childFamily: false, ethics: false, militarySpecific: false },
        { topic: 'Ethics and Peer Support Boundaries', hours: 3, completedOn: '2025-07-01', childFamily: false, ethics: true, militarySpecific: false },
      ],
      ...over,
    });

  it('needs hours since the last certification, ethics hours and two references', () => {
    expect(evaluateEligibility(renewal(), policy).filter((c) => !c.met)).toEqual([]);
    const early = renewal({ lastCertifiedOn: '2025-06-15' });
    expect(item(early, 'RECERTIFICATION_HOURS')).toMatchObject({ met: false, evidence: { hours: 3 } });
    const lessEthics = renewal({ trainingLog: [{ topic: 'Ethics', hours: 2.5, completedOn: '2025-07-01', childFamily: false, ethics: true, militarySpecific: false }, { topic: 'X', hours: 18, completedOn: '2025-07-02', childFamily: false, ethics: false, militarySpecific: false }] });
    expect(item(lessEthics, 'RECERTIFICATION_ETHICS_HOURS').met).toBe(false);
  });

  it('a lapsed certification cannot be renewed: apply as new', () => {
    expect(item(renewal({ certificationStatus: 'LAPSED' }), 'CERTIFICATION_RENEWABLE')).toMatchObject({ met: false, why: expect.stringContaining('apply again as a new applicant') });
  });

  it('military upkeep: 12 general + 8 military-specific hours keep the designation', () => {
    const r = renewal({ heldDesignations: ['VETERAN_SERVICE_MEMBER'] });
    expect(item(r, 'MILITARY_UPKEEP')).toMatchObject({ met: false, required: false });
    const kept = renewal({ heldDesignations: ['VETERAN_SERVICE_MEMBER'], trainingLog: [{ topic: 'General', hours: 12, completedOn: '2025-02-01', childFamily: false, ethics: true, militarySpecific: false }, { topic: 'Military', hours: 8, completedOn: '2025-03-01', childFamily: false, ethics: false, militarySpecific: true }] });
    expect(item(kept, 'MILITARY_UPKEEP').met).toBe(true);
  });
});

describe('eligibility from the training record', () => {
  const completion = (over: Partial<TrainingCompletionFact>): TrainingCompletionFact => ({
    courseTitle: 'WRAP Seminar I',
    kind: 'ELECTIVE',
    hours: 14,
    completedOn: '2026-03-01',
    childAndFamily: false,
    countsTowardCertification: true,
    source: 'SESSION',
    ...over,
  });
  const CORE = completion({ courseTitle: 'NC Peer Support Specialist Training (2024 curriculum)', kind: 'CORE_PSS', hours: 40, completedOn: '2026-02-10' });

  it('the core course is the latest counting CORE_PSS completion on the record (approved on its completion date), not the one entered', () => {
    const older = completion({ ...CORE, completedOn: '2025-01-05' });
    const later = completion({ ...CORE, completedOn: '2026-12-01' });
    const core = item(eligible({ trainingRecord: [older, CORE, later] }), 'CORE_COURSE');
    expect(core).toMatchObject({ met: true, evidence: { title: CORE.courseTitle, completedOn: '2026-02-10', source: 'TRAINING_RECORD', approvedOnCompletion: true } });
    expect(core.why).toContain('on the training record, approved on its completion date');
    // Nothing on the record: the applicant's entry, as before.
    expect(item(eligible(), 'CORE_COURSE')).toMatchObject({ met: true, evidence: { completedOn: '2026-01-10', source: 'APPLICANT', approvedOnCompletion: null } });
  });

  it('a record with only non-counting core courses says so; the same course entered by hand does not count either', () => {
    const expired = completion({ ...CORE, completedOn: '2026-01-10', countsTowardCertification: false });
    const same = item(eligible({ trainingRecord: [expired] }), 'CORE_COURSE');
    expect(same).toMatchObject({ met: false, evidence: { source: 'APPLICANT', approvedOnCompletion: false, recordCompletionsNotCounting: [{ title: CORE.courseTitle, completedOn: '2026-01-10' }] } });
    expect(same.why).toContain('does not count toward certification: the course was not approved on its completion date');
    const other = item(eligible({ trainingRecord: [{ ...expired, completedOn: '2025-12-01' }] }), 'CORE_COURSE');
    expect(other).toMatchObject({ met: true, evidence: { source: 'APPLICANT', completedOn: '2026-01-10' } });
    expect(other.why).toContain("the training record's NC Peer Support Specialist Training (2024 curriculum) (completed 2025-12-01) does not count");
    const none = item(eligible({ coreCourse: null, trainingRecord: [expired] }), 'CORE_COURSE');
    expect(none).toMatchObject({ met: false, why: expect.stringContaining('was not approved on its completion date') });
  });

  it('hours: counting record completions plus the log, a log entry already on the record counted once', () => {
    const record = [CORE, completion({}), completion({ courseTitle: 'Ethics and Peer Support Boundaries', kind: 'ETHICS_AND_BOUNDARIES', hours: 3, completedOn: '2026-04-02' }), completion({ courseTitle: 'Expired elective', hours: 10, completedOn: '2026-05-01', countsTowardCertification: false })];
    const trainingLog = [
      // The same WRAP seminar as on the record (same date and hours): not counted twice.
      { topic: 'WRAP Seminar I', hours: 14, completedOn: '2026-03-01', childFamily: false, ethics: false, militarySpecific: false },
      { topic: 'Out-of-state peer workshop', hours: 4, completedOn: '2026-06-01', childFamily: false, ethics: false, militarySpecific: false },
    ];
    const facts = eligible({ trainingRecord: record, trainingLog });
    const hours = item(facts, 'ADDITIONAL_HOURS');
    expect(hours).toMatchObject({ met: true, evidence: { countedHours: 21, trainingRecordHours: 17, trainingLogHours: 4, logEntriesAlsoOnRecord: 1 } });
    expect(hours.why).toBe("21 of 20 additional hours (17 from the training record, 4 from the applicant's log; 1 log entry already on the record not counted twice)");
    expect(item(facts, 'ETHICS_TRAINING')).toMatchObject({ met: true, evidence: { ethicsHours: 3, trainingRecordEthicsHours: 3 } });
    expect(trainingFactsUsed(facts)).toEqual({
      trainingHoursByKind: { CORE_PSS: 40, ELECTIVE: 14, ETHICS_AND_BOUNDARIES: 3 },
      applicantLogHours: 4,
      coreCourse: { title: CORE.courseTitle, completedOn: '2026-02-10', hours: 40, source: 'TRAINING_RECORD', approvedOnCompletion: true },
    });
  });

  it('child and family hours on the record are capped like the log', () => {
    const record = [completion({ courseTitle: 'Family Partnership', hours: 10, childAndFamily: true }), completion({ courseTitle: 'Ethics and Peer Support Boundaries', kind: 'ETHICS_AND_BOUNDARIES', hours: 11, completedOn: '2026-04-02' })];
    expect(item(eligible({ trainingRecord: record, trainingLog: [] }), 'ADDITIONAL_HOURS')).toMatchObject({ met: false, evidence: { countedHours: 19, childFamilyHours: 10, trainingRecordHours: 21 } });
  });

  it('recertification counts record hours after the last certification, ethics by course kind', () => {
    const record = [completion({ courseTitle: 'NC PSS', kind: 'CORE_PSS', hours: 40, completedOn: '2022-01-01' }), completion({ courseTitle: 'Crisis Prevention', hours: 17, completedOn: '2025-06-01' }), completion({ courseTitle: 'Ethics refresher', kind: 'ETHICS_AND_BOUNDARIES', hours: 3, completedOn: '2025-07-01' }), completion({ courseTitle: 'Before', hours: 30, completedOn: '2024-11-30' })];
    const facts = eligible({ kind: 'RECERTIFICATION', lastCertifiedOn: '2024-12-01', certificationStatus: 'DUE', trainingLog: [], trainingRecord: record });
    expect(item(facts, 'RECERTIFICATION_HOURS')).toMatchObject({ met: true, evidence: { hours: 20, trainingRecordHours: 20 } });
    expect(item(facts, 'RECERTIFICATION_ETHICS_HOURS')).toMatchObject({ met: true, why: '3 of 3 Ethics and Peer Support Boundaries hours (3 from the training record)' });
    expect(trainingFactsUsed(facts)).toEqual({ trainingHoursByKind: { ELECTIVE: 17, ETHICS_AND_BOUNDARIES: 3 }, applicantLogHours: 0, coreCourse: null });
  });
});

describe('certification lifecycle', () => {
  const cert = { issuedOn: '2024-11-20', dueOn: dueDateFrom('2024-11-20', policy), events: [] };

  it('falls due on the last day of the month two years on', () => {
    expect(cert.dueOn).toBe('2026-11-30');
    expect(dueDateFrom('2024-02-29', policy)).toBe('2026-02-28');
  });

  it('is active, then due inside the reminder window, then late, then lapsed', () => {
    // 90 days (the first reminder) before the due date opens the window.
    expect(certificationStatusOn(cert, '2026-08-31', policy).status).toBe('ACTIVE');
    expect(certificationStatusOn(cert, '2026-09-01', policy)).toMatchObject({ status: 'DUE', dueWindowFrom: '2026-09-01' });
    expect(certificationStatusOn(cert, '2026-11-30', policy).status).toBe('DUE');
    expect(certificationStatusOn(cert, '2026-12-01', policy).status).toBe('LATE');
  });

  it('the last day of the late window is late; the day after is lapsed', () => {
    expect(lateWindowEnd(cert.dueOn, policy)).toBe('2026-12-30');
    expect(certificationStatusOn(cert, '2026-12-30', policy)).toMatchObject({ status: 'LATE', goodThrough: '2026-12-30' });
    expect(certificationStatusOn(cert, '2026-12-31', policy).status).toBe('LAPSED');
  });

  it('suspension, reinstatement and revocation take effect by event', () => {
    const events = [
      { kind: 'SUSPENDED' as const, effectiveOn: '2025-03-01' },
      { kind: 'REINSTATED' as const, effectiveOn: '2025-06-01' },
      { kind: 'REVOKED' as const, effectiveOn: '2025-09-01' },
    ];
    expect(certificationStatusOn({ ...cert, events }, '2025-02-28', policy).status).toBe('ACTIVE');
    expect(certificationStatusOn({ ...cert, events }, '2025-03-01', policy)).toMatchObject({ status: 'SUSPENDED', goodThrough: null });
    expect(certificationStatusOn({ ...cert, events }, '2025-06-01', policy).status).toBe('ACTIVE');
    expect(certificationStatusOn({ ...cert, events }, '2025-09-01', policy).status).toBe('REVOKED');
  });

  it('a suspension for a period applies through its last day only; an overlapping one keeps it suspended', () => {
    const events = [
      { kind: 'SUSPENDED' as const, effectiveOn: '2025-03-01', effectiveUntil: '2025-05-31' },
      { kind: 'SUSPENDED' as const, effectiveOn: '2025-04-01', effectiveUntil: '2025-04-30' },
    ];
    expect(certificationStatusOn({ ...cert, events }, '2025-04-30', policy)).toMatchObject({ status: 'SUSPENDED', eventOn: '2025-04-01' });
    expect(certificationStatusOn({ ...cert, events }, '2025-05-31', policy)).toMatchObject({ status: 'SUSPENDED', eventOn: '2025-03-01' });
    expect(certificationStatusOn({ ...cert, events }, '2025-06-01', policy)).toMatchObject({ status: 'ACTIVE', eventOn: null });
  });
});
