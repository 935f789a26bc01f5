// Every mutation of the subgraph (read from the built schema: a new one is covered without editing
// this file) gets random input from callers allowed to call it: never INTERNAL_SERVER_ERROR, and a
// refused call writes nothing. Some random inputs succeed; their writes are fine.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, Role } from '@cpss/domain';
import { capturingLogger, errorCodes } from '@cpss/testkit';
import { databaseFingerprint, randomInputToEveryMutation, type Caller } from '@cpss/testkit/vitest/arbitrary-input';
import { buildCertificationSchema } from '../src/schema';
import { seedDemoCertification } from '../src/services/demo-seed';
import { as, gql, useCertificationDatabase } from './harness';

const t = useCertificationDatabase();
const TODAY = '2026-11-23';
const { schema } = await buildCertificationSchema();

const CALLERS: Record<string, Caller> = {
  staff: { roles: [Role.Admin, Role.CertificationReviewer], personId: null, subject: 'staff-account' },
  reviewer: { roles: [Role.CertificationReviewer], personId: null, subject: 'reviewer-account' },
  service: { roles: [Role.Service], personId: null, subject: 'ethics' },
  ...Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.email, { roles: a.roles, personId: a.personId, subject: a.id }])),
};

beforeAll(async () => {
  await seedDemoCertification(t.ds, capturingLogger().logger);
});

describe('random input to every mutation', () => {
  // An import started by one call goes on after it returns: the database is read once none is running.
  const settled = { query: async (sql: string) => (await (await t.serverOn(TODAY)).services.imports.settle(), t.ds.query(sql)) };
  randomInputToEveryMutation({ schema, app: () => t.appOn(TODAY), ds: () => settled, callers: CALLERS });
});

describe('a request with more bad variable values than GraphQL reports', () => {
  it('is refused as BAD_USER_INPUT, not an internal error', async () => {
    const res = await gql(
      await t.appOn(TODAY),
      `mutation($input: UpdatePersonProfileInput!) { updatePersonProfile(input: $input) { id } }`,
      { input: { personId: DEMO_ACCOUNTS[6]!.personId, expectedVersion: 1, raceEthnicity: Array.from({ length: 60 }, () => 'NOT_A_VALUE') } },
      await as([Role.Admin]),
    );
    expect(res.status).toBe(400);
    expect(new Set(errorCodes(res))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(res.body.errors!.at(-1)!.message).toMatch(/^Too many errors processing variables/);
  });
});

describe('the database fingerprint', () => {
  it('changes when any row of any table does', async () => {
    const before = await databaseFingerprint(t.ds);
    await t.ds.query(`update person set preferred_name = coalesce(preferred_name, '') || 'x' where id = $1`, [DEMO_ACCOUNTS[6]!.personId]);
    expect(await databaseFingerprint(t.ds)).not.toBe(before);
  });
});
