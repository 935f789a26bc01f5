// The training domain's GraphQL enums, registered once, named after the stored values.
import { CourseMaterialKind, CourseSubmissionPurpose, CourseStatus, CourseSubmissionStatus, EnrollmentStatus, SessionDelivery, SessionStatus } from '@cpss/domain';
import { graphqlEnum } from '@cpss/server-kit';

export const CourseStatusEnum = graphqlEnum(CourseStatus, 'CourseStatus', 'Approval status of a course');
export const CourseSubmissionStatusEnum = graphqlEnum(CourseSubmissionStatus, 'CourseSubmissionStatus', 'Where a course submission is in its review');
export const CourseSubmissionPurposeEnum = graphqlEnum(CourseSubmissionPurpose, 'CourseSubmissionPurpose', "A new course's submission or an approved course's recertification");
export const CourseMaterialKindEnum = graphqlEnum(CourseMaterialKind, 'CourseMaterialKind', 'What a course material is');
export const SessionDeliveryEnum = graphqlEnum(SessionDelivery, 'SessionDelivery', 'In person or virtual');
export const SessionStatusEnum = graphqlEnum(SessionStatus, 'TrainingSessionStatus', 'Whether a session is still on');
export const EnrollmentStatusEnum = graphqlEnum(EnrollmentStatus, 'EnrollmentStatus', "A participant's place in a session");

/** Whether a trainer may still teach a course: REMOVED when the program removed them as a trainer (an ethics sanction). */
export const TrainerStatus = { Active: 'ACTIVE', Removed: 'REMOVED' } as const;
export type TrainerStatus = (typeof TrainerStatus)[keyof typeof TrainerStatus];
export const TrainerStatusEnum = graphqlEnum(TrainerStatus, 'TrainerStatus', 'Whether a trainer may teach: ACTIVE, or REMOVED as a trainer by the program');

/** numeric columns come back from pg as strings. */
export const numeric = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };
