// Scheduled work called directly with a fixed clock: closing stale incomplete applications and
// renewal reminders, each idempotent and safe when two instances run at once.
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { startCertificationBackground } from '../src/background';
import { useCertificationDatabase } from './harness';

const t = useCertificationDatabase();

async function person(): Promise<string> {
  const [{ id }] = (await t.ds.query(`insert into person (legal_name, email, date_of_birth, county) values ('Job Person', 'job-' || gen_random_uuid() || '@example.org', '1980-01-01', 'Wake') returning id`)) as { id: string }[];
  return id;
}

describe('closing stale incomplete applications', () => {
  it('closes after the policy timeout (not on the anniversary), once, even with two runs at once', async () => {
    const personId = await person();
    const [{ id: policyId }] = (await t.ds.query(`select id from policy_version where effective_from = '2023-07-01'`)) as { id: string }[];
    const [{ id }] = (await t.ds.query(
      `insert into application (person_id, kind, channel, status, submitted_on, queued_on, incomplete_since, policy_version_id, missing_items, created_by) values ($1, 'INITIAL', 'ONLINE', 'INCOMPLETE', '2026-05-01', '2026-05-01', '2026-05-23', $2, '{"Second reference"}', 'test') returning id`,
      [personId, policyId],
    )) as { id: string }[];
    expect(await (await t.serverOn('2026-11-23')).services.maintenance.closeStaleIncompleteApplications()).toEqual([]);
    const next = (await t.serverOn('2026-11-24')).services.maintenance;
    const other = (await t.serverOn('2026-11-24')).services.maintenance;
    const [a, b] = await Promise.all([next.closeStaleIncompleteApplications(), other.closeStaleIncompleteApplications()]);
    expect([...a, ...b]).toEqual([id]);
    expect(await next.closeStaleIncompleteApplications()).toEqual([]);
    const [row] = (await t.ds.query(`select status, version from application where id = $1`, [id])) as { status: string; version: number }[];
    expect(row).toEqual({ status: 'CLOSED', version: 2 });
    const changes = (await t.ds.query(`select from_status, to_status, actor from status_change where subject_id = $1`, [id])) as unknown[];
    expect(changes).toEqual([{ from_status: 'INCOMPLETE', to_status: 'CLOSED', actor: 'system' }]);
    expect(await t.count(`notification where subject_id = '${id}' and kind = 'APPLICATION_CLOSED'`)).toBe(1);
  });
});

describe('renewal reminders', () => {
  it('produces one reminder at each policy offset before the due date, idempotently, and delivers each once', async () => {
    const personId = await person();
    const [{ id: certId }] = (await t.ds.query(`insert into certification (number, person_id, issued_on, last_certified_on, due_on) values ('NC-CPSS-777001', $1, '2025-02-10', '2025-02-10', '2027-02-28') returning id`, [personId])) as { id: string }[];
    const on = async (date: string) => (await t.serverOn(date)).services.maintenance;
    const mine = async () => Number(((await t.ds.query(`select count(*)::int as n from notification where subject_id = $1`, [certId])) as { n: number }[])[0]!.n);
    await (await on('2026-11-29')).produceRenewalReminders();
    expect(await mine()).toBe(0);
    const day90 = await on('2026-11-30');
    await Promise.all([day90.produceRenewalReminders(), day90.produceRenewalReminders()]);
    await day90.produceRenewalReminders();
    expect(await mine()).toBe(1);
    await (await on('2026-12-29')).produceRenewalReminders();
    expect(await mine()).toBe(1);
    await (await on('2026-12-30')).produceRenewalReminders();
    expect(await mine()).toBe(2);

    const sent: { to: string; subject: string }[] = [];
    const adapter = { send: async (m: { to: string; subject: string }) => void sent.push(m) };
    await Promise.all([day90.deliverPending(adapter), day90.deliverPending(adapter)]);
    expect(await day90.deliverPending(adapter)).toBe(0);
    const forCert = sent.filter((m) => m.subject.includes('NC-CPSS-777001'));
    expect(forCert).toHaveLength(2);
    expect(forCert[0]!.to).toMatch(/^job-.*@example.org$/);
    expect(await t.count(`notification where subject_id = '${certId}' and status = 'SENT'`)).toBe(2);
  });
});

describe('background', () => {
  it('starts the pg-boss schedules in its own schema and stops cleanly', async () => {
    const stop = await startCertificationBackground({ dataSource: t.ds, logger: t.logger, databaseUrl: t.url }, { from: 'test@example.org' });
    // pg-boss's schema is the owner's (pg-boss migrates it): read as the owner, not as the service role.
    const owner = new Client({ connectionString: t.url });
    await owner.connect();
    const schedules = (await owner.query(`select name from certification_jobs.schedule order by name`).finally(() => owner.end())).rows as { name: string }[];
    expect(schedules.map((s) => s.name)).toEqual(['certification-close-stale-incomplete', 'certification-notification-delivery', 'certification-renewal-reminders']);
    await stop();
  });
});
