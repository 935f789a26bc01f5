// The eligibility engine: every rule of DOMAIN.md "Certification (initial)" and of recertification,
// evaluated against the policy values of the case, as a checklist (rule, met, why, evidence).
// Pure: no I/O, no clock; the caller supplies the facts, the policy and the date judged on.
// Training facts come from two places: the training record (training's completions, taken with
// the application as a snapshot) and the applicant's own training log (training done elsewhere,
// with certificates). A log entry that is the same training as a record completion (same date and
// hours) is dropped, so nothing counts twice.
import {
  CourseKind,
  MILITARY_DESIGNATION_INITIAL_HOURS,
  MILITARY_DESIGNATIONS,
  MINIMUM_APPLICANT_AGE_YEARS,
  REFERENCE_MIN_YEARS_KNOWN,
  REFERENCES_REQUIRED,
  type ApplicationKind,
  type CertificationStatus,
  type DesignationKind,
  type EligibilityRule,
} from '@cpss/domain';
import { dates, type IsoDate } from '@cpss/server-kit';
import type { CertificationPolicy } from '../policy/certification-policy';
import type { TrainingCompletionFact } from './cross-domain';

export interface TrainingLogFact {
  hours: number;
  topic: string;
  completedOn: IsoDate;
  childFamily: boolean;
  ethics: boolean;
  militarySpecific: boolean;
}

export interface ReferenceFact {
  name: string;
  yearsKnown: number;
  knowsAboutRecovery: boolean;
}

export interface EligibilityFacts {
  kind: ApplicationKind;
  /** The day the case is judged on: its submission date (today for a draft). */
  asOf: IsoDate;
  dateOfBirth: IsoDate;
  consumerOfServices: boolean | null;
  /** Sensitive: used here, never copied into the evidence. */
  recoveryStartDate: IsoDate | null;
  educationProofKind: string | null;
  /** The core course the applicant entered (used when the training record has none that counts). */
  coreCourse: { title: string; completedOn: IsoDate; hours: number } | null;
  /** The applicant's own log: training done elsewhere, with certificates. */
  trainingLog: TrainingLogFact[];
  /** The person's training record, from training (empty when not known). */
  trainingRecord: TrainingCompletionFact[];
  references: ReferenceFact[];
  codeOfEthicsVersion: string | null;
  recoveryStatementProvided: boolean;
  statementOwnWork: boolean;
  designationRequests: { designation: DesignationKind; hasProof: boolean }[];
  /**
   * Initial: the last (re)certification date of an earlier, lapsed certification (hours must
   * postdate it). Recertification: the last (re)certification of the certification renewed.
   */
  lastCertifiedOn: IsoDate | null;
  /** Recertification: the designations held (their upkeep is checked) and the status on asOf. */
  heldDesignations: DesignationKind[];
  certificationStatus: CertificationStatus | null;
}

export interface ChecklistItem {
  rule: EligibilityRule;
  met: boolean;
  /** Approval needs every required item met; the others decide only a designation. */
  required: boolean;
  why: string;
  evidence: Record<string, unknown>;
}

const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;

/** The last day a core course certificate may be used: its completion date plus the policy's years. */
export function coreCourseUsableThrough(completedOn: IsoDate, policy: CertificationPolicy): IsoDate {
  return dates.addYears(completedOn, policy.coreCourse.certificateValidYears);
}

/** An hour-bearing line the rules count, from the training record or the applicant's log. */
interface HoursEntry extends TrainingLogFact {
  fromRecord: boolean;
}

const CORE_KIND = CourseKind.CorePss;
const ETHICS_KIND = CourseKind.EthicsAndBoundaries;
const sameTraining = (a: { completedOn: IsoDate; hours: number }, b: { completedOn: IsoDate; hours: number }) => a.completedOn === b.completedOn && a.hours === b.hours;

/**
 * Additional (or recertification) training: the record's completions that count toward
 * certification, other than the core course, plus the applicant's log entries that are not the
 * same training as a record completion.
 */
function hoursEntries(facts: EligibilityFacts): { entries: HoursEntry[]; duplicatesDropped: number } {
  const logKept = facts.trainingLog.filter((l) => !facts.trainingRecord.some((c) => sameTraining(l, c)));
  const fromRecord = facts.trainingRecord
    .filter((c) => c.kind !== CORE_KIND && c.countsTowardCertification)
    .map((c) => ({
      hours: c.hours,
      topic: c.courseTitle,
      completedOn: c.completedOn,
      childFamily: c.childAndFamily,
      ethics: c.kind === ETHICS_KIND,
      // The record has no military flag: the applicant's matching log line may say so.
      militarySpecific: facts.trainingLog.some((l) => l.militarySpecific && sameTraining(l, c)),
      fromRecord: true,
    }));
  return { entries: [...fromRecord, ...logKept.map((l) => ({ ...l, fromRecord: false }))], duplicatesDropped: facts.trainingLog.length - logKept.length };
}

/** Training counts when completed on or before the day judged, and after the last certification. */
function inWindow(facts: EligibilityFacts, completedOn: IsoDate): boolean {
  return completedOn <= facts.asOf && (!facts.lastCertifiedOn || completedOn > facts.lastCertifiedOn);
}

function countedEntries(facts: EligibilityFacts): HoursEntry[] {
  return hoursEntries(facts).entries.filter((e) => inWindow(facts, e.completedOn));
}

/** Where each counted hour came from, for the evidence. */
function hoursSources(facts: EligibilityFacts, counted: HoursEntry[]) {
  return {
    trainingRecordHours: sum(counted.filter((e) => e.fromRecord).map((e) => e.hours)),
    trainingLogHours: sum(counted.filter((e) => !e.fromRecord).map((e) => e.hours)),
    logEntriesAlsoOnRecord: hoursEntries(facts).duplicatesDropped,
  };
}

function sourcesText(sources: ReturnType<typeof hoursSources>): string {
  if (!sources.trainingRecordHours && !sources.logEntriesAlsoOnRecord) return '';
  return (
    ` (${sources.trainingRecordHours} from the training record, ${sources.trainingLogHours} from the applicant's log` +
    (sources.logEntriesAlsoOnRecord ? `; ${sources.logEntriesAlsoOnRecord} log ${sources.logEntriesAlsoOnRecord === 1 ? 'entry' : 'entries'} already on the record not counted twice` : '') +
    ')'
  );
}

export interface CoreCourseUsed {
  title: string;
  completedOn: IsoDate;
  hours: number;
  source: 'TRAINING_RECORD' | 'APPLICANT';
  /** From the record: the course was approved on its completion date. Entered by the applicant: not known (null), or false when the record shows it was not. */
  approvedOnCompletion: boolean | null;
}

/**
 * The core course judged: the latest CORE_PSS completion on the training record that counts
 * toward certification (on or before the day judged when there is one); otherwise the course the
 * applicant entered. Also the record's CORE_PSS completions that do not count.
 */
export function coreCourseOf(facts: EligibilityFacts): { course: CoreCourseUsed | null; notCounting: TrainingCompletionFact[] } {
  const core = facts.trainingRecord.filter((c) => c.kind === CORE_KIND);
  const counting = core.filter((c) => c.countsTowardCertification).sort((a, b) => dates.compare(b.completedOn, a.completedOn));
  const notCounting = core.filter((c) => !c.countsTowardCertification);
  const chosen = counting.find((c) => c.completedOn <= facts.asOf) ?? counting[0];
  if (chosen) return { course: { title: chosen.courseTitle, completedOn: chosen.completedOn, hours: chosen.hours, source: 'TRAINING_RECORD', approvedOnCompletion: true }, notCounting };
  const entered = facts.coreCourse;
  if (!entered) return { course: null, notCounting };
  const refusedOnRecord = notCounting.some((c) => sameTraining(entered, c));
  return { course: { ...entered, source: 'APPLICANT', approvedOnCompletion: refusedOnRecord ? false : null }, notCounting };
}

/** The training facts a decision used, for the decision's timeline entry: record hours by kind (the core course under CORE_PSS), the applicant's own log hours, and the core course. */
export function trainingFactsUsed(facts: EligibilityFacts): { trainingHoursByKind: Record<string, number>; applicantLogHours: number; coreCourse: CoreCourseUsed | null } {
  // A renewal is not judged on the core course.
  const course = facts.kind === 'INITIAL' ? coreCourseOf(facts).course : null;
  const trainingHoursByKind: Record<string, number> = {};
  if (course?.source === 'TRAINING_RECORD') trainingHoursByKind[CORE_KIND] = course.hours;
  const counted = countedEntries(facts);
  for (const c of facts.trainingRecord) {
    if (c.kind === CORE_KIND || !c.countsTowardCertification || !inWindow(facts, c.completedOn)) continue;
    trainingHoursByKind[c.kind] = sum([trainingHoursByKind[c.kind] ?? 0, c.hours]);
  }
  return { trainingHoursByKind, applicantLogHours: sum(counted.filter((e) => !e.fromRecord).map((e) => e.hours)), coreCourse: course };
}

export function evaluateEligibility(facts: EligibilityFacts, policy: CertificationPolicy): ChecklistItem[] {
  return facts.kind === 'RECERTIFICATION' ? recertificationChecklist(facts, policy) : initialChecklist(facts, policy);
}

function initialChecklist(facts: EligibilityFacts, policy: CertificationPolicy): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const age = dates.yearsBetween(facts.dateOfBirth, facts.asOf);
  items.push({
    rule: 'MINIMUM_AGE',
    required: true,
    met: age >= MINIMUM_APPLICANT_AGE_YEARS,
    why: age >= MINIMUM_APPLICANT_AGE_YEARS ? `${age} years old on ${facts.asOf}` : `${age} years old on ${facts.asOf}; must be ${MINIMUM_APPLICANT_AGE_YEARS} or older`,
    evidence: { ageYears: age, minimumYears: MINIMUM_APPLICANT_AGE_YEARS, on: facts.asOf },
  });

  items.push({
    rule: 'CONSUMER_OF_SERVICES',
    required: true,
    met: facts.consumerOfServices === true,
    why: facts.consumerOfServices === true ? 'attests being a current or former consumer of services' : 'attestation of being a current or former consumer of services is missing',
    evidence: { attested: facts.consumerOfServices === true },
  });

  if (!facts.recoveryStartDate) {
    items.push({ rule: 'RECOVERY_TIME', required: true, met: false, why: 'recovery start date not given', evidence: { requiredMonths: policy.recoveryMonths } });
  } else {
    const months = dates.monthsBetween(facts.recoveryStartDate, facts.asOf);
    const met = months >= policy.recoveryMonths;
    items.push({
      rule: 'RECOVERY_TIME',
      required: true,
      met,
      why: met ? `${months} months in recovery (${policy.recoveryMonths} required)` : `${months} months in recovery; ${policy.recoveryMonths} required`,
      evidence: { months, requiredMonths: policy.recoveryMonths },
    });
  }

  items.push({
    rule: 'EDUCATION',
    required: true,
    met: facts.educationProofKind !== null,
    why: facts.educationProofKind ? `proof of education: ${facts.educationProofKind}` : 'proof of a high school diploma or equivalent is missing',
    evidence: { proofKind: facts.educationProofKind },
  });

  const { course: core, notCounting } = coreCourseOf(facts);
  const notCountingText = notCounting.length
    ? `the training record's ${notCounting.map((c) => `${c.courseTitle} (completed ${c.completedOn})`).join(', ')} does not count toward certification: the course was not approved on its completion date`
    : '';
  const recordNotCounting = notCounting.map((c) => ({ title: c.courseTitle, completedOn: c.completedOn }));
  if (!core) {
    items.push({
      rule: 'CORE_COURSE',
      required: true,
      met: false,
      why: notCountingText || 'no core Peer Support Specialist course completion given',
      evidence: { requiredHours: policy.coreCourse.faceToFaceHours, recordCompletionsNotCounting: recordNotCounting },
    });
  } else {
    const through = coreCourseUsableThrough(core.completedOn, policy);
    const hoursOk = core.hours >= policy.coreCourse.faceToFaceHours;
    const doneOk = core.completedOn <= facts.asOf;
    const windowOk = facts.asOf <= through;
    const approvedOk = core.approvedOnCompletion !== false;
    const from = core.source === 'TRAINING_RECORD' ? 'on the training record, approved on its completion date' : 'as entered by the applicant';
    const why = !approvedOk
      ? notCountingText
      : !doneOk
        ? `completion date ${core.completedOn} is after ${facts.asOf}`
        : !hoursOk
          ? `${core.hours} hours; at least ${policy.coreCourse.faceToFaceHours} face-to-face required`
          : !windowOk
            ? `certificate of ${core.completedOn} could be used only through ${through}`
            : `${core.title}: ${core.hours} hours completed ${core.completedOn}, usable through ${through} (${from})` + (notCountingText ? `; ${notCountingText}` : '');
    items.push({
      rule: 'CORE_COURSE',
      required: true,
      met: hoursOk && doneOk && windowOk && approvedOk,
      why,
      evidence: {
        title: core.title,
        completedOn: core.completedOn,
        hours: core.hours,
        requiredHours: policy.coreCourse.faceToFaceHours,
        usableThrough: through,
        source: core.source,
        approvedOnCompletion: core.approvedOnCompletion,
        recordCompletionsNotCounting: recordNotCounting,
      },
    });
  }

  const counted = countedEntries(facts);
  const childFamily = sum(counted.filter((e) => e.childFamily).map((e) => e.hours));
  const other = sum(counted.filter((e) => !e.childFamily).map((e) => e.hours));
  const childCounted = Math.min(childFamily, policy.childFamilyMaxHours);
  const total = sum([other, childCounted]);
  const hoursMet = total >= policy.additionalHours;
  const sources = hoursSources(facts, counted);
  items.push({
    rule: 'ADDITIONAL_HOURS',
    required: true,
    met: hoursMet,
    why:
      `${total} of ${policy.additionalHours} additional hours` +
      (childFamily > policy.childFamilyMaxHours ? ` (${childFamily} about children and families, of which only ${policy.childFamilyMaxHours} count)` : '') +
      (facts.lastCertifiedOn ? ` completed after the last certification on ${facts.lastCertifiedOn}` : '') +
      sourcesText(sources),
    evidence: { countedHours: total, requiredHours: policy.additionalHours, childFamilyHours: childFamily, childFamilyMaxHours: policy.childFamilyMaxHours, otherHours: other, entries: counted.length, after: facts.lastCertifiedOn, ...sources },
  });

  if (policy.initialEthicsTrainingRequired) {
    const ethics = counted.filter((e) => e.ethics);
    items.push({
      rule: 'ETHICS_TRAINING',
      required: true,
      met: ethics.length > 0,
      why: ethics.length > 0 ? `Ethics and Peer Support Boundaries training among the additional hours (${ethics.map((e) => e.topic).join(', ')})` : 'Ethics and Peer Support Boundaries training is required among the additional hours',
      evidence: { ethicsHours: sum(ethics.map((e) => e.hours)), trainingRecordEthicsHours: sum(ethics.filter((e) => e.fromRecord).map((e) => e.hours)) },
    });
  }

  items.push(referencesItem(facts, true));

  items.push({
    rule: 'CODE_OF_ETHICS',
    required: true,
    met: facts.codeOfEthicsVersion !== null,
    why: facts.codeOfEthicsVersion ? `signed the Code of Ethics (version ${facts.codeOfEthicsVersion})` : 'signed Code of Ethics acknowledgment is missing',
    evidence: { codeVersion: facts.codeOfEthicsVersion },
  });

  const statementOk = facts.recoveryStatementProvided && facts.statementOwnWork;
  items.push({
    rule: 'RECOVERY_STATEMENT',
    required: true,
    met: statementOk,
    why: !facts.recoveryStatementProvided ? 'recovery statement is missing' : !facts.statementOwnWork ? 'the applicant has not attested the statement is their own' : 'recovery statement given and attested as the applicant\'s own',
    evidence: { provided: facts.recoveryStatementProvided, attestedOwnWork: facts.statementOwnWork },
  });

  const military = facts.designationRequests.find((d) => MILITARY_DESIGNATIONS.includes(d.designation));
  if (military) {
    const hours = sum(counted.filter((e) => e.militarySpecific).map((e) => e.hours));
    const met = military.hasProof && hours >= MILITARY_DESIGNATION_INITIAL_HOURS;
    items.push({
      rule: 'MILITARY_DESIGNATION',
      required: false,
      met,
      why: !military.hasProof ? 'military designation requested without proof (DD-214 or Military ID)' : `${hours} of ${MILITARY_DESIGNATION_INITIAL_HOURS} military-specific hours`,
      evidence: { designation: military.designation, proof: military.hasProof, militaryHours: hours, requiredHours: MILITARY_DESIGNATION_INITIAL_HOURS },
    });
  }
  return items;
}

function referencesItem(facts: EligibilityFacts, initial: boolean): ChecklistItem {
  const refs = facts.references;
  const enough = refs.length >= REFERENCES_REQUIRED;
  const knownLong = refs.some((r) => r.yearsKnown >= REFERENCE_MIN_YEARS_KNOWN);
  const knowsRecovery = refs.some((r) => r.knowsAboutRecovery);
  const met = enough && (!initial || (knownLong && knowsRecovery));
  const gaps = [
    !enough ? `${refs.length} of ${REFERENCES_REQUIRED} Personal Reference Forms` : null,
    initial && !knownLong ? `no referee has known the applicant ${REFERENCE_MIN_YEARS_KNOWN} year or more` : null,
    initial && !knowsRecovery ? 'no referee knows about their recovery' : null,
  ].filter(Boolean);
  return {
    rule: 'REFERENCES',
    required: true,
    met,
    why: met ? `${refs.length} Personal Reference Forms` : gaps.join('; '),
    evidence: { count: refs.length, required: REFERENCES_REQUIRED, knownAtLeastOneYear: knownLong, knowsAboutRecovery: knowsRecovery },
  };
}

function recertificationChecklist(facts: EligibilityFacts, policy: CertificationPolicy): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  // Renewal opens with the reminder window (DUE) and closes with the late window.
  const renewable = facts.certificationStatus === 'DUE' || facts.certificationStatus === 'LATE';
  items.push({
    rule: 'CERTIFICATION_RENEWABLE',
    required: true,
    met: renewable,
    why: renewable
      ? `certification is ${facts.certificationStatus} on ${facts.asOf}`
      : facts.certificationStatus === 'LAPSED'
        ? 'the certification has lapsed: apply again as a new applicant'
        : `a ${facts.certificationStatus ?? 'missing'} certification cannot be renewed`,
    evidence: { status: facts.certificationStatus, on: facts.asOf },
  });
  const counted = countedEntries(facts);
  const total = sum(counted.map((e) => e.hours));
  const sources = hoursSources(facts, counted);
  items.push({
    rule: 'RECERTIFICATION_HOURS',
    required: true,
    met: total >= policy.recertificationHours,
    why: `${total} of ${policy.recertificationHours} hours since ${facts.lastCertifiedOn ?? 'the last certification'}${sourcesText(sources)}`,
    evidence: { hours: total, requiredHours: policy.recertificationHours, after: facts.lastCertifiedOn, ...sources },
  });
  const ethics = sum(counted.filter((e) => e.ethics).map((e) => e.hours));
  const recordEthics = sum(counted.filter((e) => e.ethics && e.fromRecord).map((e) => e.hours));
  items.push({
    rule: 'RECERTIFICATION_ETHICS_HOURS',
    required: true,
    met: ethics >= policy.recertificationEthicsHours,
    why: `${ethics} of ${policy.recertificationEthicsHours} Ethics and Peer Support Boundaries hours` + (recordEthics ? ` (${recordEthics} from the training record)` : ''),
    evidence: { ethicsHours: ethics, requiredHours: policy.recertificationEthicsHours, trainingRecordEthicsHours: recordEthics },
  });
  items.push(referencesItem(facts, false));
  if (facts.heldDesignations.some((d) => MILITARY_DESIGNATIONS.includes(d))) {
    const military = sum(counted.filter((e) => e.militarySpecific).map((e) => e.hours));
    const general = sum(counted.filter((e) => !e.militarySpecific).map((e) => e.hours));
    const { generalHours, militaryHours } = policy.militaryUpkeep;
    items.push({
      rule: 'MILITARY_UPKEEP',
      required: false,
      met: general >= generalHours && military >= militaryHours,
      why: `${general} of ${generalHours} general and ${military} of ${militaryHours} military-specific hours to keep the military designation`,
      evidence: { generalHours: general, militaryHours: military, requiredGeneral: generalHours, requiredMilitary: militaryHours },
    });
  }
  return items;
}
