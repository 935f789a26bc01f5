// Demo data for `npm start` on an empty database: approved courses, the demo trainer (Ben Okafor,
// who has a TOT completion) registered for them, upcoming sessions and a few registrations, a
// session held last week whose attendance is still to be recorded; a second owner's course and a
// second trainer (Frank Whitfield) with a session of their own.
// Course owners are accounts: the demo courses belong to the demo curriculum developer's account,
// whose id is fixed in @cpss/domain so this seed can name it without reading the gateway's tables.
import { CourseKind, CourseStatus, DEMO_DEVELOPER_ACCOUNT_ID, DEMO_PEOPLE, DEMO_SECOND_DEVELOPER_ACCOUNT_ID, EnrollmentStatus, SessionDelivery, SessionStatus } from '@cpss/domain';
import { addBusinessDays, dates, recordStatusChange, systemClock, type Clock, type Logger } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import { Course } from '../entities/course';
import { CourseTrainer, SessionDay, TrainingSession } from '../entities/session';
import { seedDemoCompletions } from './training-record.service';

export const DEMO_COURSE_OWNER = DEMO_DEVELOPER_ACCOUNT_ID;

export async function seedDemoTraining(dataSource: DataSource, logger: Logger, clock: Clock = systemClock): Promise<void> {
  await seedDemoCompletions(dataSource, logger);
  await dataSource.transaction(async (tx) => {
    if ((await tx.getRepository(Course).count()) > 0) return;
    const today = clock.today();
    const approvedOn = dates.addMonths(today, -13);
    const courses = await tx.getRepository(Course).save([
      { ownerId: DEMO_COURSE_OWNER, title: 'NC Peer Support Specialist Training', kind: CourseKind.CorePss, faceToFaceHours: 40, preWorkHours: 10, childAndFamily: false, status: CourseStatus.Approved, approvedOn, expiresOn: dates.addYears(approvedOn, 5), version: 1 },
      { ownerId: DEMO_COURSE_OWNER, title: 'Ethics and Peer Support Boundaries', kind: CourseKind.EthicsAndBoundaries, faceToFaceHours: 3, preWorkHours: 0, childAndFamily: false, status: CourseStatus.Approved, approvedOn, expiresOn: dates.addYears(approvedOn, 5), version: 1 },
      { ownerId: DEMO_COURSE_OWNER, title: 'Supporting Families of Youth in Recovery', kind: CourseKind.Elective, faceToFaceHours: 6, preWorkHours: 0, childAndFamily: true, status: CourseStatus.Draft, approvedOn: null, expiresOn: null, version: 1 },
      { ownerId: DEMO_SECOND_DEVELOPER_ACCOUNT_ID, title: 'Wellness Recovery Action Planning for Peers', kind: CourseKind.Elective, faceToFaceHours: 12, preWorkHours: 0, childAndFamily: false, status: CourseStatus.Approved, approvedOn, expiresOn: dates.addYears(approvedOn, 5), version: 1 },
    ]);
    for (const c of courses) await recordStatusChange(tx, { subjectType: 'Course', subjectId: c.id, from: null, to: c.status, actor: 'demo-seed', facts: { approvedOn: c.approvedOn } });
    const [core, ethics, , wrap] = courses as [Course, Course, Course, Course];
    const trainer = DEMO_PEOPLE[1]!.id;
    const secondTrainer = DEMO_PEOPLE[5]!.id;
    await tx.getRepository(CourseTrainer).insert([
      ...[core, ethics].map((c) => ({ courseId: c.id, personId: trainer, registeredBy: DEMO_COURSE_OWNER, registeredOn: approvedOn })),
      { courseId: wrap.id, personId: secondTrainer, registeredBy: DEMO_SECOND_DEVELOPER_ACCOUNT_ID, registeredOn: approvedOn },
    ]);

    const coreStart = addBusinessDays(today, 25);
    const coreDays = [0, 1, 2, 3, 4].map((i) => addBusinessDays(coreStart, i));
    const ethicsDay = addBusinessDays(today, 10);
    const heldDay = addBusinessDays(today, -3);
    const wrapDays = [addBusinessDays(today, 15), addBusinessDays(today, 16)];
    const sessions = await tx.getRepository(TrainingSession).save([
      { courseId: core.id, trainerPersonId: trainer, status: SessionStatus.Scheduled, delivery: SessionDelivery.InPerson, address: '300 W Morgan St, Durham, NC', county: 'Durham', meetingUrl: null, capacity: 20, registrationOpensOn: today, registrationClosesOn: dates.addDays(coreStart, -3), firstDay: coreDays[0]!, lastDay: coreDays[4]!, version: 1 },
      { courseId: ethics.id, trainerPersonId: trainer, status: SessionStatus.Scheduled, delivery: SessionDelivery.Virtual, address: null, county: null, meetingUrl: 'https://meet.example.org/cpss-ethics', capacity: 20, registrationOpensOn: today, registrationClosesOn: dates.addDays(ethicsDay, -1), firstDay: ethicsDay, lastDay: ethicsDay, version: 1 },
      { courseId: ethics.id, trainerPersonId: trainer, status: SessionStatus.Scheduled, delivery: SessionDelivery.InPerson, address: '4 W Edenton St, Raleigh, NC', county: 'Wake', meetingUrl: null, capacity: 12, registrationOpensOn: dates.addDays(heldDay, -30), registrationClosesOn: dates.addDays(heldDay, -1), firstDay: heldDay, lastDay: heldDay, version: 1 },
      { courseId: wrap.id, trainerPersonId: secondTrainer, status: SessionStatus.Scheduled, delivery: SessionDelivery.InPerson, address: '1101 N Elm St, Greensboro, NC', county: 'Guilford', meetingUrl: null, capacity: 15, registrationOpensOn: today, registrationClosesOn: dates.addDays(wrapDays[0]!, -2), firstDay: wrapDays[0]!, lastDay: wrapDays[1]!, version: 1 },
    ]);
    const [coreSession, ethicsSession, heldSession, wrapSession] = sessions as [TrainingSession, TrainingSession, TrainingSession, TrainingSession];
    await tx.getRepository(SessionDay).insert([
      ...coreDays.map((date) => ({ sessionId: coreSession.id, date, hours: 8 })),
      { sessionId: ethicsSession.id, date: ethicsDay, hours: 3 },
      { sessionId: heldSession.id, date: heldDay, hours: 3 },
      ...wrapDays.map((date) => ({ sessionId: wrapSession.id, date, hours: 6 })),
    ]);
    for (const s of sessions) await recordStatusChange(tx, { subjectType: 'TrainingSession', subjectId: s.id, from: null, to: SessionStatus.Scheduled, actor: 'demo-seed' });
    const registrations = [
      [ethicsSession.id, DEMO_PEOPLE[0]!.id], [coreSession.id, DEMO_PEOPLE[2]!.id], [coreSession.id, DEMO_PEOPLE[6]!.id],
      [heldSession.id, DEMO_PEOPLE[2]!.id], [heldSession.id, DEMO_PEOPLE[3]!.id], [heldSession.id, DEMO_PEOPLE[4]!.id],
      [wrapSession.id, DEMO_PEOPLE[7]!.id],
    ] as const;
    for (const [sessionId, personId] of registrations) {
      await tx.query(`insert into enrollment (session_id, person_id, status) values ($1, $2, $3)`, [sessionId, personId, EnrollmentStatus.Enrolled]);
    }
    logger.info({ courses: courses.length, sessions: sessions.length }, 'seeded demo courses and sessions');
  });
}
