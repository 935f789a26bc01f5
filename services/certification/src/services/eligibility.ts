// The eligibility engine: every rule of DOMAIN.md "Certification (initial)" and of recertification,
// evaluated against the policy values of the case, as a checklist (rule, met, why, evidence).
// Pure: no I/O, no clock; the caller supplies the facts, the policy and the date judged on.
import {
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
  coreCourse: { title: string; completedOn: IsoDate; hours: number } | null;
  trainingLog: TrainingLogFact[];
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

/** Training that counts: completed on or before the day judged, and after the last certification. */
function countedEntries(facts: EligibilityFacts): TrainingLogFact[] {
  return facts.trainingLog.filter((e) => e.completedOn <= facts.asOf && (!facts.lastCertifiedOn || e.completedOn > facts.lastCertifiedOn));
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

  const core = facts.coreCourse;
  if (!core) {
    items.push({ rule: 'CORE_COURSE', required: true, met: false, why: 'no core Peer Support Specialist course completion given', evidence: { requiredHours: policy.coreCourse.faceToFaceHours } });
  } else {
    const through = coreCourseUsableThrough(core.completedOn, policy);
    const hoursOk = core.hours >= policy.coreCourse.faceToFaceHours;
    const doneOk = core.completedOn <= facts.asOf;
    const windowOk = facts.asOf <= through;
    const why = !doneOk
      ? `completion date ${core.completedOn} is after ${facts.asOf}`
      : !hoursOk
        ? `${core.hours} hours; at least ${policy.coreCourse.faceToFaceHours} face-to-face required`
        : !windowOk
          ? `certificate of ${core.completedOn} could be used only through ${through}`
          : `${core.title}: ${core.hours} hours completed ${core.completedOn}, usable through ${through}`;
    items.push({
      rule: 'CORE_COURSE',
      required: true,
      met: hoursOk && doneOk && windowOk,
      why,
      evidence: { title: core.title, completedOn: core.completedOn, hours: core.hours, requiredHours: policy.coreCourse.faceToFaceHours, usableThrough: through },
    });
  }

  const counted = countedEntries(facts);
  const childFamily = sum(counted.filter((e) => e.childFamily).map((e) => e.hours));
  const other = sum(counted.filter((e) => !e.childFamily).map((e) => e.hours));
  const childCounted = Math.min(childFamily, policy.childFamilyMaxHours);
  const total = sum([other, childCounted]);
  const hoursMet = total >= policy.additionalHours;
  items.push({
    rule: 'ADDITIONAL_HOURS',
    required: true,
    met: hoursMet,
    why:
      `${total} of ${policy.additionalHours} additional hours` +
      (childFamily > policy.childFamilyMaxHours ? ` (${childFamily} about children and families, of which only ${policy.childFamilyMaxHours} count)` : '') +
      (facts.lastCertifiedOn ? ` completed after the last certification on ${facts.lastCertifiedOn}` : ''),
    evidence: { countedHours: total, requiredHours: policy.additionalHours, childFamilyHours: childFamily, childFamilyMaxHours: policy.childFamilyMaxHours, otherHours: other, entries: counted.length, after: facts.lastCertifiedOn },
  });

  if (policy.initialEthicsTrainingRequired) {
    const ethics = counted.filter((e) => e.ethics);
    items.push({
      rule: 'ETHICS_TRAINING',
    required: true,
      met: ethics.length > 0,
      why: ethics.length > 0 ? `Ethics and Peer Support Boundaries training among the additional hours (${ethics.map((e) => e.topic).join(', ')})` : 'Ethics and Peer Support Boundaries training is required among the additional hours',
      evidence: { ethicsHours: sum(ethics.map((e) => e.hours)) },
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
  items.push({
    rule: 'RECERTIFICATION_HOURS',
    required: true,
    met: total >= policy.recertificationHours,
    why: `${total} of ${policy.recertificationHours} hours since ${facts.lastCertifiedOn ?? 'the last certification'}`,
    evidence: { hours: total, requiredHours: policy.recertificationHours, after: facts.lastCertifiedOn },
  });
  const ethics = sum(counted.filter((e) => e.ethics).map((e) => e.hours));
  items.push({
    rule: 'RECERTIFICATION_ETHICS_HOURS',
    required: true,
    met: ethics >= policy.recertificationEthicsHours,
    why: `${ethics} of ${policy.recertificationEthicsHours} Ethics and Peer Support Boundaries hours`,
    evidence: { ethicsHours: ethics, requiredHours: policy.recertificationEthicsHours },
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
