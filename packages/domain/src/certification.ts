// Certification (DOMAIN.md "Certification (initial)", "Certification term...", "Designations"):
// statuses, parts of an application, fees, designations and voluntary demographics. Stored values
// are these strings. Program numbers are not here: they live in the certification policy versions.

/** Fixed rule of the domain (not policy): applicants must be at least this old. */
export const MINIMUM_APPLICANT_AGE_YEARS = 18;
/** Fixed rule: one Personal Reference Form must come from someone who has known the applicant this long. */
export const REFERENCE_MIN_YEARS_KNOWN = 1;
/** Fixed rule: references required (initial and recertification). */
export const REFERENCES_REQUIRED = 2;
/** Fixed rule: military-specific training hours to obtain the military designation. */
export const MILITARY_DESIGNATION_INITIAL_HOURS = 8;

export const ApplicationKind = { Initial: 'INITIAL', Recertification: 'RECERTIFICATION' } as const;
export type ApplicationKind = (typeof ApplicationKind)[keyof typeof ApplicationKind];

export const ApplicationStatus = {
  Draft: 'DRAFT',
  Submitted: 'SUBMITTED',
  Incomplete: 'INCOMPLETE',
  OnHold: 'ON_HOLD',
  InReview: 'IN_REVIEW',
  Approved: 'APPROVED',
  Denied: 'DENIED',
  Withdrawn: 'WITHDRAWN',
  Closed: 'CLOSED',
} as const;
export type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];
/** Decided or otherwise finished: nothing about them changes any more. */
export const FINAL_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['APPROVED', 'DENIED', 'WITHDRAWN', 'CLOSED'];

/** Submitted online, or entered by staff from a mailed packet (never in person). */
export const ApplicationChannel = { Online: 'ONLINE', Mail: 'MAIL' } as const;
export type ApplicationChannel = (typeof ApplicationChannel)[keyof typeof ApplicationChannel];

export const EducationProofKind = {
  HighSchoolDiploma: 'HIGH_SCHOOL_DIPLOMA',
  Ged: 'GED',
  HiSet: 'HISET',
  Degree: 'DEGREE',
  OfficialTranscript: 'OFFICIAL_TRANSCRIPT',
} as const;
export type EducationProofKind = (typeof EducationProofKind)[keyof typeof EducationProofKind];

export const DesignationKind = {
  MilitaryServiceMember: 'MILITARY_SERVICE_MEMBER',
  VeteranServiceMember: 'VETERAN_SERVICE_MEMBER',
  Coaps: 'COAPS',
} as const;
export type DesignationKind = (typeof DesignationKind)[keyof typeof DesignationKind];
export const MILITARY_DESIGNATIONS: readonly DesignationKind[] = ['MILITARY_SERVICE_MEMBER', 'VETERAN_SERVICE_MEMBER'];

export const CertificationStatus = {
  Active: 'ACTIVE',
  Due: 'DUE',
  Late: 'LATE',
  Lapsed: 'LAPSED',
  Suspended: 'SUSPENDED',
  Revoked: 'REVOKED',
  Relinquished: 'RELINQUISHED',
} as const;
export type CertificationStatus = (typeof CertificationStatus)[keyof typeof CertificationStatus];

/** Events that change a certification's status by command (not by the calendar). */
export const CertificationEventKind = {
  Suspended: 'SUSPENDED',
  Reinstated: 'REINSTATED',
  Revoked: 'REVOKED',
  Relinquished: 'RELINQUISHED',
} as const;
export type CertificationEventKind = (typeof CertificationEventKind)[keyof typeof CertificationEventKind];

export const FeeKind = { Application: 'APPLICATION', Recertification: 'RECERTIFICATION', Late: 'LATE' } as const;
export type FeeKind = (typeof FeeKind)[keyof typeof FeeKind];

export const FeeStatus = { Due: 'DUE', Paid: 'PAID', Waived: 'WAIVED' } as const;
export type FeeStatus = (typeof FeeStatus)[keyof typeof FeeStatus];

export const PaymentMethod = { Check: 'CHECK', MoneyOrder: 'MONEY_ORDER' } as const;
export type PaymentMethod = (typeof PaymentMethod)[keyof typeof PaymentMethod];

/** Voluntary, self-reported demographics (DOMAIN.md "Program statistics"). */
export const RaceEthnicity = {
  AmericanIndianAlaskaNative: 'AMERICAN_INDIAN_ALASKA_NATIVE',
  Asian: 'ASIAN',
  BlackAfricanAmerican: 'BLACK_AFRICAN_AMERICAN',
  HispanicLatino: 'HISPANIC_LATINO',
  NativeHawaiianPacificIslander: 'NATIVE_HAWAIIAN_PACIFIC_ISLANDER',
  White: 'WHITE',
  Other: 'OTHER',
  PreferNotToSay: 'PREFER_NOT_TO_SAY',
} as const;
export type RaceEthnicity = (typeof RaceEthnicity)[keyof typeof RaceEthnicity];

export const Gender = {
  Woman: 'WOMAN',
  Man: 'MAN',
  NonBinary: 'NON_BINARY',
  SelfDescribed: 'SELF_DESCRIBED',
  PreferNotToSay: 'PREFER_NOT_TO_SAY',
} as const;
export type Gender = (typeof Gender)[keyof typeof Gender];

export const VeteranStatus = {
  Veteran: 'VETERAN',
  ActiveDuty: 'ACTIVE_DUTY',
  NotAVeteran: 'NOT_A_VETERAN',
  PreferNotToSay: 'PREFER_NOT_TO_SAY',
} as const;
export type VeteranStatus = (typeof VeteranStatus)[keyof typeof VeteranStatus];

export const AgeBand = {
  Under25: 'UNDER_25',
  From25To34: 'AGE_25_34',
  From35To44: 'AGE_35_44',
  From45To54: 'AGE_45_54',
  From55To64: 'AGE_55_64',
  From65: 'AGE_65_PLUS',
} as const;
export type AgeBand = (typeof AgeBand)[keyof typeof AgeBand];

export function ageBandOf(age: number): AgeBand {
  if (age < 25) return 'UNDER_25';
  if (age < 35) return 'AGE_25_34';
  if (age < 45) return 'AGE_35_44';
  if (age < 55) return 'AGE_45_54';
  if (age < 65) return 'AGE_55_64';
  return 'AGE_65_PLUS';
}

/** The rules the eligibility checklist reports on (one line each). */
export const EligibilityRule = {
  MinimumAge: 'MINIMUM_AGE',
  ConsumerOfServices: 'CONSUMER_OF_SERVICES',
  RecoveryTime: 'RECOVERY_TIME',
  Education: 'EDUCATION',
  CoreCourse: 'CORE_COURSE',
  AdditionalHours: 'ADDITIONAL_HOURS',
  EthicsTraining: 'ETHICS_TRAINING',
  References: 'REFERENCES',
  CodeOfEthics: 'CODE_OF_ETHICS',
  RecoveryStatement: 'RECOVERY_STATEMENT',
  MilitaryDesignation: 'MILITARY_DESIGNATION',
  RecertificationHours: 'RECERTIFICATION_HOURS',
  RecertificationEthicsHours: 'RECERTIFICATION_ETHICS_HOURS',
  MilitaryUpkeep: 'MILITARY_UPKEEP',
  CertificationRenewable: 'CERTIFICATION_RENEWABLE',
} as const;
export type EligibilityRule = (typeof EligibilityRule)[keyof typeof EligibilityRule];
