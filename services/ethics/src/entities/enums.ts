// The ethics enums as GraphQL enums whose names are the stored values (one registration each).
import { AppealDecision, ComplaintChannel, ComplaintOutcomeKind, ComplaintStatus, ComplaintSubjectKind, Cooperation, SanctionStatus, TriageLevel } from '@cpss/domain';
import { graphqlEnum } from '@cpss/server-kit';

export const ComplaintStatusEnum = graphqlEnum(ComplaintStatus, 'ComplaintStatus', 'Where a complaint is in the case flow');
export const ComplaintSubjectKindEnum = graphqlEnum(ComplaintSubjectKind, 'ComplaintSubjectKind', 'Whom a complaint is about');
export const ComplaintChannelEnum = graphqlEnum(ComplaintChannel, 'ComplaintChannel', 'How a complaint arrived');
export const TriageLevelEnum = graphqlEnum(TriageLevel, 'TriageLevel', 'Level of response decided at triage');
export const CooperationEnum = graphqlEnum(Cooperation, 'Cooperation', 'Whether the respondent cooperates with the investigation');
export const ComplaintOutcomeKindEnum = graphqlEnum(ComplaintOutcomeKind, 'ComplaintOutcomeKind', 'The outcome of a complaint');
export const AppealDecisionEnum = graphqlEnum(AppealDecision, 'AppealDecision');
export const SanctionStatusEnum = graphqlEnum(SanctionStatus, 'SanctionStatus', 'Pending until the appeal window passes or the appeal is decided');

export const ComplaintClockStep = {
  Acknowledgment: 'ACKNOWLEDGMENT',
  Triage: 'TRIAGE',
  RespondentResponse: 'RESPONDENT_RESPONSE',
  Investigation: 'INVESTIGATION',
  AppealWindow: 'APPEAL_WINDOW',
} as const;
export type ComplaintClockStep = (typeof ComplaintClockStep)[keyof typeof ComplaintClockStep];
export const ComplaintClockStepEnum = graphqlEnum(ComplaintClockStep, 'ComplaintClockStep', 'A step of the case flow that runs against a target or window');
