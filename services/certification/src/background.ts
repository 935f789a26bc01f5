// The certification subgraph's scheduled work on its own pg-boss queue: closing stale incomplete
// applications, producing renewal reminders, delivering notifications (log, or SMTP when set).
import { startJobQueue, type Clock, type Logger } from '@cpss/server-kit';
import nodemailer from 'nodemailer';
import type { DataSource } from 'typeorm';
import { certificationPolicyStore } from './policy/certification-policy';
import { CLOSE_STALE_QUEUE, DELIVERY_QUEUE, logAdapter, MaintenanceService, REMINDERS_QUEUE, type NotificationAdapter } from './services/maintenance.service';

export function smtpAdapter(url: string, from: string): NotificationAdapter {
  const transport = nodemailer.createTransport(url);
  return { send: async (m) => void (await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.body })) };
}

export async function startCertificationBackground(
  deps: { dataSource: DataSource; logger: Logger; databaseUrl: string; clock: Clock },
  mail: { smtpUrl?: string; from: string },
): Promise<() => Promise<void>> {
  const boss = await startJobQueue({ url: deps.databaseUrl, schema: 'certification_jobs', logger: deps.logger });
  const maintenance = new MaintenanceService(deps.dataSource, certificationPolicyStore(deps.dataSource), deps.clock);
  const adapter = mail.smtpUrl ? smtpAdapter(mail.smtpUrl, mail.from) : logAdapter(deps.logger);
  for (const q of [CLOSE_STALE_QUEUE, REMINDERS_QUEUE, DELIVERY_QUEUE]) await boss.createQueue(q);
  // Early morning in North Carolina, so "today" has turned over; delivery every 10 minutes.
  await boss.schedule(CLOSE_STALE_QUEUE, '20 0 * * *', {}, { tz: 'America/New_York' });
  await boss.schedule(REMINDERS_QUEUE, '30 0 * * *', {}, { tz: 'America/New_York' });
  await boss.schedule(DELIVERY_QUEUE, '*/10 * * * *', {}, { tz: 'America/New_York' });
  await boss.work(CLOSE_STALE_QUEUE, async () => {
    const closed = await maintenance.closeStaleIncompleteApplications();
    deps.logger.info({ closed: closed.length }, 'closed stale incomplete applications');
  });
  await boss.work(REMINDERS_QUEUE, async () => {
    deps.logger.info({ produced: await maintenance.produceRenewalReminders() }, 'renewal reminders produced');
  });
  await boss.work(DELIVERY_QUEUE, async () => {
    await maintenance.deliverPending(adapter);
  });
  return () => boss.stop({ graceful: true });
}
