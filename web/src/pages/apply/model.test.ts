import { describe, expect, it } from 'vitest';
import { draftInput, emptyReference, emptyTrainingRow, policyNumbers, type DraftForm } from './model';

const form = (patch: Partial<DraftForm> = {}): DraftForm => ({
  consumerOfServices: true,
  recoveryStartDate: '2020-01-15',
  recoveryStatement: 'My statement',
  statementOwnWork: true,
  workHistory: '  ',
  educationProofKind: 'GED',
  educationProofDocumentId: null,
  coreCourse: { title: '', completedOn: '', hours: '' },
  trainingLog: [{ ...emptyTrainingRow(), topic: 'WRAP', hours: '16', completedOn: '2025-11-14', ethics: false }],
  references: [{ ...emptyReference(), name: 'Renee', relation: 'Supervisor', yearsKnown: 4 }],
  codeOfEthicsVersion: '2019',
  ...patch,
});

describe('draftInput', () => {
  it('sends a first application whole, numbers as numbers, blanks as null', () => {
    const input = draftInput('app-1', 3, 'INITIAL', form());
    expect(input).toMatchObject({ applicationId: 'app-1', expectedVersion: 3, recoveryStartDate: '2020-01-15', recoveryStatement: 'My statement', workHistory: null, coreCourse: null, educationProofKind: 'GED' });
    expect(input.trainingLog).toEqual([{ topic: 'WRAP', hours: 16, completedOn: '2025-11-14', childFamily: false, ethics: false, militarySpecific: false, evidenceDocumentId: null, evidenceNote: null }]);
    expect(input.references?.[0]).toMatchObject({ name: 'Renee', yearsKnown: 4, contact: null });
  });

  it('sends a started core course even when incomplete, so the server can say what is wrong', () => {
    expect(draftInput('a', 1, 'INITIAL', form({ coreCourse: { title: 'Core', completedOn: '', hours: '' } })).coreCourse).toEqual({ title: 'Core', completedOn: '', hours: 0 });
  });

  it('leaves the sensitive parts and the first-application parts out of a renewal', () => {
    const input = draftInput('a', 1, 'RECERTIFICATION', form());
    for (const key of ['recoveryStartDate', 'recoveryStatement', 'statementOwnWork', 'educationProofKind', 'coreCourse']) expect(input).not.toHaveProperty(key);
    expect(input.consumerOfServices).toBe(true);
  });
});

describe('policyNumbers', () => {
  it('reads the policy values it needs and nothing breaks on a missing one', () => {
    expect(policyNumbers({ recertificationHours: 20, feesCents: { application: 2000, late: 2000 }, coreCourse: { faceToFaceHours: 40 } })).toMatchObject({
      recertificationHours: 20,
      applicationFeeCents: 2000,
      lateFeeCents: 2000,
      coreHours: 40,
      recertificationEthicsHours: undefined,
    });
    expect(policyNumbers(null)).toEqual(expect.objectContaining({ additionalHours: undefined }));
  });
});
