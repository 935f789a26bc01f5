import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PEOPLE, Role } from '@cpss/domain';
import { capturingLogger, errorCodes } from '@cpss/testkit';
import { seedDemoCertification } from '../src/services/demo-seed';
import { as, gql, useCertificationDatabase } from './harness';

const t = useCertificationDatabase();

describe('demo seed', () => {
  it('seeds certifications and applications once, usable through the API', async () => {
    const { logger } = capturingLogger();
    await seedDemoCertification(t.ds, logger);
    await seedDemoCertification(t.ds, logger);
    expect(await t.count('certification')).toBe(4);
    expect(await t.count('application')).toBe(3);
    const app = await t.appOn('2026-11-23');
    const mine = await gql(app, `{ applications { edges { node { status eligible fees { status } } } } }`, {}, await as([Role.Applicant], DEMO_PEOPLE[0]!.id));
    expect(mine.body.data!['applications']).toEqual({ edges: [{ node: { status: 'SUBMITTED', eligible: true, fees: [{ status: 'DUE' }] } }] });
    const linked = await gql(app, `query($id: ID!) { person(id: $id) { accountId } }`, { id: DEMO_PEOPLE[0]!.id }, await as([Role.Admin]));
    expect(linked.body.data!['person']).toEqual({ accountId: DEMO_ACCOUNTS.find((a) => a.personId === DEMO_PEOPLE[0]!.id)!.id });
    const registry = await gql(app, `{ a: registryLookup(certificationNumber: "NC-CPSS-000102") { status designations } b: registryLookup(certificationNumber: "NC-CPSS-000103") { status } }`);
    expect(registry.body.data).toEqual({ a: { status: 'DUE', designations: ['VETERAN_SERVICE_MEMBER'] }, b: { status: 'LAPSED' } });
  });

  it('counts the program for staff dashboards', async () => {
    const app = await t.appOn('2026-11-23');
    const Q = `query($on: LocalDate) { certificationStatistics(on: $on) { applicationsByStatus { key count } certificationsByStatus { key count } inGoodStandingByCounty { key count } inGoodStandingByDesignation { key count } inGoodStandingByVeteranStatus { key count } perMonth { month issued lapsed inGoodStanding } } }`;
    const res = await gql(app, Q, {}, await as([Role.Admin]));
    const s = res.body.data!['certificationStatistics'] as Record<string, { key?: string; count?: number; month?: string; lapsed?: number }[]>;
    expect(s['applicationsByStatus']).toEqual([{ key: 'DRAFT', count: 1 }, { key: 'INCOMPLETE', count: 1 }, { key: 'SUBMITTED', count: 1 }]);
    expect(s['certificationsByStatus']).toEqual([{ key: 'ACTIVE', count: 2 }, { key: 'DUE', count: 1 }, { key: 'LAPSED', count: 1 }]);
    expect(s['inGoodStandingByCounty']).toEqual([{ key: 'Durham', count: 1 }, { key: 'Guilford', count: 1 }, { key: 'Robeson', count: 1 }]);
    expect(s['inGoodStandingByDesignation']).toEqual([{ key: 'VETERAN_SERVICE_MEMBER', count: 1 }]);
    expect(s['inGoodStandingByVeteranStatus']).toEqual([{ key: 'NOT_GIVEN', count: 2 }, { key: 'VETERAN', count: 1 }]);
    expect(s['perMonth']).toHaveLength(12);
    // The certified count over time: the three in good standing today were all certified a year ago.
    const months = s['perMonth'] as unknown as { month: string; inGoodStanding: number }[];
    expect(months.at(-1)!.inGoodStanding).toBe(3);
    expect(months[0]!.inGoodStanding).toBe(3);
    const back = await gql(app, Q, { on: '2024-07-15' }, await as([Role.Admin]));
    const july = (back.body.data!['certificationStatistics'] as { perMonth: { month: string; lapsed: number }[] }).perMonth.find((m) => m.month === '2024-07');
    expect(july).toMatchObject({ lapsed: 1 });
    // June 2024: Ben, Dwayne and Frank certified, and Harold late (his lapse comes in July).
    const june = (back.body.data!['certificationStatistics'] as { perMonth: { month: string; inGoodStanding: number }[] }).perMonth.find((m) => m.month === '2024-06');
    expect(june!.inGoodStanding).toBe(4);
    const refused = await gql(app, Q, {}, await as([Role.Applicant], DEMO_PEOPLE[0]!.id));
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
  });
});
