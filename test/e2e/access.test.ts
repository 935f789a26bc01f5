// Who sees what, asked through the gateway with each role's own sign-in: ownership in every domain,
// and complaint detail kept from everyone but ethics staff, the respondent included.
import { describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PEOPLE } from '@cpss/domain';
import { codes, graphql, signIn } from '../support/client';

const gatewayUrl = inject('gatewayUrl');
const gateway = `${gatewayUrl}/graphql`;

interface Ids {
  applications: { totalCount: number; edges: { node: { id: string } }[] };
}

describe('ownership through the gateway', () => {
  it('an applicant sees only their own applications; staff see all', async () => {
    const LIST = '{ applications(first: 100) { totalCount edges { node { id } } } }';
    const staff = await graphql<Ids>(gateway, LIST, {}, await signIn(gatewayUrl, 'reviewer@demo.cpss'));
    const applicantToken = await signIn(gatewayUrl, 'applicant@demo.cpss');
    const own = await graphql<Ids>(gateway, LIST, {}, applicantToken);
    const mine = await graphql<Ids>(
      gateway,
      'query($p: ID!) { applications(first: 100, personId: $p) { totalCount edges { node { id } } } }',
      { p: DEMO_PEOPLE[0]!.id },
      await signIn(gatewayUrl, 'reviewer@demo.cpss'),
    );
    expect(own.errors).toBeUndefined();
    const ownIds = own.data!.applications.edges.map((e) => e.node.id).sort();
    expect(ownIds).toEqual(mine.data!.applications.edges.map((e) => e.node.id).sort());
    expect(staff.data!.applications.totalCount).toBeGreaterThan(ownIds.length);

    const someoneElses = staff.data!.applications.edges.map((e) => e.node.id).find((id) => !ownIds.includes(id))!;
    const refused = await graphql(gateway, 'query($id: ID!) { application(id: $id) { id status } }', { id: someoneElses }, applicantToken);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
  });

  it('a trainer sees their own sessions; an applicant may not list sessions', async () => {
    const trainer = await graphql<{ trainingSessions: { totalCount: number } }>(
      gateway,
      '{ trainingSessions { totalCount } }',
      {},
      await signIn(gatewayUrl, 'trainer@demo.cpss'),
    );
    expect(trainer.errors).toBeUndefined();
    expect(trainer.data!.trainingSessions.totalCount).toBeGreaterThan(0);
    const applicant = await graphql(gateway, '{ trainingSessions { totalCount } }', {}, await signIn(gatewayUrl, 'applicant@demo.cpss'));
    expect(codes(applicant)).toEqual(['FORBIDDEN']);
  });
});

describe('course owners and trainers through the gateway', () => {
  const accountId = (email: string) => DEMO_ACCOUNTS.find((a) => a.email === email)!.id;
  const COURSES = '{ courses(first: 100) { edges { node { id title ownerId } } } }';
  const SUBMISSIONS = '{ courseSubmissions(first: 100) { edges { node { id course { id ownerId } } } } }';
  type Courses = { courses: { edges: { node: { id: string; title: string; ownerId: string } }[] } };
  type Submissions = { courseSubmissions: { edges: { node: { id: string; course: { id: string; ownerId: string } } }[] } };

  it('a curriculum developer sees only their own courses and submissions; another owner’s are refused', async () => {
    const second = await signIn(gatewayUrl, 'developer2@demo.cpss');
    // The second owner starts a submission of a course of their own.
    const created = await graphql<{ createCourse: { id: string } }>(
      gateway,
      'mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }',
      { input: { title: `Peer Mentoring Basics ${Date.now()}`, kind: 'ELECTIVE', faceToFaceHours: 2, preWorkHours: 0 } },
      second,
    );
    expect(created.errors).toBeUndefined();
    const courseId = created.data!.createCourse.id;
    const standards = await graphql<{ trainingStandards: { domains: { coreConcepts: { id: string }[] }[] } }>(gateway, '{ trainingStandards { domains { coreConcepts { id } } } }', {}, second);
    const crosswalk = standards.data!.trainingStandards.domains.flatMap((d) => d.coreConcepts).map((c) => ({ conceptId: c.id, material: 'PARTICIPANT_MANUAL', location: 'Module 1', agendaBlock: 'Morning' }));
    const draft = await graphql<{ createCourseSubmission: { id: string } }>(
      gateway,
      'mutation($input: CreateCourseSubmissionInput!) { createCourseSubmission(input: $input) { id } }',
      { input: { courseId, agenda: [{ day: 1, title: 'Mentoring in practice', hours: 2 }], crosswalk } },
      second,
    );
    expect(draft.errors).toBeUndefined();
    const submissionId = draft.data!.createCourseSubmission.id;

    const first = await signIn(gatewayUrl, 'developer@demo.cpss');
    const own = await graphql<Courses>(gateway, COURSES, {}, first);
    expect(own.errors).toBeUndefined();
    expect(own.data!.courses.edges.length).toBeGreaterThan(0);
    expect(new Set(own.data!.courses.edges.map((e) => e.node.ownerId))).toEqual(new Set([accountId('developer@demo.cpss')]));
    const ownSubmissions = await graphql<Submissions>(gateway, SUBMISSIONS, {}, first);
    expect(ownSubmissions.data!.courseSubmissions.edges.map((e) => e.node.id)).not.toContain(submissionId);
    expect(ownSubmissions.data!.courseSubmissions.edges.every((e) => e.node.course.ownerId === accountId('developer@demo.cpss'))).toBe(true);
    for (const [query, id] of [['query($id: ID!) { course(id: $id) { title } }', courseId], ['query($id: ID!) { courseSubmission(id: $id) { status } }', submissionId]] as const) {
      const refused = await graphql(gateway, query, { id }, first);
      expect(codes(refused)).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(refused.data ?? null)).not.toContain('Peer Mentoring');
    }

    // The second owner sees theirs (the seeded one and the new one) and none of the first's.
    const theirs = await graphql<Courses>(gateway, COURSES, {}, second);
    expect(new Set(theirs.data!.courses.edges.map((e) => e.node.ownerId))).toEqual(new Set([accountId('developer2@demo.cpss')]));
    expect(theirs.data!.courses.edges.map((e) => e.node.id)).toContain(courseId);
    const theirSubmissions = await graphql<Submissions>(gateway, SUBMISSIONS, {}, second);
    expect(theirSubmissions.data!.courseSubmissions.edges.map((e) => e.node.id)).toEqual([submissionId]);
    // Training staff see both owners' courses.
    const staff = await graphql<Courses>(gateway, COURSES, {}, await signIn(gatewayUrl, 'training.reviewer@demo.cpss'));
    expect(new Set(staff.data!.courses.edges.map((e) => e.node.ownerId))).toEqual(new Set([accountId('developer@demo.cpss'), accountId('developer2@demo.cpss')]));
  });

  it('a trainer sees only their own sessions and rosters; another trainer’s are refused', async () => {
    const SESSIONS = '{ trainingSessions(first: 100) { edges { node { id trainerPersonId roster { personId } } } } }';
    type Sessions = { trainingSessions: { edges: { node: { id: string; trainerPersonId: string; roster: { personId: string }[] } }[] } };
    const [ben, frank] = [DEMO_PEOPLE[1]!.id, DEMO_PEOPLE[5]!.id];
    const firstToken = await signIn(gatewayUrl, 'trainer@demo.cpss');
    const secondToken = await signIn(gatewayUrl, 'trainer2@demo.cpss');
    const first = await graphql<Sessions>(gateway, SESSIONS, {}, firstToken);
    const second = await graphql<Sessions>(gateway, SESSIONS, {}, secondToken);
    expect(first.errors).toBeUndefined();
    expect(new Set(first.data!.trainingSessions.edges.map((e) => e.node.trainerPersonId))).toEqual(new Set([ben]));
    expect(new Set(second.data!.trainingSessions.edges.map((e) => e.node.trainerPersonId))).toEqual(new Set([frank]));
    const frankSession = second.data!.trainingSessions.edges[0]!.node;
    expect(frankSession.roster.length).toBeGreaterThan(0);
    const refused = await graphql(gateway, 'query($id: ID!) { trainingSession(id: $id) { roster { personId } } }', { id: frankSession.id }, firstToken);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(refused.data ?? null)).not.toContain(frankSession.roster[0]!.personId);
  });
});

describe('complaint confidentiality through the gateway', () => {
  const DETAIL = `{ complaints(first: 100) { edges { node { id referenceNumber summary complainant { name email } } } } }`;

  it('ethics staff read the case detail', async () => {
    const res = await graphql<{ complaints: { edges: { node: { summary: string; complainant: { name: string } } }[] } }>(
      gateway,
      DETAIL,
      {},
      await signIn(gatewayUrl, 'ethics@demo.cpss'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.complaints.edges.length).toBeGreaterThan(0);
  });

  it('the respondent, a certification reviewer and an applicant reach no detail by any path', async () => {
    const staff = await graphql<{ complaints: { edges: { node: { id: string; referenceNumber: string; summary: string; complainant: { name: string } } }[] } }>(
      gateway,
      DETAIL,
      {},
      await signIn(gatewayUrl, 'ethics@demo.cpss'),
    );
    const secrets = staff.data!.complaints.edges.flatMap((e) => [e.node.summary, e.node.complainant.name]);
    const anyId = staff.data!.complaints.edges[0]!.node.id;
    const respondent = DEMO_PEOPLE[1]!; // the demo trainer, respondent of a demo complaint
    for (const email of ['trainer@demo.cpss', 'reviewer@demo.cpss', 'applicant@demo.cpss']) {
      const token = await signIn(gatewayUrl, email);
      const attempts = [
        await graphql(gateway, DETAIL, {}, token),
        await graphql(gateway, 'query($id: ID!) { complaint(id: $id) { summary complainant { name } } }', { id: anyId }, token),
        await graphql(gateway, '{ me { complaints { summary complainant { name } } } }', {}, token),
        await graphql(gateway, 'query($id: ID!) { person(id: $id) { complaints { summary } sanctions { kind } } }', { id: respondent.id }, token),
      ];
      for (const res of attempts) {
        const noPersonLinked = (res.data as { me?: unknown } | null | undefined)?.me === null;
        expect(codes(res).length > 0 || noPersonLinked, `${email} got no error`).toBe(true);
        expect(codes(res).every((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED'), `${email}: ${JSON.stringify(codes(res))}`).toBe(true);
        const body = JSON.stringify(res);
        for (const secret of secrets) expect(body).not.toContain(secret);
      }
    }
  });
});

describe('one question across the three domains', () => {
  it('gives an admin a person’s certification, training hours and complaint history in one query', async () => {
    const ben = DEMO_PEOPLE[1]!;
    const res = await graphql<{
      person: { legalName: string; certifications: { number: string; status: string }[]; trainingHours: number; complaints: { referenceNumber: string }[]; publicDisciplinaryStatus: { standing: string } };
    }>(
      gateway,
      'query($id: ID!) { person(id: $id) { legalName certifications { number status } trainingHours complaints { referenceNumber } publicDisciplinaryStatus { standing } } }',
      { id: ben.id },
      await signIn(gatewayUrl, 'admin@demo.cpss'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.person.legalName).toBe(ben.legalName);
    expect(res.data!.person.certifications.length).toBeGreaterThan(0);
    expect(res.data!.person.trainingHours).toBeGreaterThan(0);
    expect(res.data!.person.complaints.length).toBeGreaterThan(0);
    expect(res.data!.person.publicDisciplinaryStatus.standing).toBeTruthy();
  });
});
