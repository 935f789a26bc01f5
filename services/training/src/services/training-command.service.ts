// Commands other domains send to training (through the gateway, as SERVICE). Ethics removes a person
// as a trainer by a final sanction (REMOVE_TRAINER): every registration of the person as a trainer
// becomes REMOVED and their upcoming sessions are cancelled through the usual cancel path, so the
// participants get the usual notice. Each command takes effect once, in the transaction that records
// its idempotency key.
import { SessionStatus } from '@cpss/domain';
import { applyOnce, badInput, isIsoDate, recordStatusChange, type Clock, type CrossDomainCommandReceipt, type FieldProblem, type Principal } from '@cpss/server-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { TrainerStatus } from '../entities/enums';
import { CourseTrainer, TrainingSession } from '../entities/session';
import { isUuid } from './access';
import type { SessionService } from './session.service';

export const TrainingCommandType = { RemoveTrainer: 'REMOVE_TRAINER' } as const;

export interface CrossDomainCommand {
  idempotencyKey: string;
  type: string;
  sourceDomain: string;
  payload: Record<string, unknown>;
}

interface RemoveTrainer {
  personId: string;
  sanctionId: string;
  effectiveFrom: string;
  effectiveUntil: string | null;
}

/** What participants and the course owner read: the program's decision, never the case behind it. */
export const REMOVAL_REASON = 'the trainer was removed as a trainer by the program';

export class TrainingCommandService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly clock: Clock,
  ) {}

  async apply(principal: Principal, command: CrossDomainCommand): Promise<CrossDomainCommandReceipt> {
    // Checked before anything is written: a bad command leaves no trace, not even its key.
    const removal = parseCommand(command);
    return this.dataSource.transaction((tx) => applyOnce(tx, command, () => this.removeTrainer(tx, principal, command, removal)));
  }

  private async removeTrainer(tx: EntityManager, principal: Principal, command: CrossDomainCommand, removal: RemoveTrainer): Promise<string> {
    const today = this.clock.today();
    const facts = { sanctionId: removal.sanctionId, effectiveFrom: removal.effectiveFrom, effectiveUntil: removal.effectiveUntil, sourceDomain: command.sourceDomain, idempotencyKey: command.idempotencyKey };
    // Registrations first (a scheduling in flight holds its registration FOR SHARE: this waits for it,
    // so the session it adds is seen below), then the sessions.
    const removed = (await tx.query(
      `update course_trainer set status = $2, removed_on = $3, removal_reason = $4, removal_sanction_id = $5
       where person_id = $1 and status = $6 returning id`,
      [removal.personId, TrainerStatus.Removed, today, REMOVAL_REASON, removal.sanctionId, TrainerStatus.Active],
    )) as [{ id: string }[], number];
    const removedIds = removed[0].map((r) => r.id);
    for (const id of removedIds) {
      await recordStatusChange(tx, { subjectType: 'CourseTrainer', subjectId: id, from: TrainerStatus.Active, to: TrainerStatus.Removed, actor: principal, reason: REMOVAL_REASON, facts });
    }
    const upcoming = await tx
      .getRepository(TrainingSession)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.trainer_person_id = :personId and s.status = :scheduled and s.first_day > :today', { personId: removal.personId, scheduled: SessionStatus.Scheduled, today })
      .orderBy('s.first_day', 'ASC')
      .getMany();
    for (const session of upcoming) await this.sessions.cancelLocked(tx, session, principal, REMOVAL_REASON, facts);
    const total = await tx.getRepository(CourseTrainer).countBy({ personId: removal.personId });
    return `removed ${removedIds.length} trainer registration(s) (${total} on record) and cancelled ${upcoming.length} upcoming session(s)`;
  }
}

function parseCommand(command: CrossDomainCommand): RemoveTrainer {
  const problems: FieldProblem[] = [];
  if (!command.idempotencyKey?.trim()) problems.push({ field: 'input.idempotencyKey', reason: 'must not be empty' });
  if (!command.sourceDomain?.trim()) problems.push({ field: 'input.sourceDomain', reason: 'must not be empty' });
  if (command.type !== TrainingCommandType.RemoveTrainer) {
    problems.push({ field: 'input.type', reason: `is not a training command (${Object.values(TrainingCommandType).join(', ')})` });
    throw badInput(problems);
  }
  const p = command.payload ?? {};
  const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : null);
  const personId = str('personId');
  const sanctionId = str('sanctionId');
  const effectiveFrom = str('effectiveFrom');
  const effectiveUntil = p['effectiveUntil'] == null ? null : str('effectiveUntil');
  if (!personId || !isUuid(personId)) problems.push({ field: 'input.payload.personId', reason: 'must be a person id' });
  if (!sanctionId || !isUuid(sanctionId)) problems.push({ field: 'input.payload.sanctionId', reason: 'must be a sanction id' });
  if (!effectiveFrom || !isIsoDate(effectiveFrom)) problems.push({ field: 'input.payload.effectiveFrom', reason: 'must be a date (YYYY-MM-DD)' });
  if (p['effectiveUntil'] != null && (!effectiveUntil || !isIsoDate(effectiveUntil))) problems.push({ field: 'input.payload.effectiveUntil', reason: 'must be a date (YYYY-MM-DD) or null' });
  else if (effectiveFrom && effectiveUntil && effectiveUntil < effectiveFrom) problems.push({ field: 'input.payload.effectiveUntil', reason: 'must not be before effectiveFrom' });
  if (problems.length) throw badInput(problems);
  return { personId: personId!, sanctionId: sanctionId!, effectiveFrom: effectiveFrom!, effectiveUntil };
}
