// Sanctions and the public disciplinary status. A sanction becomes final when its case closes;
// then it is published (kind and dates only) and the commands that carry it to the domains that
// own certifications and trainers are queued, due within the registry update target.
import { ComplaintOutcomeKind, type ComplaintOutcomeKind as OutcomeKind, type EthicsCommandType } from '@cpss/domain';
import { manyByKey, type Clock } from '@cpss/server-kit';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Complaint } from '../entities/complaint';
import { PublicDisciplinaryAction, Sanction } from '../entities/sanction';
import type { EthicsPolicy } from '../policy/ethics-policy';
import { enqueueCommand } from './outbox';

const COMMANDS: Partial<Record<OutcomeKind, { type: EthicsCommandType; targetDomain: 'certification' | 'training' }>> = {
  SUSPENSION: { type: 'SUSPEND_CERTIFICATION', targetDomain: 'certification' },
  REVOCATION: { type: 'REVOKE_CERTIFICATION', targetDomain: 'certification' },
  REMOVAL_AS_TRAINER: { type: 'REMOVE_TRAINER', targetDomain: 'training' },
};

/** Most severe first: the standing the registry shows when several actions are in effect. */
const SEVERITY: OutcomeKind[] = ['REVOCATION', 'SUSPENSION', 'PROBATION', 'CORRECTIVE_ACTION'];

export interface PublicStatus {
  personId: string;
  standing: 'NO_ACTION' | OutcomeKind;
  removedAsTrainer: boolean;
  actions: PublicDisciplinaryAction[];
}

export class DisciplinaryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Makes a closing case's pending sanctions final, publishes them and queues their commands. */
  async finalize(tx: EntityManager, c: Complaint, policy: EthicsPolicy, today: string): Promise<string[]> {
    const sanctions = await tx.getRepository(Sanction).findBy({ complaintId: c.id, status: 'PENDING' });
    const deliverBy = new Date(this.clock.now().getTime() + policy.registryUpdateTargetHours * 3600_000);
    for (const s of sanctions) {
      // A sanction never takes effect before it is final (a period already over keeps its dates).
      if (s.effectiveFrom < today && (s.effectiveUntil === null || today <= s.effectiveUntil)) s.effectiveFrom = today;
      s.status = 'FINAL';
      s.finalizedOn = today;
      await tx.getRepository(Sanction).save(s);
      await tx.getRepository(PublicDisciplinaryAction).insert({ sanctionId: s.id, personId: s.personId, kind: s.kind, effectiveFrom: s.effectiveFrom, effectiveUntil: s.effectiveUntil, publishedOn: today });
      const command = COMMANDS[s.kind];
      if (command) {
        await enqueueCommand(tx, {
          ...command,
          payload: { personId: s.personId, sanctionId: s.id, effectiveFrom: s.effectiveFrom, effectiveUntil: s.effectiveUntil },
          idempotencyKey: `sanction:${s.id}:${command.type}`,
          deliverBy,
        });
      }
    }
    return sanctions.map((s) => s.kind);
  }

  /** Sanctions per person (any status), newest first. */
  async sanctionsOf(personIds: readonly string[]): Promise<Sanction[][]> {
    const rows = await this.dataSource.getRepository(Sanction).find({ where: { personId: In([...personIds]) }, order: { decidedOn: 'DESC', id: 'ASC' } });
    return manyByKey(personIds, rows, (s) => s.personId);
  }

  async sanctionsOfComplaints(complaintIds: readonly string[]): Promise<Sanction[][]> {
    const rows = await this.dataSource.getRepository(Sanction).find({ where: { complaintId: In([...complaintIds]) }, order: { decidedOn: 'ASC', id: 'ASC' } });
    return manyByKey(complaintIds, rows, (s) => s.complaintId!);
  }

  /** The public status per person: final actions only, read from the published table alone. */
  async publicStatusOf(personIds: readonly string[]): Promise<PublicStatus[]> {
    const today = this.clock.today();
    const rows = await this.dataSource.getRepository(PublicDisciplinaryAction).find({ where: { personId: In([...personIds]) }, order: { effectiveFrom: 'DESC', id: 'ASC' } });
    return manyByKey(personIds, rows, (a) => a.personId).map((actions, i) => {
      const inEffect = actions.filter((a) => a.effectiveFrom <= today && (a.effectiveUntil === null || a.effectiveUntil >= today));
      const standing = SEVERITY.find((k) => inEffect.some((a) => a.kind === k)) ?? 'NO_ACTION';
      return { personId: personIds[i]!, standing, removedAsTrainer: inEffect.some((a) => a.kind === ComplaintOutcomeKind.RemovalAsTrainer), actions };
    });
  }
}
