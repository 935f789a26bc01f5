// What other domains and the gateway read from training: the trainer profile on Person, the hours
// since the last certification on Certification, training records for the SERVICE role, people on
// rosters and trainer lists, and references to courses and sessions — each batched per request.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cpss/domain';
import { errorCodes } from '@cpss/testkit';
import { sqlStatementsOf } from '@cpss/testkit/vitest';
import { approvedCourse, dev, reviewer } from './course-fixtures';
import { as, gql, useTrainingDatabase, type App } from './harness';
import { participant, plan, REGISTER, registerTrainer, schedule, TODAY, totTrainedPerson, trainer, WEEK } from './session-fixtures';

const t = useTrainingDatabase();
let app: App;
let courseId: string;
let otherCourseId: string;
/** Trainers with a profile: two sessions each (one cancelled), the first also on the other course. */
const trainers: string[] = [];
const sessions: Record<string, { id: string; version: number }[]> = {};

const STAFF = [Role.Admin, Role.CertificationReviewer, Role.TrainingReviewer, Role.EthicsStaff];
const service = () => as([Role.Service], null, 'service:certification');
const entities = (typename: string, reps: Record<string, unknown>[], fields: string) => ({
  query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${fields} } } }`,
  variables: { r: reps.map((r) => ({ __typename: typename, ...r })) },
});
async function entitiesOf<T>(typename: string, reps: Record<string, unknown>[], fields: string, token?: { token: string }) {
  const { query, variables } = entities(typename, reps, fields);
  const res = await gql(app, query, variables, token);
  return { res, list: (res.body.data?.['_entities'] ?? []) as T[] };
}

beforeAll(async () => {
  app = await t.appOn(TODAY);
  const inWindow = await t.appOn('2026-04-02');
  courseId = await approvedCourse(inWindow);
  otherCourseId = await approvedCourse(inWindow, 'dev-2', { title: 'Advanced Peer Support' });
  for (let i = 0; i < 4; i++) {
    const id = await totTrainedPerson(t.ds);
    trainers.push(id);
    await registerTrainer(app, courseId, id);
    const later = await schedule(app, id, plan(courseId, { days: WEEK(1, '2027-02'), registrationClosesOn: '2027-01-29' }));
    const sooner = await schedule(app, id, plan(courseId));
    const gone = await schedule(app, id, plan(courseId, { days: WEEK(8, '2027-03'), registrationClosesOn: '2027-03-01' }));
    await gql(app, `mutation($input: CancelTrainingSessionInput!) { cancelTrainingSession(input: $input) { status } }`, { input: { sessionId: gone.id, expectedVersion: gone.version, reason: 'venue lost' } }, await trainer(id));
    sessions[id] = [sooner, later];
  }
  await registerTrainer(app, otherCourseId, trainers[0]!, 'dev-2');
});

describe('Person.trainerProfile', () => {
  const PROFILE = 'id trainerProfile { status registrations { courseId status person { id } course { title } } upcomingSessions { id firstDay course { title } } }';
  type Profile = { id: string; trainerProfile: { status: string; registrations: { courseId: string; status: string; person: { id: string }; course: { title: string } }[]; upcomingSessions: { id: string; firstDay: string }[] } | null };

  it('shows staff a trainer’s registrations and sessions not yet started, by first day; null for someone never registered', async () => {
    const stranger = randomUUID();
    for (const role of STAFF) {
      const { res, list } = await entitiesOf<Profile>('Person', [{ id: trainers[0] }, { id: stranger }], PROFILE, await as([role]));
      expect(errorCodes(res)).toEqual([]);
      const profile = list[0]!.trainerProfile!;
      // Both registered the same day: their order between them is not meaningful.
      expect({ ...profile, registrations: [...profile.registrations].sort((a, b) => (a.course.title < b.course.title ? 1 : -1)) }).toEqual({
        status: 'ACTIVE',
        registrations: [
          { courseId, status: 'ACTIVE', person: { id: trainers[0] }, course: { title: 'Peer Support Specialist Training' } },
          { courseId: otherCourseId, status: 'ACTIVE', person: { id: trainers[0] }, course: { title: 'Advanced Peer Support' } },
        ],
        upcomingSessions: sessions[trainers[0]!]!.map((s, i) => ({ id: s.id, firstDay: ['2027-01-11', '2027-02-01'][i], course: { title: 'Peer Support Specialist Training' } })),
      });
      expect(list[1]).toEqual({ id: stranger, trainerProfile: null });
    }
  });

  it('is for program staff and the person themself only', async () => {
    const own = await entitiesOf<Profile>('Person', [{ id: trainers[1] }], PROFILE, await trainer(trainers[1]!));
    expect(errorCodes(own.res)).toEqual([]);
    expect(own.list[0]!.trainerProfile!.status).toBe('ACTIVE');
    for (const token of [await trainer(trainers[2]!), await dev(), await service(), await as([Role.Supervisor])]) {
      expect(errorCodes((await entitiesOf<Profile>('Person', [{ id: trainers[1] }], PROFILE, token)).res)).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes((await entitiesOf<Profile>('Person', [{ id: trainers[1] }], PROFILE)).res)).toEqual(['UNAUTHENTICATED']);
  });

  it('says REMOVED once ethics removed the person as a trainer, with nothing upcoming', async () => {
    const removed = await totTrainedPerson(t.ds);
    await registerTrainer(app, otherCourseId, removed, 'dev-2');
    await schedule(app, removed, plan(otherCourseId, { days: WEEK(8, '2027-03'), registrationClosesOn: '2027-03-01' }));
    const cmd = { idempotencyKey: randomUUID(), type: 'REMOVE_TRAINER', sourceDomain: 'ethics', payload: { personId: removed, sanctionId: randomUUID(), effectiveFrom: TODAY, effectiveUntil: null } };
    const applied = await gql(app, `mutation($input: CrossDomainCommandInput!) { applyTrainingCommand(input: $input) { appliedNow } }`, { input: cmd }, await as([Role.Service], null, 'service:ethics'));
    expect(errorCodes(applied)).toEqual([]);
    const { list } = await entitiesOf<Profile>('Person', [{ id: removed }], PROFILE, await reviewer());
    expect(list[0]!.trainerProfile).toMatchObject({ status: 'REMOVED', registrations: [{ status: 'REMOVED' }], upcomingSessions: [] });
  });

  it('reads the profiles of many people in the same number of statements as of one', async () => {
    const token = await as([Role.Admin]);
    const { query } = entities('Person', [], PROFILE);
    const run = (ids: string[]) => sqlStatementsOf(() => gql(app, query, { r: ids.map((id) => ({ __typename: 'Person', id })) }, token));
    const one = await run([trainers[0]!]);
    const many = await run([...trainers, randomUUID(), randomUUID()]);
    expect(errorCodes(many.result)).toEqual([]);
    expect((many.result.body.data!['_entities'] as Profile[]).filter((p) => p.trainerProfile).length).toBe(4);
    expect(many.statements).toBe(one.statements);
    // As the person view asks it: the same statements whether anyone has a profile or not.
    const light = entities('Person', [], 'trainerProfile { status upcomingSessions { id } }').query;
    const lightRun = (ids: string[]) => sqlStatementsOf(() => gql(app, light, { r: ids.map((id) => ({ __typename: 'Person', id })) }, token));
    expect((await lightRun([randomUUID(), randomUUID()])).statements).toBe(2);
    expect((await lightRun([...trainers, randomUUID()])).statements).toBe(2);
  });
});

describe('Person.trainingCompletions for other domains', () => {
  it('may be read by the SERVICE role (certification builds eligibility from it); the totals stay staff or self', async () => {
    const person = trainers[3]!;
    const { res, list } = await entitiesOf<{ trainingCompletions: unknown[] }>('Person', [{ id: person }], 'trainingCompletions { courseTitle kind hours completedOn childAndFamily countsTowardCertification source }', await service());
    expect(errorCodes(res)).toEqual([]);
    expect(list[0]!.trainingCompletions).toEqual([{ courseTitle: 'Training of Trainers', kind: 'TRAINING_OF_TRAINERS', hours: 24, completedOn: '2025-01-10', childAndFamily: false, countsTowardCertification: true, source: 'LEGACY' }]);
    expect(errorCodes((await entitiesOf('Person', [{ id: person }], 'trainingHours', await service())).res)).toEqual(['FORBIDDEN']);
    expect(errorCodes((await entitiesOf('Person', [{ id: person }], 'trainingCompletions { hours }', await participant(randomUUID()))).res)).toEqual(['FORBIDDEN']);
  });
});

describe('Certification: hours since the last certification', () => {
  const HOURS = 'id trainingHoursSinceLastCertification ethicsTrainingHoursSinceLastCertification';
  type Hours = { id: string; trainingHoursSinceLastCertification: number; ethicsTrainingHoursSinceLastCertification: number };
  const people: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 12; i++) {
      const id = randomUUID();
      people.push(id);
      await t.ds.query(
        `insert into training_completion (person_id, course_title, kind, hours, completed_on, course_id) values
           ($1, 'Ethics and Peer Support Boundaries', 'ETHICS_AND_BOUNDARIES', 3, '2025-07-01', null),
           ($1, 'WRAP Seminar I', 'ELECTIVE', 8.5, '2025-08-15', null),
           ($1, 'On the day of certification', 'ELECTIVE', 6, '2025-06-10', null),
           ($1, 'Before', 'ELECTIVE', 20, '2025-01-05', null),
           ($1, 'Before the course was approved', 'ELECTIVE', 12, '2026-01-05', $2)`,
        [id, courseId],
      );
    }
  });

  it('counts hours that count toward certification completed after lastCertifiedOn, and the ethics hours among them', async () => {
    const reps = [
      { id: 'cert-1', personId: people[0], lastCertifiedOn: '2025-06-10' },
      { id: 'cert-2', personId: people[1], lastCertifiedOn: '2025-07-01' },
      { id: 'cert-3', personId: randomUUID(), lastCertifiedOn: '2024-01-01' },
      // The same person twice with different dates: each answered for its own date.
      { id: 'cert-4', personId: people[0], lastCertifiedOn: '2024-12-31' },
    ];
    for (const role of STAFF) {
      const { res, list } = await entitiesOf<Hours>('Certification', reps, HOURS, await as([role]));
      expect(errorCodes(res)).toEqual([]);
      expect(list).toEqual([
        { id: 'cert-1', trainingHoursSinceLastCertification: 11.5, ethicsTrainingHoursSinceLastCertification: 3 },
        { id: 'cert-2', trainingHoursSinceLastCertification: 8.5, ethicsTrainingHoursSinceLastCertification: 0 },
        { id: 'cert-3', trainingHoursSinceLastCertification: 0, ethicsTrainingHoursSinceLastCertification: 0 },
        { id: 'cert-4', trainingHoursSinceLastCertification: 37.5, ethicsTrainingHoursSinceLastCertification: 3 },
      ]);
    }
  });

  it('is for program staff only', async () => {
    const reps = [{ id: 'cert-1', personId: people[0], lastCertifiedOn: '2025-06-10' }];
    for (const token of [await participant(people[0]!), await service(), await dev()]) {
      expect([...new Set(errorCodes((await entitiesOf('Certification', reps, HOURS, token)).res))]).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes((await entitiesOf('Certification', reps, HOURS)).res)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers every representation of a request with one SQL statement', async () => {
    const token = await as([Role.CertificationReviewer]);
    const { query } = entities('Certification', [], HOURS);
    const run = (n: number) => sqlStatementsOf(() => gql(app, query, { r: people.slice(0, n).map((p, i) => ({ __typename: 'Certification', id: `c${i}`, personId: p, lastCertifiedOn: '2025-06-10' })) }, token));
    const two = await run(2);
    const twelve = await run(12);
    expect(errorCodes(twelve.result)).toEqual([]);
    expect((twelve.result.body.data!['_entities'] as Hours[]).every((h) => h.trainingHoursSinceLastCertification === 11.5)).toBe(true);
    expect(two.statements).toBe(1);
    expect(twelve.statements).toBe(1);
  });
});

describe('people on rosters and trainer lists', () => {
  it('are Person references carrying the id (the gateway fetches names from certification), without SQL', async () => {
    const [session] = sessions[trainers[2]!]!;
    const people = [randomUUID(), randomUUID(), randomUUID()];
    for (const p of people) expect(errorCodes(await gql(app, REGISTER, { input: { sessionId: session!.id } }, await participant(p)))).toEqual([]);
    const query = `query($id: ID!) { trainingSession(id: $id) { roster { personId person { id } } course { trainers { personId person { id } } } } }`;
    const res = await gql(app, query, { id: session!.id }, await reviewer());
    expect(errorCodes(res)).toEqual([]);
    const s = res.body.data!['trainingSession'] as { roster: { personId: string; person: { id: string } }[]; course: { trainers: { personId: string; person: { id: string } }[] } };
    expect(s.roster.map((r) => r.person.id)).toEqual(people);
    expect(s.course.trainers.every((x) => x.person.id === x.personId)).toBe(true);
    const mine = await gql(app, `{ myTrainingEnrollments { person { id } } }`, {}, await participant(people[0]!));
    expect(mine.body.data!['myTrainingEnrollments']).toEqual([{ person: { id: people[0] } }]);
  });
});

describe('references to courses and sessions from other domains', () => {
  it('resolve courses and sessions by id, all of a request in one statement per kind; unknown ids are null', async () => {
    const token = await as([Role.Applicant], randomUUID());
    const courseReps = [{ id: courseId }, { id: otherCourseId }, { id: randomUUID() }, { id: 'not-an-id' }];
    const courses = await entitiesOf<{ title: string } | null>('Course', courseReps, 'id title', token);
    expect(errorCodes(courses.res)).toEqual([]);
    expect(courses.list).toEqual([{ id: courseId, title: 'Peer Support Specialist Training' }, { id: otherCourseId, title: 'Advanced Peer Support' }, null, null]);

    const ids = trainers.flatMap((p) => sessions[p]!.map((s) => s.id));
    const found = await entitiesOf<{ id: string; firstDay: string; course: { title: string } } | null>('TrainingSession', [...ids, randomUUID()].map((id) => ({ id })), 'id firstDay course { title }', token);
    expect(errorCodes(found.res)).toEqual([]);
    expect(found.list.slice(0, -1).map((s) => s!.id)).toEqual(ids);
    expect(found.list.at(-1)).toBeNull();

    const { query } = entities('TrainingSession', [], 'id course { title }');
    const run = (n: number) => sqlStatementsOf(() => gql(app, query, { r: ids.slice(0, n).map((id) => ({ __typename: 'TrainingSession', id })) }, token));
    expect((await run(1)).statements).toBe(2);
    expect((await run(ids.length)).statements).toBe(2);
    const { query: courseQuery } = entities('Course', [], 'title');
    expect((await sqlStatementsOf(() => gql(app, courseQuery, { r: courseReps.map((r) => ({ __typename: 'Course', ...r })) }, token))).statements).toBe(1);
  });

  it('need a signed-in caller', async () => {
    expect(errorCodes((await entitiesOf('Course', [{ id: courseId }], 'title')).res)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes((await entitiesOf('TrainingSession', [{ id: sessions[trainers[0]!]![0]!.id }], 'firstDay')).res)).toEqual(['UNAUTHENTICATED']);
  });
});
