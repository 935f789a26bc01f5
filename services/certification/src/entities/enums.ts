// The certification domain's GraphQL enums, registered once, named after the stored values.
import {
  AgeBand,
  ApplicationChannel,
  ApplicationKind,
  ApplicationStatus,
  CertificationEventKind,
  CertificationStatus,
  DesignationKind,
  EducationProofKind,
  EligibilityRule,
  FeeKind,
  FeeStatus,
  Gender,
  PaymentMethod,
  RaceEthnicity,
  VeteranStatus,
} from '@cpss/domain';
import { graphqlEnum } from '@cpss/server-kit';

export const RaceEthnicityEnum = graphqlEnum(RaceEthnicity, 'RaceEthnicity', 'Voluntary, self-reported');
export const GenderEnum = graphqlEnum(Gender, 'Gender', 'Voluntary, self-reported');
export const VeteranStatusEnum = graphqlEnum(VeteranStatus, 'VeteranStatus', 'Voluntary, self-reported');
export const AgeBandEnum = graphqlEnum(AgeBand, 'AgeBand', 'Derived from the date of birth');
export const ApplicationKindEnum = graphqlEnum(ApplicationKind, 'ApplicationKind', 'A first application or the renewal of a certification');
export const ApplicationStatusEnum = graphqlEnum(ApplicationStatus, 'ApplicationStatus', 'Where an application is');
export const ApplicationChannelEnum = graphqlEnum(ApplicationChannel, 'ApplicationChannel', 'Online, or entered by staff from mail');
export const EducationProofKindEnum = graphqlEnum(EducationProofKind, 'EducationProofKind', 'High school diploma or equivalent');
export const DesignationKindEnum = graphqlEnum(DesignationKind, 'DesignationKind', 'Sub-credentials with their own upkeep');
export const CertificationStatusEnum = graphqlEnum(CertificationStatus, 'CertificationStatus', 'Status of a certification on a date');
export const CertificationEventKindEnum = graphqlEnum(CertificationEventKind, 'CertificationEventKind', 'Status changes by command');
export const FeeKindEnum = graphqlEnum(FeeKind, 'ApplicationFeeKind', 'What a fee is for');
export const FeeStatusEnum = graphqlEnum(FeeStatus, 'ApplicationFeeStatus', 'Due, paid or waived');
export const PaymentMethodEnum = graphqlEnum(PaymentMethod, 'FeePaymentMethod', 'How a fee was paid');
export const EligibilityRuleEnum = graphqlEnum(EligibilityRule, 'EligibilityRule', 'A rule of the eligibility checklist');

/** numeric columns come back from pg as strings. */
export const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };
