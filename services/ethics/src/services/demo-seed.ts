// Demo data for `npm start` on an empty database: the acknowledgments, and complaints walked
// through the real case flow (each step on its own day, so clocks and timelines look lived-in).
import { DEMO_COMPLAINTS, type DemoComplaint } from '@cpss/domain';
import { addBusinessDays, fixedClock, type Logger, type Principal } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import { Complaint } from '../entities/complaint';
import { createEthicsServices } from '../ethics-services';
import { seedDemoAcknowledgments } from './acknowledgment.service';

const DEMO_STAFF: Principal = { subject: 'ethics@demo.cpss', personId: null, roles: ['ETHICS_STAFF'], name: 'Esther Ethics' };

async function seedComplaint(dataSource: DataSource, d: DemoComplaint): Promise<void> {
  let day = d.receivedOn;
  const on = (businessDays: number) => {
    day = addBusinessDays(day, businessDays);
    return createEthicsServices({ dataSource, clock: fixedClock(day) }).complaints;
  };
  const c = await on(0).intake(
    {
      channel: d.channel,
      subjectKind: d.subjectKind,
      respondentPersonId: d.respondentPersonId,
      respondentDescription: d.respondentDescription,
      incidentOn: d.incidentOn,
      receivedOn: d.receivedOn,
      summary: d.summary,
      complainant: { name: d.complainantName, email: d.complainantEmail, phone: d.complainantPhone ?? null },
      allegations: d.principles.map((principle) => ({ principle, description: d.summary })),
    },
    DEMO_STAFF,
  );
  await dataSource.getRepository(Complaint).update({ id: c.id }, { referenceNumber: d.referenceNumber });
  if (d.status === 'RECEIVED') return;
  let v = (await on(2).acknowledge(c.id, c.version, DEMO_STAFF)).version;
  if (d.status === 'ACKNOWLEDGED') return;
  v = (await on(3).triage(c.id, v, DEMO_STAFF, { level: d.status === 'CLOSED' ? 'DESK_REVIEW' : 'INVESTIGATION' })).version;
  if (d.status === 'TRIAGED' || !d.outcome) return;
  v = (await on(1).notifyRespondent(c.id, v, DEMO_STAFF)).version;
  v = (await on(5).recordRespondentResponse(c.id, v, DEMO_STAFF, { response: 'I acknowledge it and have spoken with my supervisor.' })).version;
  v = (await on(10).recordFindings(c.id, v, DEMO_STAFF, { substantiated: true, findings: 'Substantiated by the respondent’s own account.' })).version;
  const o = d.outcome;
  v = (await on(3).decideOutcome(c.id, v, DEMO_STAFF, { outcome: o.kind, reason: o.reason, effectiveFrom: o.effectiveFrom, effectiveUntil: o.effectiveUntil, conditions: o.conditions, mandatedTraining: o.mandatedTraining, trainingDueOn: o.trainingDueOn })).version;
  const deadline = (await dataSource.getRepository(Complaint).findOneByOrFail({ id: c.id })).appealDeadline!;
  day = deadline;
  await on(1).close(c.id, v, DEMO_STAFF, 'No appeal within the window');
}

/** Seeds the demo acknowledgments and complaints into empty tables (npm start on a new database). */
export async function seedDemo(dataSource: DataSource, logger: Logger): Promise<void> {
  await seedDemoAcknowledgments(dataSource, logger);
  if ((await dataSource.getRepository(Complaint).count()) > 0) return;
  for (const d of DEMO_COMPLAINTS) await seedComplaint(dataSource, d);
  // The demo's reference numbers are set by hand: the numbering goes on after the highest of them,
  // or a new complaint would one day be given one of theirs (a unique violation).
  await dataSource.query(
    `select setval('complaint_reference_seq', greatest((select last_value from complaint_reference_seq), (select max(substring(reference_number from '([0-9]+)$')::int) from complaint)))`,
  );
  logger.info({ count: DEMO_COMPLAINTS.length }, 'seeded demo complaints');
}
