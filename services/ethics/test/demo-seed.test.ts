import { describe, expect, it } from 'vitest';
import { DEMO_COMPLAINTS, DEMO_PEOPLE, Role } from '@cpss/domain';
import { capturingLogger } from '@cpss/testkit';
import { seedDemo } from '../src/services/demo-seed';
import { as, gql, useEthicsDatabase } from './harness';

const t = useEthicsDatabase();

describe('the demo seed', () => {
  it('walks the demo complaints through the real flow, once', async () => {
    const { logger } = capturingLogger('seed');
    await seedDemo(t.ds, logger);
    await seedDemo(t.ds, logger);
    const rows = (await t.ds.query(`select reference_number, status from complaint order by reference_number`)) as { reference_number: string; status: string }[];
    expect(rows).toEqual(
      DEMO_COMPLAINTS.map((d) => ({ reference_number: d.referenceNumber, status: d.status })).sort((a, b) => a.reference_number.localeCompare(b.reference_number)),
    );
    expect(await t.count('ethics_acknowledgment')).toBeGreaterThan(0);
    // New complaints are numbered after the demo's hand-set numbers, never onto one of them.
    const highest = Math.max(...DEMO_COMPLAINTS.map((d) => Number(/(\d+)$/.exec(d.referenceNumber)![1])));
    const [{ n }] = (await t.ds.query(`select nextval('complaint_reference_seq')::int as n`)) as { n: number }[];
    expect(n).toBeGreaterThan(highest);
    const app = await t.appOn('2026-11-23');
    const pub = await gql(app, `query($id: ID!) { publicDisciplinaryStatus(personId: $id) { standing } }`, { id: DEMO_PEOPLE[6]!.id });
    expect(pub.body.data!['publicDisciplinaryStatus']).toEqual({ standing: 'PROBATION' });
    const queue = await gql(app, `{ complaints { totalCount edges { node { referenceNumber clocks { step overdue } } } } }`, {}, await as([Role.EthicsStaff]));
    expect((queue.body.data!['complaints'] as { totalCount: number }).totalCount).toBe(DEMO_COMPLAINTS.filter((d) => d.status !== 'CLOSED').length);
  });
});
