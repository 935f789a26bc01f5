// The trainer's standing asked through the gateway (certification's certifications, ethics' barring),
// with small in-memory gateways standing in for the other domains.
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceUnavailable, type GatewayClient } from '@cpss/server-kit';
import { errorCodes } from '@cpss/testkit';
import { approvedCourse, dev } from './course-fixtures';
import { gql, unmetRules, useTrainingDatabase, type App } from './harness';
import { plan, registerTrainer, SCHEDULE, TODAY, totTrainedPerson, trainer, WEEK } from './session-fixtures';
import { TRAINER_STANDING_QUERY } from '../src/services/trainer-standing';

const t = useTrainingDatabase();
let courseId: string;
let trainerId: string;

type Known = { certifications: { status: string }[]; barredFromTeaching: string | null };
type Person = Known | null;
interface Call {
  domain: string;
  query: string;
  variables: Record<string, unknown> | undefined;
  requestId: string | undefined;
}

/** A gateway that answers the person query from `people` (null: certification knows no such person). */
function gatewayAnswering(people: Record<string, Person>): GatewayClient & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    async request<T>(domain: string, query: string, variables?: Record<string, unknown>, options?: { requestId?: string }): Promise<T> {
      calls.push({ domain, query, variables, requestId: options?.requestId });
      return { person: people[String(variables?.['id'])] ?? null } as T;
    },
  };
}

const down: GatewayClient = {
  async request() {
    throw serviceUnavailable('certification');
  },
};

const good = (status = 'ACTIVE'): Known => ({ certifications: [{ status }], barredFromTeaching: null });
let week = 0;
/** A fresh plan each time, so sessions never share days. */
const nextPlan = () => plan(courseId, { days: WEEK(1 + 7 * (week % 4), `2027-0${2 + Math.floor(week++ / 4)}`), registrationClosesOn: '2027-01-29' });
const WRITTEN = ['training_session', 'session_day', 'status_change'];

beforeAll(async () => {
  courseId = await approvedCourse(await t.appOn('2026-04-02'));
  trainerId = await totTrainedPerson(t.ds);
  await registerTrainer(await t.appOn(TODAY), courseId, trainerId);
});

async function scheduleWith(app: App) {
  return gql(app, SCHEDULE, { input: nextPlan() }, await trainer(trainerId));
}

describe('scheduling asks the other domains through the gateway', () => {
  it('allows a trainer with a certification still good (ACTIVE, DUE or LATE) and no barring, keeping the facts with the session', async () => {
    for (const status of ['ACTIVE', 'DUE', 'LATE']) {
      const gateway = gatewayAnswering({ [trainerId]: { certifications: [{ status: 'LAPSED' }, { status }], barredFromTeaching: null } });
      const res = await scheduleWith(await t.appWith(TODAY, { gateway }));
      expect(errorCodes(res)).toEqual([]);
      expect(gateway.calls).toEqual([{ domain: 'certification', query: TRAINER_STANDING_QUERY, variables: { id: trainerId }, requestId: expect.any(String) }]);
      const id = (res.body.data!['scheduleTrainingSession'] as { id: string }).id;
      const [row] = (await t.ds.query(`select standing_facts from training_session where id = $1`, [id])) as { standing_facts: Record<string, unknown> }[];
      expect(row!.standing_facts).toEqual({ certificationStatuses: ['LAPSED', status], barredFromTeaching: null, checkedAt: new Date(`${TODAY}T12:00:00-05:00`).toISOString() });
      const [change] = (await t.ds.query(`select facts from status_change where subject_id = $1`, [id])) as { facts: { standing: unknown } }[];
      expect(change!.facts.standing).toEqual(row!.standing_facts);
    }
  });

  it('refuses a trainer whose certification is not still good (CERTIFICATION_ACTIVE) or who is barred (NOT_BARRED, with the reason), writing nothing', async () => {
    const before = await t.snapshot(...WRITTEN);
    const lapsed = await scheduleWith(await t.appWith(TODAY, { gateway: gatewayAnswering({ [trainerId]: { certifications: [{ status: 'LAPSED' }, { status: 'REVOKED' }], barredFromTeaching: null } }) }));
    expect(errorCodes(lapsed)).toEqual(['FAILED_PRECONDITION']);
    expect(unmetRules(lapsed)).toEqual(['CERTIFICATION_ACTIVE']);
    const unknown = await scheduleWith(await t.appWith(TODAY, { gateway: gatewayAnswering({}) }));
    expect(unmetRules(unknown)).toEqual(['CERTIFICATION_ACTIVE']);
    const barred = await scheduleWith(await t.appWith(TODAY, { gateway: gatewayAnswering({ [trainerId]: { certifications: [{ status: 'SUSPENDED' }], barredFromTeaching: 'suspended until 2027-06-30' } }) }));
    const unmet = (barred.body.errors![0]!.extensions as { unmet: { rule: string; reason: string }[] }).unmet;
    expect(unmet).toEqual([
      { rule: 'CERTIFICATION_ACTIVE', reason: "the trainer's certification is not active (SUSPENDED)" },
      { rule: 'NOT_BARRED', reason: 'suspended until 2027-06-30' },
    ]);
    const barredOnly = await scheduleWith(await t.appWith(TODAY, { gateway: gatewayAnswering({ [trainerId]: { ...good(), barredFromTeaching: 'removed as a trainer' } }) }));
    expect(unmetRules(barredOnly)).toEqual(['NOT_BARRED']);
    expect(await t.snapshot(...WRITTEN)).toBe(before);
  });

  it('fails with SERVICE_UNAVAILABLE when the other domain does not answer, writing nothing', async () => {
    const before = await t.snapshot(...WRITTEN);
    const res = await scheduleWith(await t.appWith(TODAY, { gateway: down }));
    expect(errorCodes(res)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(res.body.errors![0]!.extensions).toMatchObject({ service: 'certification' });
    expect(await t.snapshot(...WRITTEN)).toBe(before);
  });

  it('asks again when a session is moved, and when an owner registers a trainer', async () => {
    const app = await t.appWith(TODAY, { gateway: gatewayAnswering({ [trainerId]: good() }) });
    const s = (await scheduleWith(app)).body.data!['scheduleTrainingSession'] as { id: string; version: number };
    const move = (gateway: GatewayClient) =>
      t.appWith(TODAY, { gateway }).then(async (a) =>
        gql(a, `mutation($input: RescheduleTrainingSessionInput!) { rescheduleTrainingSession(input: $input) { version } }`, {
          input: { sessionId: s.id, expectedVersion: s.version, days: WEEK(15, '2027-07'), registrationOpensOn: '2026-11-01', registrationClosesOn: '2027-07-01', reason: 'venue moved' },
        }, await trainer(trainerId)),
      );
    expect(unmetRules(await move(gatewayAnswering({ [trainerId]: { ...good(), barredFromTeaching: 'suspended' } })))).toEqual(['NOT_BARRED']);
    expect(errorCodes(await move(down))).toEqual(['SERVICE_UNAVAILABLE']);
    expect(errorCodes(await move(gatewayAnswering({ [trainerId]: good('DUE') })))).toEqual([]);
    const [row] = (await t.ds.query(`select standing_facts from training_session where id = $1`, [s.id])) as { standing_facts: { certificationStatuses: string[] } }[];
    expect(row!.standing_facts.certificationStatuses).toEqual(['DUE']);

    const newcomer = await totTrainedPerson(t.ds);
    const register = (gateway: GatewayClient) =>
      t.appWith(TODAY, { gateway }).then(async (a) => gql(a, `mutation($input: RegisterCourseTrainerInput!) { registerCourseTrainer(input: $input) { id } }`, { input: { courseId, personId: newcomer } }, await dev()));
    expect(unmetRules(await register(gatewayAnswering({})))).toEqual(['CERTIFICATION_ACTIVE']);
    expect(errorCodes(await register(down))).toEqual(['SERVICE_UNAVAILABLE']);
    expect(errorCodes(await register(gatewayAnswering({ [newcomer]: good() })))).toEqual([]);
  });

  it('allows everyone without a gateway (one subgraph alone)', async () => {
    const res = await scheduleWith(await t.appOn(TODAY));
    expect(errorCodes(res)).toEqual([]);
    const id = (res.body.data!['scheduleTrainingSession'] as { id: string }).id;
    expect(await t.ds.query(`select standing_facts from training_session where id = $1`, [id])).toEqual([{ standing_facts: null }]);
  });
});
