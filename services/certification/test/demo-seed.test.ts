import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, Role } from '@cpss/domain';
import { capturingLogger } from '@cpss/testkit';
import { seedDemoCertification } from '../src/services/demo-seed';
import { as, gql, useCertificationDatabase } from './harness';

const t = useCertificationDatabase();

describe('demo seed', () => {
  it('seeds certifications and applications once, usable through the API', async () => {
    const { logger } = capturingLogger();
    await seedDemoCertification(t.ds, logger);
    await seedDemoCertification(t.ds, logger);
    expect(await t.count('certification')).toBe(3);
    expect(await t.count('application')).toBe(3);
    const app = await t.appOn('2026-11-23');
    const mine = await gql(app, `{ applications { edges { node { status eligible fees { status } } } } }`, {}, await as([Role.Applicant], DEMO_PEOPLE[0]!.id));
    expect(mine.body.data!['applications']).toEqual({ edges: [{ node: { status: 'SUBMITTED', eligible: true, fees: [{ status: 'DUE' }] } }] });
    const registry = await gql(app, `{ a: registryLookup(certificationNumber: "NC-CPSS-000102") { status designations } b: registryLookup(certificationNumber: "NC-CPSS-000103") { status } }`);
    expect(registry.body.data).toEqual({ a: { status: 'DUE', designations: ['VETERAN_SERVICE_MEMBER'] }, b: { status: 'LAPSED' } });
  });
});
