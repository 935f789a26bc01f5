// A command to another domain that a decision here requires (hold an application, revoke a
// certification, remove a trainer), written in the same transaction as the decision. Delivery
// (retried until it lands) is a later issue; until then rows wait as 'pending'.
import type { EthicsCommandType } from '@cpss/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'outbound_command' })
export class OutboundCommand {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  type: EthicsCommandType;

  @Column({ name: 'target_domain', type: 'text' })
  targetDomain: 'certification' | 'training';

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** The receiver applies a key once, however often it is delivered. */
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @Column({ type: 'text', default: 'pending' })
  status: string;

  /** Registry changes must land within the policy's registry update target. */
  @Column({ name: 'deliver_by', type: 'timestamptz', nullable: true })
  deliverBy: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
