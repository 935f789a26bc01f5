// Every mutation of the subgraph (read from the built schema: a new one is covered without editing
// this file) gets random input from callers allowed to call it (the public without a token among
// them, for the complaint form): never INTERNAL_SERVER_ERROR, and a refused call writes nothing,
// not even to the outbox. Some random inputs succeed; their writes are fine.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PEOPLE, Role } from '@cpss/domain';
import { capturingLogger, errorCodes } from '@cpss/testkit';
import { randomInputToEveryMutation, type Caller } from '@cpss/testkit/vitest/arbitrary-input';
import { buildEthicsSchema } from '../src/schema';
import { seedDemo } from '../src/services/demo-seed';
import { as, fieldsOf, gql, staffComplaint, useEthicsDatabase } from './harness';

const t = useEthicsDatabase();
const TODAY = '2026-11-23';
const { schema } = await buildEthicsSchema();

const CALLERS: Record<string, Caller | null> = {
  staff: { roles: [Role.Admin, Role.EthicsStaff], personId: null, subject: 'staff-account' },
  ethics: { roles: [Role.EthicsStaff], personId: null, subject: 'ethics-account' },
  service: { roles: [Role.Service], personId: null, subject: 'certification' },
  public: null,
  ...Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.email, { roles: a.roles, personId: a.personId, subject: a.id }])),
};

beforeAll(async () => {
  await seedDemo(t.ds, capturingLogger().logger);
});

describe('random input to every mutation', () => {
  // An import started by one call goes on after it returns: the database is read once none is running.
  const settled = { query: async (sql: string) => (await (await t.serverOn(TODAY)).services.imports.settle(), t.ds.query(sql)) };
  randomInputToEveryMutation({ schema, app: () => t.appOn(TODAY), ds: () => settled, callers: CALLERS, extraIds: { person: DEMO_PEOPLE.map((p) => p.id) } });
});

describe('found by the random inputs', () => {
  it('a NUL character deep in a complaint, or in a plain argument, is BAD_USER_INPUT naming where, and writes nothing', async () => {
    const app = await t.appOn(TODAY);
    const before = [await t.count('complaint'), await t.count('complaint_allegation')];
    const input = staffComplaint({ allegations: [{ principle: 'NO_DUAL_RELATIONSHIPS', description: 'Paid side work\u0000' }] });
    const res = await gql(app, `mutation($input: RecordComplaintInput!) { recordComplaint(input: $input) { id } }`, { input }, await as([Role.EthicsStaff]));
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toEqual(['input.allegations.0.description']);
    const retry = await gql(app, `mutation($id: ID!) { retryOutboundCommand(id: $id) { id } }`, { id: 'a\u0000' }, await as([Role.Admin]));
    expect(errorCodes(retry)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(retry)).toEqual(['id']);
    expect([await t.count('complaint'), await t.count('complaint_allegation')]).toEqual(before);
  });
});
