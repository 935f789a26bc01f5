// Commands from other domains: ethics decides, certification owns the state its decisions change.
// Each command is applied once by its idempotency key, recorded in the same transaction as its
// effect (applyOnce), so a redelivery after a lost answer changes nothing. A command with nothing to
// act on (no open application, no certification in effect) still succeeds and says so, so the
// sender stops retrying. Payloads carry ids and dates only.
import { ApplicationStatus, CertificationEventKind, EthicsCommandType, isUuid, Role } from '@cpss/domain';
import { applyOnce, badInput, isIsoDate, recordStatusChange, requireRole, type CrossDomainCommandReceipt, type FieldProblem, type Principal } from '@cpss/server-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { Application } from '../entities/application';
import { Certification } from '../entities/certification';
import { APPLICATION } from './application.service';
import { ENDED_STATUSES, type CertificationService } from './certification.service';

/** The commands certification takes (others are BAD_USER_INPUT). */
export const CERTIFICATION_COMMANDS = [
  EthicsCommandType.HoldApplication,
  EthicsCommandType.ReleaseApplicationHold,
  EthicsCommandType.SuspendCertification,
  EthicsCommandType.RevokeCertification,
] as const;
export type CertificationCommandType = (typeof CERTIFICATION_COMMANDS)[number];

/** Open cases a pending complaint holds (a draft is held when it is submitted: see ApplicationService.submit). */
export const HOLDABLE_STATUSES: readonly ApplicationStatus[] = [ApplicationStatus.Submitted, ApplicationStatus.Incomplete, ApplicationStatus.InReview];
/**
 * Where a released case goes: back to INCOMPLETE when it was held while awaiting documents (they
 * are still missing); otherwise into review, where staff release holds to (ReviewService.releaseHold).
 */
export function releasedTo(heldFrom: string | null | undefined): ApplicationStatus {
  return heldFrom === ApplicationStatus.Incomplete ? ApplicationStatus.Incomplete : ApplicationStatus.InReview;
}

export interface CrossDomainCommand {
  idempotencyKey: string;
  type: string;
  sourceDomain: string;
  payload: Record<string, unknown>;
}

type Parsed =
  | { type: 'HOLD_APPLICATION'; personId: string; complaintId: string; reason: string | null }
  | { type: 'RELEASE_APPLICATION_HOLD'; personId: string; complaintId: string; outcome: string | null }
  | { type: 'SUSPEND_CERTIFICATION' | 'REVOKE_CERTIFICATION'; personId: string; sanctionId: string; effectiveFrom: string; effectiveUntil: string | null };

const MAX_ID = 100;

/** Every problem with a command, by field path (input.payload.personId), before anything is written. */
export function parseCommand(input: CrossDomainCommand): Parsed {
  const problems: FieldProblem[] = [];
  const add = (field: string, reason: string) => problems.push({ field: `input.${field}`, reason });
  const text = (value: unknown, field: string, max: number, required: boolean): string | null => {
    if (value === null || value === undefined) {
      if (required) add(field, 'is required');
      return null;
    }
    if (typeof value !== 'string') return add(field, 'must be a string'), null;
    if (required && !value.trim()) return add(field, 'must not be empty'), null;
    if (value.length > max) return add(field, `must be at most ${max} characters`), null;
    return value.trim();
  };
  const date = (value: unknown, field: string, required: boolean): string | null => {
    const s = text(value, field, 10, required);
    if (s !== null && !isIsoDate(s)) return add(field, 'must be a date as YYYY-MM-DD'), null;
    return s;
  };
  text(input.idempotencyKey, 'idempotencyKey', 200, true);
  text(input.sourceDomain, 'sourceDomain', 40, true);
  const type = input.type as CertificationCommandType;
  if (!(CERTIFICATION_COMMANDS as readonly string[]).includes(input.type)) add('type', `is not a command certification takes (${CERTIFICATION_COMMANDS.join(', ')})`);
  const payload = input.payload ?? {};
  const personId = text(payload['personId'], 'payload.personId', 36, true);
  if (personId !== null && !isUuid(personId)) add('payload.personId', 'is not a person id');
  let parsed: Parsed | null = null;
  if (type === 'HOLD_APPLICATION' || type === 'RELEASE_APPLICATION_HOLD') {
    const complaintId = text(payload['complaintId'], 'payload.complaintId', MAX_ID, true);
    if (type === 'HOLD_APPLICATION') parsed = { type, personId: personId!, complaintId: complaintId!, reason: text(payload['reason'], 'payload.reason', 200, false) };
    else parsed = { type, personId: personId!, complaintId: complaintId!, outcome: text(payload['outcome'], 'payload.outcome', 100, false) };
  } else if (type === 'SUSPEND_CERTIFICATION' || type === 'REVOKE_CERTIFICATION') {
    const sanctionId = text(payload['sanctionId'], 'payload.sanctionId', MAX_ID, true);
    const effectiveFrom = date(payload['effectiveFrom'], 'payload.effectiveFrom', true);
    const effectiveUntil = date(payload['effectiveUntil'], 'payload.effectiveUntil', false);
    if (effectiveFrom && effectiveUntil && effectiveUntil < effectiveFrom) add('payload.effectiveUntil', `must not be before effectiveFrom (${effectiveFrom})`);
    // A revocation is for good: an end date means nothing for it.
    parsed = { type, personId: personId!, sanctionId: sanctionId!, effectiveFrom: effectiveFrom!, effectiveUntil: type === 'SUSPEND_CERTIFICATION' ? effectiveUntil : null };
  }
  if (problems.length || !parsed) throw badInput(problems);
  return parsed;
}

export class CommandService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly certifications: CertificationService,
  ) {}

  /** Applies a command from another domain once (the SERVICE role only). */
  async apply(principal: Principal | null, input: CrossDomainCommand): Promise<CrossDomainCommandReceipt> {
    requireRole(principal, [Role.Service]);
    const command = parseCommand(input);
    const record = { idempotencyKey: input.idempotencyKey.trim(), type: input.type, sourceDomain: input.sourceDomain.trim(), payload: input.payload };
    return this.dataSource.transaction((tx) =>
      applyOnce(tx, record, () => {
        switch (command.type) {
          case 'HOLD_APPLICATION':
            return this.hold(tx, command);
          case 'RELEASE_APPLICATION_HOLD':
            return this.release(tx, command);
          default:
            return this.sanction(tx, command, record.sourceDomain);
        }
      }),
    );
  }

  /** A complaint pending against the person: their submitted, incomplete or in-review cases wait for its outcome. */
  private async hold(tx: EntityManager, c: Extract<Parsed, { type: 'HOLD_APPLICATION' }>): Promise<string> {
    // Delivered after its own release (a retried hold overtaken by the close): the complaint is over.
    if ((await this.releasedComplaints(tx, c.personId, [c.complaintId])).length) return `complaint ${c.complaintId} was already closed: nothing put on hold`;
    const apps = await this.lockApplications(tx, c.personId, HOLDABLE_STATUSES);
    for (const app of apps) {
      const from = app.status;
      app.status = ApplicationStatus.OnHold;
      await tx.getRepository(Application).save(app);
      await recordStatusChange(tx, { subjectType: APPLICATION, subjectId: app.id, from, to: app.status, actor: 'system', reason: `on hold: complaint ${c.complaintId} is pending against the applicant`, facts: { complaintId: c.complaintId } });
    }
    return apps.length ? `${apps.length} application${apps.length === 1 ? '' : 's'} put on hold for complaint ${c.complaintId}` : `no submitted, incomplete or in-review application: nothing put on hold`;
  }

  /** The complaint closed: held cases go back (see releasedTo), unless another complaint still holds them. */
  private async release(tx: EntityManager, c: Extract<Parsed, { type: 'RELEASE_APPLICATION_HOLD' }>): Promise<string> {
    const others = await this.pendingComplaints(tx, c.personId, c.complaintId);
    const apps = await this.lockApplications(tx, c.personId, [ApplicationStatus.OnHold]);
    if (!apps.length) return 'no application on hold: nothing released';
    if (others.length) return `${apps.length} application${apps.length === 1 ? '' : 's'} kept on hold: ${others.length} other complaint${others.length === 1 ? ' is' : 's are'} still pending`;
    const heldFrom = await this.heldFrom(tx, apps.map((a) => a.id));
    for (const app of apps) {
      app.status = releasedTo(heldFrom.get(app.id));
      await tx.getRepository(Application).save(app);
      const reason = `hold released: complaint ${c.complaintId} closed${c.outcome ? ` (${c.outcome.toLowerCase().replace(/_/g, ' ')})` : ''}`;
      await recordStatusChange(tx, { subjectType: APPLICATION, subjectId: app.id, from: ApplicationStatus.OnHold, to: app.status, actor: 'system', reason, facts: { complaintId: c.complaintId, outcome: c.outcome } });
    }
    const back = apps.filter((a) => a.status === ApplicationStatus.Incomplete).length;
    const where = [apps.length - back ? `${apps.length - back} into review` : null, back ? `${back} back to awaiting documents` : null].filter(Boolean).join(', ');
    return `${apps.length} application${apps.length === 1 ? '' : 's'} released from hold: ${where}`;
  }

  /** The status each case had when it was last put on hold (one statement for all). */
  private async heldFrom(tx: EntityManager, ids: string[]): Promise<Map<string, string | null>> {
    const rows = (await tx.query(
      `select distinct on (subject_id) subject_id as id, from_status as "from" from status_change
        where subject_type = $1 and subject_id = any($2::uuid[]) and to_status = $3 order by subject_id, at desc`,
      [APPLICATION, ids, ApplicationStatus.OnHold],
    )) as { id: string; from: string | null }[];
    return new Map(rows.map((r) => [r.id, r.from]));
  }

  /** A final sanction: the person's certification in effect gets the event (the same path as staff decisions). */
  private async sanction(tx: EntityManager, c: Extract<Parsed, { type: 'SUSPEND_CERTIFICATION' | 'REVOKE_CERTIFICATION' }>, sourceDomain: string): Promise<string> {
    const kind = c.type === 'SUSPEND_CERTIFICATION' ? CertificationEventKind.Suspended : CertificationEventKind.Revoked;
    const verb = kind === 'SUSPENDED' ? 'suspended' : 'revoked';
    const certs = await tx.getRepository(Certification).createQueryBuilder('c').setLock('pessimistic_write').where('c.person_id = :p', { p: c.personId }).orderBy('c.issued_on', 'DESC').addOrderBy('c.id', 'ASC').getMany();
    if (!certs.length) return `no certification: nothing ${verb}`;
    const statuses = await this.certifications.statusesOn(certs, c.effectiveFrom, tx);
    const i = statuses.findIndex((s) => !ENDED_STATUSES.includes(s.status));
    if (i < 0) return `certification ${certs[0]!.number} is already ${statuses[0]!.status.toLowerCase()} on ${c.effectiveFrom}: nothing changed`;
    const cert = certs[i]!;
    const period = `from ${c.effectiveFrom}${c.effectiveUntil ? ` through ${c.effectiveUntil}` : ''}`;
    const reason = `${verb} ${period} by ${sourceDomain} sanction ${c.sanctionId}`;
    await this.certifications.appendEvent(tx, cert, statuses[i]!.status, { kind, effectiveOn: c.effectiveFrom, effectiveUntil: c.effectiveUntil, reason, actor: 'system', facts: { sanctionId: c.sanctionId, sourceDomain } });
    return `certification ${cert.number} ${verb} ${period}`;
  }

  private lockApplications(tx: EntityManager, personId: string, statuses: readonly ApplicationStatus[]): Promise<Application[]> {
    return tx
      .getRepository(Application)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.person_id = :personId and a.status in (:...statuses)', { personId, statuses })
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
  }

  /** Complaints whose hold reached us and whose release has not (other than `except`). */
  private async pendingComplaints(tx: EntityManager, personId: string, except: string): Promise<string[]> {
    const rows = (await tx.query(
      `select distinct h.payload->>'complaintId' as complaint_id from inbound_command h
        where h.type = $1 and h.payload->>'personId' = $3 and h.payload->>'complaintId' <> $4
          and not exists (select 1 from inbound_command r where r.type = $2 and r.payload->>'personId' = $3 and r.payload->>'complaintId' = h.payload->>'complaintId')`,
      [EthicsCommandType.HoldApplication, EthicsCommandType.ReleaseApplicationHold, personId, except],
    )) as { complaint_id: string }[];
    return rows.map((r) => r.complaint_id);
  }

  private async releasedComplaints(tx: EntityManager, personId: string, complaintIds: string[]): Promise<string[]> {
    const rows = (await tx.query(`select payload->>'complaintId' as complaint_id from inbound_command where type = $1 and payload->>'personId' = $2 and payload->>'complaintId' = any($3)`, [EthicsCommandType.ReleaseApplicationHold, personId, complaintIds])) as { complaint_id: string }[];
    return rows.map((r) => r.complaint_id);
  }
}
