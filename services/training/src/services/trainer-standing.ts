// Whether a person may teach: an active certification (certification's data) and no sanction that
// bars them (ethics' data). The cross-domain issue wires a real implementation through the gateway;
// until then the default allows everyone, so every caller already goes through this one door.
import type { UnmetRule } from '@cpss/server-kit';

export interface TrainerStanding {
  /** The rules the person does not meet on `date`; empty when they may teach. */
  unmetOn(personId: string, date: string): Promise<UnmetRule[]>;
}

export const allowAllTrainerStanding: TrainerStanding = {
  async unmetOn() {
    return [];
  },
};
