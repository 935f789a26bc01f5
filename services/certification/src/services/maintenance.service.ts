// Scheduled work, written to be idempotent and safe on several instances at once (each change is
// a conditional UPDATE or an INSERT ... ON CONFLICT DO NOTHING, so a second run finds nothing to
// do): closing stale incomplete applications, producing renewal reminders, delivering them.
// Called by pg-boss schedules (background.ts) and directly by tests with a fixed clock.
import { dates, recordStatusChange, type Clock, type Logger } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import type { CertificationPolicyStore } from '../policy/certification-policy';
import { certificationStatusOn } from './lifecycle';
import { PolicyCatalog } from './policy-catalog';

export const CLOSE_STALE_QUEUE = 'certification-close-stale-incomplete';
export const REMINDERS_QUEUE = 'certification-renewal-reminders';
export const DELIVERY_QUEUE = 'certification-notification-delivery';

export interface NotificationAdapter {
  send(message: { to: string; subject: string; body: string }): Promise<void>;
}

/** The default adapter: writes that a message went out (never its body) to the log. */
export function logAdapter(logger: Logger): NotificationAdapter {
  return { send: async (m) => void logger.info({ subject: m.subject }, 'notification sent (log adapter)') };
}

export class MaintenanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: CertificationPolicyStore,
    private readonly clock: Clock,
  ) {}

  /**
   * Closes incomplete applications not completed within the policy timeout of their case
   * (counted from when staff asked for the missing items; the anniversary day is still within).
   */
  async closeStaleIncompleteApplications(): Promise<string[]> {
    const today = this.clock.today();
    const catalog = await PolicyCatalog.load(this.policy);
    const candidates = (await this.dataSource.query(`select id, person_id, incomplete_since::text as since, policy_version_id from application where status = 'INCOMPLETE' and incomplete_since is not null`)) as { id: string; person_id: string; since: string; policy_version_id: string }[];
    const closed: string[] = [];
    for (const c of candidates) {
      const months = catalog.byId(c.policy_version_id).values.incompleteTimeoutMonths;
      const deadline = dates.addMonths(c.since, months);
      if (today <= deadline) continue;
      await this.dataSource.transaction(async (tx) => {
        // TypeORM answers an UPDATE with [rows, rowCount].
        const [, count] = (await tx.query(`update application set status = 'CLOSED', version = version + 1, updated_at = now() where id = $1 and status = 'INCOMPLETE'`, [c.id])) as [unknown[], number];
        // Another instance closed it first: nothing to record.
        if (count !== 1) return;
        await recordStatusChange(tx, { subjectType: 'Application', subjectId: c.id, from: 'INCOMPLETE', to: 'CLOSED', actor: 'system', reason: `not completed within ${months} months (incomplete since ${c.since})`, facts: { incompleteSince: c.since, timeoutMonths: months, closedOn: today } });
        await tx.query(
          `insert into notification (kind, person_id, subject_type, subject_id, dedupe_key, subject, body) values ('APPLICATION_CLOSED', $1, 'Application', $2, $3, $4, $5) on conflict (dedupe_key) do nothing`,
          [c.person_id, c.id, `closed:${c.id}`, 'Your CPSS application was closed', `Your application was not completed within ${months} months and has been closed. You may apply again.`],
        );
        closed.push(c.id);
      });
    }
    return closed;
  }

  /** One reminder per certification, due date and policy offset, once the offset is reached. */
  async produceRenewalReminders(): Promise<number> {
    const today = this.clock.today();
    const catalog = await PolicyCatalog.load(this.policy);
    const certs = (await this.dataSource.query(
      `select c.id, c.number, c.person_id, c.issued_on::text as issued_on, c.last_certified_on::text as last_certified_on, c.due_on::text as due_on
         from certification c
        where c.due_on >= $1 and c.due_on <= ($1::date + 400)
          and not exists (select 1 from application a where a.certification_id = c.id and a.status in ('SUBMITTED', 'IN_REVIEW', 'INCOMPLETE', 'ON_HOLD'))`,
      [today],
    )) as { id: string; number: string; person_id: string; issued_on: string; last_certified_on: string; due_on: string }[];
    if (!certs.length) return 0;
    const events = (await this.dataSource.query(`select certification_id, kind, effective_on::text as effective_on, effective_until::text as effective_until from certification_event where certification_id = any($1) order by effective_on, at`, [certs.map((c) => c.id)])) as { certification_id: string; kind: never; effective_on: string; effective_until: string | null }[];
    let produced = 0;
    for (const c of certs) {
      const policy = catalog.inForceOn(c.last_certified_on).values;
      const status = certificationStatusOn({ issuedOn: c.issued_on, dueOn: c.due_on, events: events.filter((e) => e.certification_id === c.id).map((e) => ({ kind: e.kind, effectiveOn: e.effective_on, effectiveUntil: e.effective_until })) }, today, policy);
      if (status.status !== 'DUE' && status.status !== 'ACTIVE') continue;
      // Only the latest offset reached is sent, so a job that missed days does not send both at once.
      const reached = policy.reminderOffsetsDays.filter((d) => today >= dates.addDays(c.due_on, -d)).sort((a, b) => a - b)[0];
      if (reached === undefined) continue;
      const res = (await this.dataSource.query(
        `insert into notification (kind, person_id, subject_type, subject_id, dedupe_key, subject, body) values ('RENEWAL_REMINDER', $1, 'Certification', $2, $3, $4, $5) on conflict (dedupe_key) do nothing returning id`,
        [c.person_id, c.id, `reminder:${c.id}:${c.due_on}:${reached}`, `Your CPSS certification ${c.number} is due on ${c.due_on}`, `Your certification ${c.number} falls due on ${c.due_on}. Renew online before then; late renewals carry a late fee.`],
      )) as unknown[];
      if (res.length) produced += 1;
    }
    return produced;
  }

  /** Sends pending notifications; rows are claimed with SKIP LOCKED so instances never double-send. */
  async deliverPending(adapter: NotificationAdapter, limit = 50): Promise<number> {
    let sent = 0;
    await this.dataSource.transaction(async (tx) => {
      const rows = (await tx.query(
        `select n.id, n.subject, n.body, p.email from notification n join person p on p.id = n.person_id where n.status = 'PENDING' order by n.created_at limit $1 for update of n skip locked`,
        [limit],
      )) as { id: string; subject: string; body: string; email: string }[];
      for (const r of rows) {
        try {
          await adapter.send({ to: r.email, subject: r.subject, body: r.body });
          await tx.query(`update notification set status = 'SENT', sent_at = now(), attempts = attempts + 1 where id = $1`, [r.id]);
          sent += 1;
        } catch {
          await tx.query(`update notification set attempts = attempts + 1, status = case when attempts >= 4 then 'FAILED' else 'PENDING' end where id = $1`, [r.id]);
        }
      }
    });
    return sent;
  }
}
