// Course kinds of DOMAIN.md "Training: courses and curriculum approval".
export const CourseKind = {
  CorePss: 'CORE_PSS',
  EthicsAndBoundaries: 'ETHICS_AND_BOUNDARIES',
  Elective: 'ELECTIVE',
  Designation: 'DESIGNATION',
  TrainingOfTrainers: 'TRAINING_OF_TRAINERS',
  Supervisor: 'SUPERVISOR',
} as const;
export type CourseKind = (typeof CourseKind)[keyof typeof CourseKind];
export const COURSE_KINDS: readonly CourseKind[] = Object.values(CourseKind);

// Course approval status (DOMAIN.md "Training: courses and curriculum approval").
export const CourseStatus = {
  Draft: 'DRAFT',
  InReview: 'IN_REVIEW',
  Approved: 'APPROVED',
  Denied: 'DENIED',
  Expired: 'EXPIRED',
} as const;
export type CourseStatus = (typeof CourseStatus)[keyof typeof CourseStatus];

// A course submission moves: draft, received, (format check) team review, technical assistance
// (then one resubmission), approved or denied.
export const CourseSubmissionStatus = {
  Draft: 'DRAFT',
  Received: 'RECEIVED',
  TeamReview: 'TEAM_REVIEW',
  TechnicalAssistance: 'TECHNICAL_ASSISTANCE',
  Approved: 'APPROVED',
  Denied: 'DENIED',
} as const;
export type CourseSubmissionStatus = (typeof CourseSubmissionStatus)[keyof typeof CourseSubmissionStatus];

export const CourseMaterialKind = {
  InstructorManual: 'INSTRUCTOR_MANUAL',
  ParticipantManual: 'PARTICIPANT_MANUAL',
  DailyAgenda: 'DAILY_AGENDA',
  TotManual: 'TOT_MANUAL',
  Other: 'OTHER',
} as const;
export type CourseMaterialKind = (typeof CourseMaterialKind)[keyof typeof CourseMaterialKind];
/** Materials a submission cannot be submitted without. */
export const REQUIRED_COURSE_MATERIALS: readonly CourseMaterialKind[] = ['INSTRUCTOR_MANUAL', 'PARTICIPANT_MANUAL', 'DAILY_AGENDA', 'TOT_MANUAL'];

export const SessionDelivery = { InPerson: 'IN_PERSON', Virtual: 'VIRTUAL' } as const;
export type SessionDelivery = (typeof SessionDelivery)[keyof typeof SessionDelivery];

export const SessionStatus = { Scheduled: 'SCHEDULED', Cancelled: 'CANCELLED' } as const;
export type SessionStatus = (typeof SessionStatus)[keyof typeof SessionStatus];

export const EnrollmentStatus = {
  Enrolled: 'ENROLLED',
  Waitlisted: 'WAITLISTED',
  Withdrawn: 'WITHDRAWN',
  Completed: 'COMPLETED',
} as const;
export type EnrollmentStatus = (typeof EnrollmentStatus)[keyof typeof EnrollmentStatus];

/** Where a completion on a person's training record came from. */
export const CompletionSource = { Session: 'SESSION', External: 'EXTERNAL', Legacy: 'LEGACY' } as const;
export type CompletionSource = (typeof CompletionSource)[keyof typeof CompletionSource];

/** A first submission of a new course, or the every-N-years recertification of an approved one. */
export const CourseSubmissionPurpose = { Initial: 'INITIAL', Recertification: 'RECERTIFICATION' } as const;
export type CourseSubmissionPurpose = (typeof CourseSubmissionPurpose)[keyof typeof CourseSubmissionPurpose];
