// The one policy table: for every Query and Mutation field of the supergraph
// (services/gateway/api-schema.graphql), who may call it. authorization-matrix.test.ts asks every
// field as every caller through the gateway and holds the platform to this table; a field added to
// the schema without a row here fails that test.
//
// A cell is
//   'yes' – allowed (the caller gets data, or an answer about the record or the input: NOT_FOUND,
//           BAD_USER_INPUT, FAILED_PRECONDITION ...);
//   'no'  – refused: UNAUTHENTICATED (no token) or FORBIDDEN, before anything about the input is said;
//   'own' – allowed on the caller's own records only (their person, application, course, session):
//           asked about another person's records it is refused or not found, whatever the input
//           (the matrix asks with bad input too); a field naming no record
//           (a list) answers with the caller's own.
import { ALL_ROLES, Role } from '@cpss/domain';

export const ANONYMOUS = 'ANONYMOUS';
export type Caller = Role | typeof ANONYMOUS;
export type Cell = 'yes' | 'no' | 'own';
export type Row = Record<Caller, Cell>;

/** Everyone the matrix asks as: no token, and each role alone (SERVICE: another subgraph acting as itself). */
export const CALLERS: readonly Caller[] = [ANONYMOUS, ...ALL_ROLES];

const {
  Admin: ADMIN,
  CertificationReviewer: CERT,
  TrainingReviewer: TRAINING,
  EthicsStaff: ETHICS,
  CurriculumDeveloper: DEVELOPER,
  Trainer: TRAINER,
  Applicant: APPLICANT,
  Supervisor: SUPERVISOR,
  Service: SERVICE,
} = Role;

/** Program staff (packages/domain STAFF_ROLES). */
const STAFF: Role[] = [ADMIN, CERT, TRAINING, ETHICS];
/** Certification staff: decide applications and certifications. */
const CERT_STAFF: Role[] = [ADMIN, CERT];
/** Accounts that are people (a person record of their own): their own records are theirs to see. */
const PEOPLE: Role[] = [DEVELOPER, TRAINER, APPLICANT, SUPERVISOR];
/** Everyone but certification staff may still be the applicant (ownership goes by person, not role). */
const APPLICANTS: Role[] = [TRAINING, ETHICS, ...PEOPLE];
const ALL: Role[] = [...ALL_ROLES];

/** A row: these roles 'yes', these 'own', everyone else (and no token) 'no'. */
function row(yes: readonly Role[], own: readonly Role[] = []): Row {
  const r = Object.fromEntries(CALLERS.map((c) => [c, 'no'])) as Row;
  for (const role of own) r[role] = 'own';
  for (const role of yes) r[role] = 'yes';
  return r;
}
/** Anyone, without a token too. */
const PUBLIC: Row = { ...row(ALL), [ANONYMOUS]: 'yes' };
/** Any signed-in caller (for "the signed-in person's ...": their own by definition). */
const SIGNED_IN = row(ALL);

export const AUTHORIZATION_POLICY: Record<string, Row> = {
  // ---- certification: people, applications, certifications, the registry
  'Query.people': row(STAFF),
  'Query.person': row([...STAFF, SERVICE], PEOPLE),
  'Query.me': SIGNED_IN,
  'Query.application': row(STAFF, PEOPLE),
  'Query.applications': row(STAFF, [...PEOPLE, SERVICE]),
  'Query.applicationQueue': row(CERT_STAFF),
  'Query.applicationDocumentContent': row(STAFF, PEOPLE),
  'Query.certification': row(STAFF, PEOPLE),
  'Query.certificationsDue': row(CERT_STAFF),
  'Query.certificationAuditTrail': row([ADMIN]),
  'Query.certificationImportRun': row([ADMIN]),
  'Query.certificationImportRuns': row([ADMIN]),
  'Mutation.startCertificationImport': row([ADMIN]),
  'Query.peopleByCertificationNumbers': row([ADMIN, SERVICE]),
  'Query.certificationPolicyVersions': SIGNED_IN,
  'Query.certificationPolicyInForce': SIGNED_IN,
  'Query.registryLookup': PUBLIC,
  'Query.registrySearch': PUBLIC,
  'Query.certificationStatistics': row(STAFF),
  'Mutation.updatePersonProfile': row(STAFF, PEOPLE),
  'Mutation.createApplication': row(CERT_STAFF, APPLICANTS),
  'Mutation.createRecertification': row(CERT_STAFF, APPLICANTS),
  'Mutation.saveApplicationDraft': row(CERT_STAFF, APPLICANTS),
  'Mutation.uploadApplicationDocument': row(CERT_STAFF, APPLICANTS),
  'Mutation.submitApplication': row(CERT_STAFF, APPLICANTS),
  'Mutation.withdrawApplication': row(CERT_STAFF, APPLICANTS),
  'Mutation.startApplicationReview': row(CERT_STAFF),
  'Mutation.requestMissingItems': row(CERT_STAFF),
  'Mutation.placeApplicationOnHold': row(CERT_STAFF),
  'Mutation.releaseApplicationHold': row(CERT_STAFF),
  'Mutation.approveApplication': row(CERT_STAFF),
  'Mutation.denyApplication': row(CERT_STAFF),
  'Mutation.recordFeePayment': row(CERT_STAFF),
  'Mutation.waiveFee': row(CERT_STAFF),
  // Status changes by certification and ethics staff; relinquishing by the holder (a CPSS signs in
  // as an applicant or a trainer).
  'Mutation.recordCertificationEvent': row([...CERT_STAFF, ETHICS], [APPLICANT, TRAINER]),
  'Mutation.applyCertificationCommand': row([SERVICE]),
  'Mutation.addCertificationPolicyVersion': row([ADMIN]),

  // ---- ethics: the Code, complaints, the outbox
  'Query.codesOfEthics': PUBLIC,
  'Query.codeOfEthicsInForce': PUBLIC,
  'Query.complaint': row([ADMIN, ETHICS]),
  'Query.complaints': row([ADMIN, ETHICS]),
  'Query.ethicsAuditTrail': row([ADMIN]),
  'Query.ethicsOutboundCommands': row([ADMIN]),
  'Query.ethicsImportRun': row([ADMIN]),
  'Query.ethicsImportRuns': row([ADMIN]),
  'Mutation.startEthicsImport': row([ADMIN]),
  'Query.ethicsAcknowledgments': row(STAFF, PEOPLE),
  'Query.publicDisciplinaryStatus': PUBLIC,
  'Query.openComplaintRespondents': row([ADMIN, ETHICS]),
  'Query.ethicsPolicyVersions': SIGNED_IN,
  'Query.ethicsPolicyInForce': SIGNED_IN,
  'Mutation.addCodeOfEthicsVersion': row([ADMIN]),
  'Mutation.signCodeOfEthics': SIGNED_IN,
  'Mutation.fileComplaint': PUBLIC,
  // The case work is ethics staff's alone (admins read complaints but do not decide them).
  'Mutation.recordComplaint': row([ETHICS]),
  'Mutation.acknowledgeComplaint': row([ETHICS]),
  'Mutation.triageComplaint': row([ETHICS]),
  'Mutation.referComplaint': row([ETHICS]),
  'Mutation.notifyRespondent': row([ETHICS]),
  'Mutation.recordRespondentResponse': row([ETHICS]),
  'Mutation.recordRespondentCooperation': row([ETHICS]),
  'Mutation.recordComplaintFindings': row([ETHICS]),
  'Mutation.decideComplaintOutcome': row([ETHICS]),
  'Mutation.appealComplaint': row([ETHICS]),
  'Mutation.decideComplaintAppeal': row([ETHICS]),
  'Mutation.closeComplaint': row([ETHICS]),
  'Mutation.retryOutboundCommand': row([ADMIN]),
  'Mutation.addEthicsPolicyVersion': row([ADMIN]),

  // ---- training: courses and submissions, sessions and enrollments, completions
  'Query.verifyTrainingCertificate': PUBLIC,
  'Query.trainingCatalog': PUBLIC,
  'Query.course': row(STAFF, [DEVELOPER]),
  'Query.courses': row(STAFF, [DEVELOPER]),
  'Query.courseSubmission': row(STAFF, [DEVELOPER]),
  'Query.courseSubmissions': row(STAFF, [DEVELOPER]),
  'Query.courseMaterialFile': row(STAFF, [DEVELOPER]),
  'Query.trainingCompletions': row(STAFF, PEOPLE),
  'Query.trainingAuditTrail': row([ADMIN]),
  'Query.trainingPolicyVersions': SIGNED_IN,
  'Query.trainingPolicyInForce': SIGNED_IN,
  'Query.coursesITeach': row([TRAINER]),
  'Query.trainingSession': row(STAFF, [TRAINER]),
  'Query.trainingSessions': row(STAFF, [TRAINER]),
  'Query.myTrainingEnrollments': SIGNED_IN,
  'Query.myTrainingNotices': SIGNED_IN,
  'Query.trainingStandards': SIGNED_IN,
  'Query.trainingStandardsVersions': SIGNED_IN,
  'Query.trainingStatistics': row(STAFF),
  'Mutation.recordTrainingAttendance': row(STAFF, [TRAINER]),
  'Mutation.recordExternalTrainingCompletion': row([ADMIN, TRAINING]),
  'Mutation.applyTrainingCommand': row([SERVICE]),
  'Query.trainingImportRun': row([ADMIN]),
  'Query.trainingImportRuns': row([ADMIN]),
  'Mutation.startTrainingImport': row([ADMIN]),
  'Mutation.createCourse': row([ADMIN, DEVELOPER]),
  'Mutation.updateCourse': row([ADMIN], [DEVELOPER]),
  // A submission is the course owner's own work; staff review it through the review mutations.
  'Mutation.createCourseSubmission': row([], [DEVELOPER]),
  'Mutation.updateCourseSubmission': row([], [DEVELOPER]),
  'Mutation.uploadCourseMaterial': row([], [DEVELOPER]),
  'Mutation.submitCourseSubmission': row([], [DEVELOPER]),
  'Mutation.resubmitCourseSubmission': row([], [DEVELOPER]),
  'Mutation.checkCourseSubmissionFormat': row([ADMIN, TRAINING]),
  'Mutation.reviewCourseConcepts': row([ADMIN, TRAINING]),
  'Mutation.decideCourseSubmission': row([ADMIN, TRAINING]),
  'Mutation.addTrainingPolicyVersion': row([ADMIN]),
  'Mutation.registerCourseTrainer': row([ADMIN], [DEVELOPER]),
  // A registered trainer schedules sessions of the courses they are registered for.
  'Mutation.scheduleTrainingSession': row([], [TRAINER]),
  'Mutation.rescheduleTrainingSession': row(STAFF, [TRAINER]),
  'Mutation.cancelTrainingSession': row(STAFF, [TRAINER]),
  // A person registers themself (another domain acting as itself is no person); a place is
  // withdrawn by its holder or by staff.
  'Mutation.registerForTrainingSession': row([...STAFF, ...PEOPLE]),
  'Mutation.withdrawFromTrainingSession': row(STAFF, PEOPLE),
  'Mutation.addTrainingStandardsVersion': row([ADMIN]),
};
