// The program as generated in memory before it is written: people and their certifications,
// training needs turned into completions, courses, sessions, applications and complaints. Each
// step adds to one Program; the writer turns it into rows of each subgraph's own tables.
import type { CourseKind } from '@cpss/domain';
import type { Day } from './days';
import type { Rng } from './random';

export interface PolicyRow<V> {
  id: string;
  effectiveFrom: Day;
  values: V;
}

/** What the migrations put in the database that generated rows refer to. */
export interface Refs {
  certificationPolicies: PolicyRow<CertificationPolicyValues>[];
  trainingPolicies: PolicyRow<{ submissionFeeUsd: number; courseRecertificationYears: number; courseRecertificationNoticeMonths: number; defaultClassCapacity: number }>[];
  ethicsPolicies: PolicyRow<EthicsPolicyValues>[];
  standardsVersionId: string;
  /** Core concepts of the standards: id and code (e.g. 5.2). */
  concepts: { id: string; code: string }[];
  codes: { id: string; version: string; effectiveFrom: Day; principles: string[] }[];
  /** Demo rows already seeded, which generated rows must not collide with. */
  demo: { personIds: Set<string>; emails: Set<string>; courseTitles: Set<string> };
}

export interface CertificationPolicyValues {
  recoveryMonths: number;
  coreCourse: { faceToFaceHours: number; certificateValidYears: number };
  additionalHours: number;
  childFamilyMaxHours: number;
  initialEthicsTrainingRequired: boolean;
  recertificationHours: number;
  recertificationEthicsHours: number;
  feesCents: { application: number; recertification: number; late: number };
  lateWindowDays: number;
  reminderOffsetsDays: number[];
  incompleteTimeoutMonths: number;
  termYears: number;
  [key: string]: unknown;
}

export interface EthicsPolicyValues {
  acknowledgmentTargetBusinessDays: number;
  triageTargetBusinessDays: number;
  investigationTargetBusinessDays: number;
  respondentResponseBusinessDays: number;
  appealWindowBusinessDays: number;
  registryUpdateTargetHours: number;
  [key: string]: unknown;
}

/** Program staff who act in timelines (sign-in subjects that exist only as names here). */
export interface Staff {
  subject: string;
  name: string;
}

export interface Person {
  id: string;
  index: number;
  firstName: string;
  legalName: string;
  preferredName: string | null;
  email: string;
  dateOfBirth: Day;
  county: string;
  phone: string | null;
  address: { line1: string; line2: string | null; city: string; state: string; postalCode: string } | null;
  raceEthnicity: string[];
  gender: string | null;
  veteranStatus: string | null;
  createdAt: Day;
  cert: Cert | null;
  /** Applicants without a certification: how far their application went. */
  applicantStatus: string | null;
  trainer: Trainer | null;
  apps: App[];
  completions: Completion[];
  /** Planned sanction target: excluded from teaching. */
  sanctionable: boolean;
}

export interface Cert {
  id: string;
  number: string;
  person: Person;
  /** Approval days: issued first, then each renewal; the last is last_certified_on. */
  renewals: Day[];
  /** Submission day of each approved application (same order as renewals). */
  submissions: Day[];
  /** Whether each renewal was submitted late. */
  late: boolean[];
  dueOn: Day;
  /** Due day of each term (same order as renewals). */
  dues: Day[];
  target: 'ACTIVE' | 'DUE' | 'LATE' | 'LAPSED' | 'RELINQUISHED';
  events: CertEvent[];
  designations: { designation: string; grantedOn: Day }[];
  applicationId: string | null;
}

export interface CertEvent {
  id: string;
  kind: 'SUSPENDED' | 'REINSTATED' | 'REVOKED' | 'RELINQUISHED';
  effectiveOn: Day;
  effectiveUntil: Day | null;
  reason: string;
  actor: string;
  at: string;
}

export interface Trainer {
  person: Person;
  totDay: Day;
  registrations: CourseTrainer[];
  removedOn: Day | null;
}

export interface CourseTrainer {
  id: string;
  course: Course;
  trainer: Trainer;
  registeredOn: Day;
  status: 'ACTIVE' | 'REMOVED';
  removedOn: Day | null;
  removalSanctionId: string | null;
}

/** Training a person needed (a period's hours, a core course...), before it is placed. */
export interface Need {
  person: Person;
  kind: CourseKind;
  minHours: number;
  /** Completed after `lo` and on or before `hi`. */
  lo: Day;
  hi: Day;
  childFamily: boolean;
  military: boolean;
  /** The application whose log lists it when it is not on the training record. */
  app: App | null;
  /** Always on the record (a trainer's TOT, recent training). */
  keep: boolean;
  completion: Completion | null;
}

export interface Completion {
  id: string;
  person: Person;
  title: string;
  kind: CourseKind;
  hours: number;
  day: Day;
  source: 'SESSION' | 'EXTERNAL' | 'LEGACY';
  childFamily: boolean;
  course: Course | null;
  enrollment: Enrollment | null;
  provider: string | null;
  documentId: string | null;
  enteredBy: string | null;
  /** The day the completion was written (a session's last day, staff entry, the legacy import). */
  createdAt: Day;
  military: boolean;
  /** False for a program course completed outside its approval term. */
  counts: boolean;
}

export interface Course {
  id: string;
  owner: Owner;
  title: string;
  kind: CourseKind;
  faceToFaceHours: number;
  preWorkHours: number;
  childFamily: boolean;
  status: 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'DENIED' | 'EXPIRED';
  approvedOn: Day | null;
  expiresOn: Day | null;
  createdOn: Day;
  submissions: CourseSubmission[];
  trainers: CourseTrainer[];
  popularity: number;
  version: number;
  /** Course status changes for its timeline: [day, from, to, reason]. */
  timeline: [Day, string | null, string, string | null][];
}

export interface Owner {
  id: string;
  name: string;
}

export interface CourseSubmission {
  id: string;
  course: Course;
  purpose: 'INITIAL' | 'RECERTIFICATION';
  status: 'DRAFT' | 'RECEIVED' | 'TEAM_REVIEW' | 'TECHNICAL_ASSISTANCE' | 'APPROVED' | 'DENIED';
  attempt: number;
  submittedOn: Day | null;
  decidedOn: Day | null;
  createdOn: Day;
  reviewer: Staff;
}

export interface Session {
  id: string;
  course: Course;
  trainer: Trainer;
  status: 'SCHEDULED' | 'CANCELLED';
  delivery: 'IN_PERSON' | 'VIRTUAL';
  address: string | null;
  county: string | null;
  meetingUrl: string | null;
  capacity: number;
  opensOn: Day;
  closesOn: Day;
  days: { day: Day; hours: number }[];
  firstDay: Day;
  lastDay: Day;
  /** Past and not cancelled, attendance recorded: completions come from it. */
  held: boolean;
  /** Held in the last days, attendance not yet recorded. */
  awaitingAttendance: boolean;
  enrollments: Enrollment[];
  cancelledOn: Day | null;
  cancelReason: string | null;
  createdOn: Day;
  version: number;
}

export interface Enrollment {
  id: string;
  session: Session;
  person: Person;
  status: 'ENROLLED' | 'WAITLISTED' | 'WITHDRAWN' | 'COMPLETED';
  registeredAt: Day;
  registeredMinute: number;
  arrival: number;
  /** Hours attended per session day (partial attendance), when recorded. */
  attended: number[] | null;
  certificate: { id: string; code: string } | null;
}

export interface App {
  id: string;
  person: Person;
  kind: 'INITIAL' | 'RECERTIFICATION';
  channel: 'ONLINE' | 'MAIL';
  status: string;
  cert: Cert | null;
  createdOn: Day;
  submittedOn: Day | null;
  queuedOn: Day | null;
  incompleteSince: Day | null;
  decidedOn: Day | null;
  closedOn: Day | null;
  withdrawnOn: Day | null;
  missingItems: string[];
  decisionReasons: string[];
  late: boolean;
  /** Judged with the last certification before it (recertification: the one renewed). */
  lastCertifiedOn: Day | null;
  /** Status of the certification renewed on the submission day (recertification). */
  certStatusOnSubmission: string | null;
  /** Deliberately short of the requirements (denials): fewer hours than needed. */
  shortHours: boolean;
  shortRecovery: boolean;
  /** Needs met by this application's training, some of which end up only in its log. */
  needs: Need[];
  /** Core course declared (initial). */
  coreNeed: Need | null;
  reviewer: Staff;
  /** Put on hold for an open complaint: the status it had and when. */
  hold: { from: string; on: Day; complaintId: string } | null;
  /** An incomplete detour before its decision. */
  detour: boolean;
  designationRequests: string[];
}

export interface Complaint {
  id: string;
  reference: string;
  channel: 'ONLINE_FORM' | 'PHONE' | 'EMAIL' | 'MAIL';
  subjectKind: 'CPSS' | 'TRAINER' | 'COURSE_OWNER' | 'PROGRAM';
  respondent: Person | null;
  /** Linked to the person at triage (not at intake). */
  linkedAtTriage: boolean;
  respondentDescription: string | null;
  incidentOn: Day;
  receivedOn: Day;
  summary: string;
  principles: string[];
  complainant: { name: string; email: string | null; phone: string | null; address: string | null };
  status: string;
  triageLevel: string | null;
  acknowledgedOn: Day | null;
  triagedOn: Day | null;
  referredOn: Day | null;
  referredTo: string | null;
  respondentNotifiedOn: Day | null;
  respondentResponse: string | null;
  respondentRespondedOn: Day | null;
  cooperation: string | null;
  cooperationNote: string | null;
  findingsOn: Day | null;
  substantiated: boolean | null;
  findings: string | null;
  outcome: string | null;
  outcomeReason: string | null;
  outcomeNoticeOn: Day | null;
  appealDeadline: Day | null;
  appealedOn: Day | null;
  appealGrounds: string | null;
  appealDecision: string | null;
  appealDecidedOn: Day | null;
  closedOn: Day | null;
  nextDueOn: Day | null;
  steps: ComplaintStep[];
  sanction: Sanction | null;
  createdBy: string;
  staff: Staff;
  codeVersionId: string;
  policyVersionId: string;
  applicationHold: boolean;
  commands: Command[];
}

export interface ComplaintStep {
  day: Day;
  from: string | null;
  to: string;
  reason: string | null;
  facts: Record<string, unknown> | null;
  actor: Staff | string;
}

export interface Sanction {
  id: string;
  kind: string;
  status: 'PENDING' | 'FINAL' | 'OVERTURNED';
  effectiveFrom: Day;
  effectiveUntil: Day | null;
  conditions: string | null;
  mandatedTraining: string | null;
  trainingDueOn: Day | null;
  decidedOn: Day;
  finalizedOn: Day | null;
}

export interface Command {
  type: string;
  targetDomain: 'certification' | 'training';
  payload: Record<string, unknown>;
  key: string;
  day: Day;
  minute: number;
  deliverByHours: number | null;
  outcome: string;
}

/** The whole generated program. */
export interface Program {
  asOf: Day;
  scale: number;
  seed: number;
  refs: Refs;
  rng: (stream: string) => Rng;
  people: Person[];
  certs: Cert[];
  needs: Need[];
  owners: Owner[];
  courses: Course[];
  trainers: Trainer[];
  sessions: Session[];
  completions: Completion[];
  apps: App[];
  complaints: Complaint[];
  staff: { certification: Staff[]; training: Staff[]; ethics: Staff[] };
  /** Notes of what had to be adjusted, for the summary. */
  notes: string[];
}

/** The certification policy in force on a day. */
export function inForce<V>(rows: PolicyRow<V>[], d: Day): PolicyRow<V> {
  let found: PolicyRow<V> | undefined;
  for (const r of rows) if (r.effectiveFrom <= d) found = r;
  if (!found) throw new Error(`no policy in force on day ${d}`);
  return found;
}
