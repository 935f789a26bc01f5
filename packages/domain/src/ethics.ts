// Complaints and ethics (DOMAIN.md "Complaints and ethics"): the Code of Ethics principles, complaint
// subjects and channels, the case flow, outcomes and sanctions. Stored values are these strings.
import { DEMO_PEOPLE } from './demo';

/** Stable codes of the Code of Ethics principles; each version of the code lists the ones it has. */
export const EthicsPrinciple = {
  OwnRecovery: 'OWN_RECOVERY',
  Honesty: 'HONESTY',
  MutualLearning: 'MUTUAL_LEARNING',
  VoiceDignitySelfDetermination: 'VOICE_DIGNITY_SELF_DETERMINATION',
  HonouringCommitments: 'HONOURING_COMMITMENTS',
  NoDualRelationships: 'NO_DUAL_RELATIONSHIPS',
  NoSexualContact: 'NO_SEXUAL_CONTACT',
  Confidentiality: 'CONFIDENTIALITY',
  NonDiscrimination: 'NON_DISCRIMINATION',
  NoSignificantGifts: 'NO_SIGNIFICANT_GIFTS',
  WithinScope: 'WITHIN_SCOPE',
} as const;
export type EthicsPrinciple = (typeof EthicsPrinciple)[keyof typeof EthicsPrinciple];

/** Whom a complaint is about. */
export const ComplaintSubjectKind = {
  Cpss: 'CPSS',
  Trainer: 'TRAINER',
  CourseOwner: 'COURSE_OWNER',
  Program: 'PROGRAM',
} as const;
export type ComplaintSubjectKind = (typeof ComplaintSubjectKind)[keyof typeof ComplaintSubjectKind];

/** How a complaint arrived: the online form is public; the others are entered by ethics staff. */
export const ComplaintChannel = {
  OnlineForm: 'ONLINE_FORM',
  Phone: 'PHONE',
  Email: 'EMAIL',
  Mail: 'MAIL',
} as const;
export type ComplaintChannel = (typeof ComplaintChannel)[keyof typeof ComplaintChannel];
export const STAFF_COMPLAINT_CHANNELS: readonly ComplaintChannel[] = ['PHONE', 'EMAIL', 'MAIL'];

/** The case flow, in order. */
export const ComplaintStatus = {
  Received: 'RECEIVED',
  Acknowledged: 'ACKNOWLEDGED',
  Triaged: 'TRIAGED',
  ReferredForInvestigation: 'REFERRED_FOR_INVESTIGATION',
  FindingsRecorded: 'FINDINGS_RECORDED',
  OutcomeDecided: 'OUTCOME_DECIDED',
  Appealed: 'APPEALED',
  AppealDecided: 'APPEAL_DECIDED',
  Closed: 'CLOSED',
} as const;
export type ComplaintStatus = (typeof ComplaintStatus)[keyof typeof ComplaintStatus];
export const COMPLAINT_FLOW: readonly ComplaintStatus[] = Object.values(ComplaintStatus);

/** Level of response decided at triage. */
export const TriageLevel = {
  /** The program reviews it itself; no referral needed before findings. */
  DeskReview: 'DESK_REVIEW',
  /** Referred to the Division's program-integrity team. */
  Investigation: 'INVESTIGATION',
  /** Abuse, neglect or exploitation alleged: investigated first. */
  Expedited: 'EXPEDITED',
} as const;
export type TriageLevel = (typeof TriageLevel)[keyof typeof TriageLevel];

export const Cooperation = { Cooperating: 'COOPERATING', NotCooperating: 'NOT_COOPERATING' } as const;
export type Cooperation = (typeof Cooperation)[keyof typeof Cooperation];

export const ComplaintOutcomeKind = {
  Dismissed: 'DISMISSED',
  NoAction: 'NO_ACTION',
  CorrectiveAction: 'CORRECTIVE_ACTION',
  Probation: 'PROBATION',
  Suspension: 'SUSPENSION',
  Revocation: 'REVOCATION',
  RemovalAsTrainer: 'REMOVAL_AS_TRAINER',
} as const;
export type ComplaintOutcomeKind = (typeof ComplaintOutcomeKind)[keyof typeof ComplaintOutcomeKind];
/** Outcomes that impose a sanction on the respondent. */
export const SANCTION_OUTCOMES: readonly ComplaintOutcomeKind[] = ['CORRECTIVE_ACTION', 'PROBATION', 'SUSPENSION', 'REVOCATION', 'REMOVAL_AS_TRAINER'];

export const AppealDecision = { Upheld: 'UPHELD', Overturned: 'OVERTURNED' } as const;
export type AppealDecision = (typeof AppealDecision)[keyof typeof AppealDecision];

/** A sanction is pending until the case closes (appeal window passed or appeal upheld), then final. */
export const SanctionStatus = { Pending: 'PENDING', Final: 'FINAL', Overturned: 'OVERTURNED' } as const;
export type SanctionStatus = (typeof SanctionStatus)[keyof typeof SanctionStatus];

/** Commands ethics sends to the domains that own the state its decisions change. */
export const EthicsCommandType = {
  HoldApplication: 'HOLD_APPLICATION',
  ReleaseApplicationHold: 'RELEASE_APPLICATION_HOLD',
  SuspendCertification: 'SUSPEND_CERTIFICATION',
  RevokeCertification: 'REVOKE_CERTIFICATION',
  RemoveTrainer: 'REMOVE_TRAINER',
} as const;
export type EthicsCommandType = (typeof EthicsCommandType)[keyof typeof EthicsCommandType];

/** A demo complaint, seeded by `npm start` into an empty database. */
export interface DemoComplaint {
  referenceNumber: string;
  channel: ComplaintChannel;
  subjectKind: ComplaintSubjectKind;
  respondentPersonId: string | null;
  respondentDescription: string | null;
  incidentOn: string;
  receivedOn: string;
  summary: string;
  complainantName: string;
  complainantEmail: string | null;
  complainantPhone?: string;
  principles: EthicsPrinciple[];
  /** How far the demo case has gone. */
  status: 'RECEIVED' | 'ACKNOWLEDGED' | 'TRIAGED' | 'CLOSED';
  /** For a closed demo case: the outcome decided (a final sanction shows in the public status). */
  outcome?: { kind: ComplaintOutcomeKind; reason: string; mandatedTraining?: string; trainingDueOn?: string; effectiveFrom?: string; effectiveUntil?: string; conditions?: string };
}

export const DEMO_COMPLAINTS: readonly DemoComplaint[] = [
  {
    referenceNumber: 'ETH-2026-000101',
    channel: 'ONLINE_FORM',
    subjectKind: 'CPSS',
    respondentPersonId: DEMO_PEOPLE[3]!.id,
    respondentDescription: null,
    incidentOn: '2026-10-30',
    receivedOn: '2026-11-12',
    summary: 'Peer specialist accepted a loaned car from a person they support and meets them socially.',
    complainantName: 'Jordan Pike',
    complainantEmail: 'jordan.pike@example.net',
    principles: ['NO_DUAL_RELATIONSHIPS', 'NO_SIGNIFICANT_GIFTS'],
    status: 'TRIAGED',
  },
  {
    referenceNumber: 'ETH-2026-000102',
    channel: 'PHONE',
    subjectKind: 'TRAINER',
    respondentPersonId: DEMO_PEOPLE[1]!.id,
    respondentDescription: null,
    incidentOn: '2026-11-06',
    receivedOn: '2026-11-16',
    summary: 'Trainer signed certificates for participants who left before the last day of the course.',
    complainantName: 'Morgan Ellis',
    complainantEmail: null,
    complainantPhone: '919-555-0147',
    principles: ['HONESTY'],
    status: 'RECEIVED',
  },
  {
    referenceNumber: 'ETH-2026-000103',
    channel: 'MAIL',
    subjectKind: 'PROGRAM',
    respondentPersonId: null,
    respondentDescription: 'Program office: renewal reminder never arrived',
    incidentOn: '2026-09-01',
    receivedOn: '2026-11-02',
    summary: 'Complainant says no renewal reminder was sent and their certification lapsed.',
    complainantName: 'Pat Rowan',
    complainantEmail: 'pat.rowan@example.com',
    principles: [],
    status: 'ACKNOWLEDGED',
  },
  {
    referenceNumber: 'ETH-2026-000057',
    channel: 'EMAIL',
    subjectKind: 'CPSS',
    respondentPersonId: DEMO_PEOPLE[6]!.id,
    respondentDescription: null,
    incidentOn: '2026-04-20',
    receivedOn: '2026-05-04',
    summary: 'Peer specialist shared details of a person’s recovery with their employer without consent.',
    complainantName: 'Casey Hart',
    complainantEmail: 'casey.hart@example.org',
    principles: ['CONFIDENTIALITY'],
    status: 'CLOSED',
    outcome: {
      kind: 'PROBATION',
      reason: 'Disclosure substantiated; first concern, respondent cooperated.',
      effectiveFrom: '2026-07-01',
      effectiveUntil: '2027-06-30',
      conditions: 'Complete Ethics and Peer Support Boundaries again; quarterly supervisor reports.',
    },
  },
];
