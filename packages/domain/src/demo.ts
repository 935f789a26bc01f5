// Demo fixtures seeded by `npm start` into an empty database. Each subgraph seeds its own tables
// from these, so the ids agree across domains without any subgraph reading another's tables.
import { Role } from './roles';
import { CourseKind } from './training';

export const DEMO_PASSWORD = 'peer-support-demo';

export interface DemoPerson {
  id: string;
  legalName: string;
  preferredName: string | null;
  email: string;
  dateOfBirth: string;
  county: string;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { id: '0b5a4a8e-6f0e-4c2a-9a51-1f0c3c1e0001', legalName: 'Alicia Marie Moore', preferredName: 'Ali', email: 'alicia.moore@example.org', dateOfBirth: '1984-03-12', county: 'Wake' },
  { id: '0b5a4a8e-6f0e-4c2a-9a51-1f0c3c1e0002', legalName: 'Benjamin Okafor', preferredName: null, email: 'ben.okafor@example.org', dateOfBirth: '1979-11-02', county: 'Durham' },
  { id: '0b5a4a8e-6f0e-4c2a-9a51-1f0c3c1e0003', legalName: 'Carmen Reyes', preferredName: null, email: 'carmen.reyes@example.org', dateOfBirth: '1991-06-21', county: 'Mecklenburg' },
  { id: '0b5a4a8e-6f0e-4c2a-9a51-1f0c3c1e0004', legalName: 'Dwayne Lowry', preferredName: 'D', email: 'dwayne.lowry@example.org', dateOfBirth: '1968-01-30', county: 'Robeson' },
  { id: '0b5a4a8e-6f0e-4c2a-9a51-1f0c3c1e0005', legalName: 'Elena Sokolova', preferredName: null, email: 'elena.sokolova@example.org', dateOfBirth: '1988-09-09', county: 'Buncombe' },
  { id: '0b5a4a8e-6f0e-4c2a-9a51-1f0c3c1e0006', legalName: 'Frank Whitfield', preferredName: 'Frankie', email: 'frank.whitfield@example.org', dateOfBirth: '1975-04-17', county: 'Guilford' },
  { id: '0b5a4a8e-6f0e-4c2a-9a51-1f0c3c1e0007', legalName: 'Grace Nguyen', preferredName: null, email: 'grace.nguyen@example.org', dateOfBirth: '1995-12-01', county: 'Forsyth' },
  { id: '0b5a4a8e-6f0e-4c2a-9a51-1f0c3c1e0008', legalName: 'Harold Jacobs', preferredName: 'Hal', email: 'harold.jacobs@example.org', dateOfBirth: '1962-07-04', county: 'Onslow' },
  { id: '0b5a4a8e-6f0e-4c2a-9a51-1f0c3c1e0009', legalName: 'Isabel Ortiz', preferredName: 'Isa', email: 'isabel.ortiz@example.org', dateOfBirth: '1990-02-14', county: 'Cumberland' },
];

export interface DemoAccount {
  /** Fixed, so other subgraphs' seeds can name an account as owner (e.g. the demo developer's courses). */
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  personId: string | null;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { id: '7c1d2e3f-0000-4000-8000-000000000001', email: 'admin@demo.cpss', displayName: 'Avery Admin', roles: [Role.Admin], personId: null },
  { id: '7c1d2e3f-0000-4000-8000-000000000002', email: 'reviewer@demo.cpss', displayName: 'Rita Reviewer', roles: [Role.CertificationReviewer], personId: null },
  { id: '7c1d2e3f-0000-4000-8000-000000000003', email: 'training.reviewer@demo.cpss', displayName: 'Theo Training-Reviewer', roles: [Role.TrainingReviewer], personId: null },
  { id: '7c1d2e3f-0000-4000-8000-000000000004', email: 'ethics@demo.cpss', displayName: 'Esther Ethics', roles: [Role.EthicsStaff], personId: null },
  { id: '7c1d2e3f-0000-4000-8000-000000000005', email: 'developer@demo.cpss', displayName: 'Dana Developer', roles: [Role.CurriculumDeveloper], personId: null },
  { id: '7c1d2e3f-0000-4000-8000-000000000006', email: 'trainer@demo.cpss', displayName: 'Ben Okafor (trainer)', roles: [Role.Trainer, Role.Applicant], personId: DEMO_PEOPLE[1]!.id },
  { id: '7c1d2e3f-0000-4000-8000-000000000007', email: 'applicant@demo.cpss', displayName: 'Alicia Moore (applicant)', roles: [Role.Applicant], personId: DEMO_PEOPLE[0]!.id },
  { id: '7c1d2e3f-0000-4000-8000-000000000008', email: 'supervisor@demo.cpss', displayName: 'Sam Supervisor', roles: [Role.Supervisor], personId: null },
  // A second course owner and a second trainer, so each one's screens show only their own work.
  { id: '7c1d2e3f-0000-4000-8000-000000000009', email: 'developer2@demo.cpss', displayName: 'Morgan Mills (Recovery Academy)', roles: [Role.CurriculumDeveloper], personId: null },
  // Trained this year and about to apply: no application yet.
  { id: '7c1d2e3f-0000-4000-8000-00000000000b', email: 'applicant2@demo.cpss', displayName: 'Isabel Ortiz (new applicant)', roles: [Role.Applicant], personId: DEMO_PEOPLE[8]!.id },
  { id: '7c1d2e3f-0000-4000-8000-00000000000a', email: 'trainer2@demo.cpss', displayName: 'Frank Whitfield (trainer)', roles: [Role.Trainer, Role.Applicant], personId: DEMO_PEOPLE[5]!.id },
];

export interface DemoCompletion {
  personId: string;
  courseTitle: string;
  kind: CourseKind;
  hours: number;
  completedOn: string;
}

export const DEMO_COMPLETIONS: readonly DemoCompletion[] = [
  { personId: DEMO_PEOPLE[0]!.id, courseTitle: 'NC Peer Support Specialist Training', kind: CourseKind.CorePss, hours: 40, completedOn: '2025-09-19' },
  { personId: DEMO_PEOPLE[0]!.id, courseTitle: 'Ethics and Peer Support Boundaries', kind: CourseKind.EthicsAndBoundaries, hours: 3, completedOn: '2025-10-02' },
  { personId: DEMO_PEOPLE[0]!.id, courseTitle: 'WRAP Seminar I', kind: CourseKind.Elective, hours: 16, completedOn: '2025-11-14' },
  { personId: DEMO_PEOPLE[1]!.id, courseTitle: 'NC Peer Support Specialist Training', kind: CourseKind.CorePss, hours: 40, completedOn: '2021-05-07' },
  { personId: DEMO_PEOPLE[1]!.id, courseTitle: 'Training of Trainers', kind: CourseKind.TrainingOfTrainers, hours: 24, completedOn: '2022-02-11' },
  { personId: DEMO_PEOPLE[2]!.id, courseTitle: 'Person Centered Thinking', kind: CourseKind.Elective, hours: 12, completedOn: '2024-08-30' },
  { personId: DEMO_PEOPLE[3]!.id, courseTitle: 'Veteran Peer Support', kind: CourseKind.Designation, hours: 8, completedOn: '2023-03-03' },
  { personId: DEMO_PEOPLE[4]!.id, courseTitle: 'Crisis Prevention', kind: CourseKind.Elective, hours: 6, completedOn: '2025-01-22' },
  { personId: DEMO_PEOPLE[5]!.id, courseTitle: 'Training of Trainers', kind: CourseKind.TrainingOfTrainers, hours: 24, completedOn: '2023-06-16' },
  { personId: DEMO_PEOPLE[8]!.id, courseTitle: 'NC Peer Support Specialist Training', kind: CourseKind.CorePss, hours: 40, completedOn: '2026-03-06' },
  { personId: DEMO_PEOPLE[8]!.id, courseTitle: 'Ethics and Peer Support Boundaries', kind: CourseKind.EthicsAndBoundaries, hours: 3, completedOn: '2026-03-20' },
  { personId: DEMO_PEOPLE[8]!.id, courseTitle: 'WRAP Seminar I', kind: CourseKind.Elective, hours: 16, completedOn: '2026-05-08' },
];

export interface DemoAcknowledgment {
  personId: string;
  codeVersion: string;
  signedOn: string;
}

export const DEMO_ACKNOWLEDGMENTS: readonly DemoAcknowledgment[] = [
  { personId: DEMO_PEOPLE[0]!.id, codeVersion: '2019', signedOn: '2025-11-20' },
  { personId: DEMO_PEOPLE[1]!.id, codeVersion: '2013', signedOn: '2017-04-02' },
  { personId: DEMO_PEOPLE[1]!.id, codeVersion: '2019', signedOn: '2021-05-10' },
  { personId: DEMO_PEOPLE[2]!.id, codeVersion: '2019', signedOn: '2024-09-15' },
  { personId: DEMO_PEOPLE[5]!.id, codeVersion: '2019', signedOn: '2022-06-01' },
];

/** The demo curriculum developer's account id (owner of the demo courses). */
export const DEMO_DEVELOPER_ACCOUNT_ID = DEMO_ACCOUNTS.find((a) => a.email === 'developer@demo.cpss')!.id;

/** The second course owner's account id (owner of one demo course of their own). */
export const DEMO_SECOND_DEVELOPER_ACCOUNT_ID = DEMO_ACCOUNTS.find((a) => a.email === 'developer2@demo.cpss')!.id;
