// The applicant's form as the screen holds it, and how it becomes saveApplicationDraft's input.
// Lists (training log, references) are sent whole: the API replaces the saved ones.
import type { ApplicantApplicationFieldsFragment, SaveApplicationDraftInput } from '../../gql/graphql';
import { readFileAsBase64 } from '../../files';

export const OPEN_STATUSES = ['DRAFT', 'SUBMITTED', 'INCOMPLETE', 'ON_HOLD', 'IN_REVIEW'] as const;
/** The applicant may still change these (saveApplicationDraft accepts them). */
export const EDITABLE_STATUSES = ['DRAFT', 'INCOMPLETE'] as const;

export const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);
export const isEditable = (status: string) => (EDITABLE_STATUSES as readonly string[]).includes(status);

export interface TrainingLogRow {
  key: string;
  topic: string;
  hours: number | string;
  completedOn: string;
  childFamily: boolean;
  ethics: boolean;
  militarySpecific: boolean;
  evidenceDocumentId: string | null;
  evidenceNote: string;
}

export interface ReferenceRow {
  key: string;
  name: string;
  relation: string;
  yearsKnown: number | string;
  knowsAboutRecovery: boolean;
  contact: string;
}

export interface DraftForm {
  consumerOfServices: boolean | null;
  /** Sensitive. */
  recoveryStartDate: string;
  /** Sensitive. */
  recoveryStatement: string;
  statementOwnWork: boolean;
  workHistory: string;
  educationProofKind: string | null;
  educationProofDocumentId: string | null;
  coreCourse: { title: string; completedOn: string; hours: number | string };
  trainingLog: TrainingLogRow[];
  references: ReferenceRow[];
  codeOfEthicsVersion: string | null;
}

let keys = 0;
export const newKey = () => `row-${++keys}`;

export function emptyTrainingRow(): TrainingLogRow {
  return { key: newKey(), topic: '', hours: '', completedOn: '', childFamily: false, ethics: false, militarySpecific: false, evidenceDocumentId: null, evidenceNote: '' };
}

export function emptyReference(): ReferenceRow {
  return { key: newKey(), name: '', relation: '', yearsKnown: '', knowsAboutRecovery: false, contact: '' };
}

export function formOf(app: ApplicantApplicationFieldsFragment): DraftForm {
  return {
    consumerOfServices: app.consumerOfServices ?? null,
    recoveryStartDate: app.recoveryStartDate ?? '',
    recoveryStatement: app.recoveryStatement ?? '',
    statementOwnWork: app.statementOwnWork,
    workHistory: app.workHistory ?? '',
    educationProofKind: app.educationProofKind ?? null,
    educationProofDocumentId: app.educationProofDocumentId ?? null,
    coreCourse: { title: app.coreCourse?.title ?? '', completedOn: app.coreCourse?.completedOn ?? '', hours: app.coreCourse?.hours ?? '' },
    trainingLog: app.trainingLog.map((e) => ({
      key: newKey(),
      topic: e.topic,
      hours: e.hours,
      completedOn: e.completedOn,
      childFamily: e.childFamily,
      ethics: e.ethics,
      militarySpecific: e.militarySpecific,
      evidenceDocumentId: e.evidenceDocumentId ?? null,
      evidenceNote: e.evidenceNote ?? '',
    })),
    references: app.references.map((r) => ({ key: newKey(), name: r.name, relation: r.relation, yearsKnown: r.yearsKnown, knowsAboutRecovery: r.knowsAboutRecovery, contact: r.contact ?? '' })),
    codeOfEthicsVersion: app.codeOfEthicsVersion ?? null,
  };
}

const num = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? 0 : Number(v));
const orNull = (s: string) => (s.trim() === '' ? null : s);

/**
 * The whole form as a draft save. The sensitive parts of a renewal are left out (a renewal asks
 * for no recovery statement); an untouched core course is sent as null rather than as blanks.
 */
export function draftInput(applicationId: string, expectedVersion: number, kind: string, form: DraftForm): SaveApplicationDraftInput {
  const core = form.coreCourse;
  const coreBlank = core.title.trim() === '' && core.completedOn === '' && String(core.hours).trim() === '';
  const input: SaveApplicationDraftInput = {
    applicationId,
    expectedVersion,
    consumerOfServices: form.consumerOfServices,
    workHistory: orNull(form.workHistory),
    trainingLog: form.trainingLog.map((e) => ({
      topic: e.topic,
      hours: num(e.hours),
      completedOn: e.completedOn,
      childFamily: e.childFamily,
      ethics: e.ethics,
      militarySpecific: e.militarySpecific,
      evidenceDocumentId: e.evidenceDocumentId,
      evidenceNote: orNull(e.evidenceNote),
    })),
    references: form.references.map((r) => ({ name: r.name, relation: r.relation, yearsKnown: num(r.yearsKnown), knowsAboutRecovery: r.knowsAboutRecovery, contact: orNull(r.contact) })),
    codeOfEthicsVersion: form.codeOfEthicsVersion,
  };
  if (kind === 'INITIAL') {
    input.recoveryStartDate = orNull(form.recoveryStartDate);
    input.recoveryStatement = orNull(form.recoveryStatement);
    input.statementOwnWork = form.statementOwnWork;
    input.educationProofKind = (form.educationProofKind as SaveApplicationDraftInput['educationProofKind']) ?? null;
    input.educationProofDocumentId = form.educationProofDocumentId;
    input.coreCourse = coreBlank ? null : { title: core.title, completedOn: core.completedOn, hours: num(core.hours) };
  }
  return input;
}

/** A policy version's numbers, read defensively (the API sends them as a JSON object). */
export interface PolicyNumbers {
  recoveryMonths?: number;
  coreHours?: number;
  coreValidYears?: number;
  additionalHours?: number;
  childFamilyMaxHours?: number;
  initialEthicsTrainingRequired?: boolean;
  recertificationHours?: number;
  recertificationEthicsHours?: number;
  applicationFeeCents?: number;
  recertificationFeeCents?: number;
  lateFeeCents?: number;
  lateWindowDays?: number;
  militaryGeneralHours?: number;
  militaryHours?: number;
}

const n = (v: unknown) => (typeof v === 'number' ? v : undefined);
const obj = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

export function policyNumbers(values: Record<string, unknown> | null | undefined): PolicyNumbers {
  const v = values ?? {};
  const core = obj(v['coreCourse']);
  const fees = obj(v['feesCents']);
  const military = obj(v['militaryUpkeep']);
  return {
    recoveryMonths: n(v['recoveryMonths']),
    coreHours: n(core['faceToFaceHours']),
    coreValidYears: n(core['certificateValidYears']),
    additionalHours: n(v['additionalHours']),
    childFamilyMaxHours: n(v['childFamilyMaxHours']),
    initialEthicsTrainingRequired: typeof v['initialEthicsTrainingRequired'] === 'boolean' ? v['initialEthicsTrainingRequired'] : undefined,
    recertificationHours: n(v['recertificationHours']),
    recertificationEthicsHours: n(v['recertificationEthicsHours']),
    applicationFeeCents: n(fees['application']),
    recertificationFeeCents: n(fees['recertification']),
    lateFeeCents: n(fees['late']),
    lateWindowDays: n(v['lateWindowDays']),
    militaryGeneralHours: n(military['generalHours']),
    militaryHours: n(military['militaryHours']),
  };
}

export const EDUCATION_PROOF_LABELS: Record<string, string> = {
  HIGH_SCHOOL_DIPLOMA: 'High school diploma',
  GED: 'GED',
  HISET: 'HiSET',
  DEGREE: 'College degree',
  OFFICIAL_TRANSCRIPT: 'Official transcript',
};

export const DOCUMENT_PURPOSE_LABELS: Record<string, string> = {
  EDUCATION_PROOF: 'Proof of education',
  TRAINING_CERTIFICATE: 'Training certificate',
  DESIGNATION_PROOF: 'Designation proof (DD-214 or Military ID)',
  OTHER: 'Other document',
};

export { formatBytes } from '../../files';

/** Reads a file as base64, reporting progress (0–100) as it goes. */
export const readAsBase64 = (file: File, onProgress: (percent: number) => void): Promise<string> => readFileAsBase64(file, (f) => onProgress(Math.round(f * 100)));
