// Delivering the outbox: order per person and domain, backoff, stuck commands, retry now, and the
// facts ethics answers to other domains. The gateway here is a scripted port (which domains answer);
// the real path through the composed platform is the end-to-end suite's (test/e2e/cross-domain).
import { DEMO_PEOPLE, Role } from '@cpss/domain';
import { serviceUnavailable, type GatewayClient } from '@cpss/server-kit';
import { capturingLogger, TEST_SUBGRAPH_SECRET, testVerifier } from '@cpss/testkit';
import { describe, expect, it } from 'vitest';
import { OutboundCommand } from '../src/entities/outbound-command';
import { enqueueCommand } from '../src/services/outbox';
import { OutboxDelivery, retryDelaySeconds, type OutboxSettings } from '../src/services/outbox-delivery';
import { teachingBarOf } from '../src/resolvers/person.resolver';
import { createServer } from '../src/server';
import { as, errorCodes, gql, staffComplaint, step, useEthicsDatabase } from './harness';

const t = useEthicsDatabase();
const [dana, eli] = [DEMO_PEOPLE[3]!.id, DEMO_PEOPLE[4]!.id];

/** A gateway whose domains answer or not, recording what was delivered in order. */
function scriptedGateway() {
  const down = new Set<string>();
  const delivered: { domain: string; type: string; key: string }[] = [];
  const gateway: GatewayClient = {
    async request<T>(domain: string, _query: string, variables: Record<string, unknown> = {}) {
      if (down.has(domain)) throw serviceUnavailable(domain);
      const input = variables['input'] as { idempotencyKey: string; type: string };
      delivered.push({ domain, type: input.type, key: input.idempotencyKey });
      const field = domain === 'certification' ? 'applyCertificationCommand' : 'applyTrainingCommand';
      return { [field]: { idempotencyKey: input.idempotencyKey, appliedNow: true, outcome: `${input.type} applied` } } as T;
    },
  };
  return { gateway, down, delivered };
}

const command = (type: string, target: 'certification' | 'training', personId: string, key: string) =>
  t.ds.transaction((tx) => enqueueCommand(tx, { type: type as never, targetDomain: target, payload: { personId, complaintId: key }, idempotencyKey: key }));

const row = (key: string) => t.ds.getRepository(OutboundCommand).findOneByOrFail({ idempotencyKey: key });

describe('outbox delivery', () => {
  it('waits twice as long after each failure, up to the ceiling', () => {
    const settings = { retryBaseSeconds: 2, retryMaxSeconds: 60 };
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelaySeconds(n, settings))).toEqual([2, 4, 8, 16, 32, 60, 60]);
  });

  it('keeps a person\'s commands in order while their domain is down, delivers the others, shows stuck ones and lands them all once it answers', async () => {
    const settings: OutboxSettings = { retryBaseSeconds: 0.001, retryMaxSeconds: 0.001, stuckAfterAttempts: 2, batchSize: 20 };
    const { gateway, down, delivered } = scriptedGateway();
    const delivery = new OutboxDelivery(t.ds, gateway, settings, capturingLogger().logger);
    await command('HOLD_APPLICATION', 'certification', dana, 'k-hold');
    await command('RELEASE_APPLICATION_HOLD', 'certification', dana, 'k-release');
    await command('REMOVE_TRAINER', 'training', eli, 'k-remove');

    down.add('certification');
    const first = await delivery.deliverDue();
    expect(first).toMatchObject({ delivered: 1, failed: 1 });
    expect(delivered.map((d) => d.key)).toEqual(['k-remove']);
    expect(await row('k-hold')).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('certification is unavailable') });
    // The release was not tried before its hold.
    expect(await row('k-release')).toMatchObject({ status: 'pending', attempts: 0 });
    expect(first.nextDueAt).not.toBeNull();

    await new Promise((r) => setTimeout(r, 20));
    await delivery.deliverDue();
    const admin = await as([Role.Admin]);
    const { app: withSettings } = await createServer({ dataSource: t.ds, logger: capturingLogger().logger, verifier: testVerifier(), gatewaySecret: TEST_SUBGRAPH_SECRET, outbox: settings });
    const stuck = await gql(withSettings, `{ ethicsOutboundCommands(stuck: true) { totalCount edges { node { idempotencyKey stuck attempts lastError } } } }`, {}, admin);
    expect(stuck.body.errors).toBeUndefined();
    expect(stuck.body.data!['ethicsOutboundCommands']).toMatchObject({ totalCount: 1, edges: [{ node: { idempotencyKey: 'k-hold', stuck: true, attempts: 2 } }] });

    down.delete('certification');
    const hold = await row('k-hold');
    const retried = await gql(withSettings, `mutation($id: ID!) { retryOutboundCommand(id: $id) { id status } }`, { id: hold.id }, admin);
    expect(retried.body.data!['retryOutboundCommand']).toMatchObject({ id: hold.id, status: 'pending' });
    await delivery.deliverDue();
    await delivery.deliverDue();
    expect(delivered.map((d) => d.key)).toEqual(['k-remove', 'k-hold', 'k-release']);
    expect(await row('k-hold')).toMatchObject({ status: 'delivered', attempts: 3, lastError: null, outcome: 'HOLD_APPLICATION applied' });
    expect(await row('k-release')).toMatchObject({ status: 'delivered', attempts: 1 });

    // Nothing is sent twice.
    const again = await delivery.deliverDue();
    expect(again).toEqual({ delivered: 0, failed: 0, nextDueAt: null });
    expect(delivered).toHaveLength(3);
    const refused = await gql(withSettings, `mutation($id: ID!) { retryOutboundCommand(id: $id) { id } }`, { id: hold.id }, admin);
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    const notAdmin = await gql(withSettings, `{ ethicsOutboundCommands(stuck: true) { totalCount } }`, {}, await as([Role.EthicsStaff]));
    expect(errorCodes(notAdmin)).toEqual(['FORBIDDEN']);
  });
});

describe('facts ethics gives other domains', () => {
  it('counts open complaints against a person for staff and services, not for the person', async () => {
    const app = await t.appOn('2026-11-10');
    const before = await gql(app, `query($p: _Any!) { _entities(representations: [$p]) { ... on Person { openComplaintCount barredFromTeaching } } }`, { p: { __typename: 'Person', id: eli } }, await as([Role.Service]));
    expect(before.body.errors).toBeUndefined();
    const n = (before.body.data!['_entities'] as { openComplaintCount: number }[])[0]!.openComplaintCount;
    const { res } = await step(app, 'recordComplaint', 'RecordComplaintInput', staffComplaint({ receivedOn: '2026-11-10', respondentPersonId: eli }), await as([Role.EthicsStaff]));
    expect(res.body.errors).toBeUndefined();
    const after = await gql(app, `query($p: _Any!) { _entities(representations: [$p]) { ... on Person { openComplaintCount barredFromTeaching } } }`, { p: { __typename: 'Person', id: eli } }, await as([Role.Service]));
    expect((after.body.data!['_entities'] as unknown[])[0]).toEqual({ openComplaintCount: n + 1, barredFromTeaching: null });
    const self = await gql(app, `query($p: _Any!) { _entities(representations: [$p]) { ... on Person { openComplaintCount } } }`, { p: { __typename: 'Person', id: eli } }, await as([Role.Applicant], eli));
    expect(errorCodes(self)).toEqual(['FORBIDDEN']);
    const respondents = await gql(app, `{ openComplaintRespondents { id } }`, {}, await as([Role.Admin]));
    expect((respondents.body.data!['openComplaintRespondents'] as { id: string }[]).map((p) => p.id)).toContain(eli);
  });

  it('names what bars a person from teaching: revocation, suspension or removal as trainer in effect', () => {
    const status = (standing: string, removedAsTrainer = false) => ({ personId: dana, standing: standing as never, removedAsTrainer, actions: [] });
    expect(teachingBarOf(status('NO_ACTION'))).toBeNull();
    expect(teachingBarOf(status('PROBATION'))).toBeNull();
    expect(teachingBarOf(status('REVOCATION'))).toBe('certification revoked');
    expect(teachingBarOf(status('SUSPENSION'))).toBe('certification suspended');
    expect(teachingBarOf(status('NO_ACTION', true))).toBe('removed as trainer');
  });
});
