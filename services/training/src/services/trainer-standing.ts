// Whether a person may teach: a certification still good (certification's data) and no sanction
// that bars them from teaching (ethics' data). Asked through the gateway as the training service when
// the platform runs whole; when the other domains do not answer, the caller gets SERVICE_UNAVAILABLE
// and writes nothing. Without a gateway (one subgraph alone, as in most tests) everyone may teach.
import type { Clock, GatewayClient, GatewayRequestOptions, UnmetRule } from '@cpss/server-kit';

/** What a decision to let someone teach stood on, kept with the session it allowed. */
export interface StandingFacts {
  /** Status of each of the person's certifications, as certification reported them. */
  certificationStatuses: string[];
  /** Ethics' reason the person may not teach, or null. */
  barredFromTeaching: string | null;
  /** When the other domains were asked (ISO timestamp). */
  checkedAt: string;
}

export interface TrainerStandingCheck {
  /** The rules the person does not meet; empty when they may teach. */
  unmet: UnmetRule[];
  /** The facts asked for, or null when nothing was asked (no other domain wired). */
  facts: StandingFacts | null;
}

export interface TrainerStanding {
  /** The person's standing on `date`. Throws SERVICE_UNAVAILABLE when the other domains do not answer. */
  standingOf(personId: string, date: string, options?: GatewayRequestOptions): Promise<TrainerStandingCheck>;
}

export const allowAllTrainerStanding: TrainerStanding = {
  async standingOf() {
    return { unmet: [], facts: null };
  },
};

/** Statuses of a certification still good for teaching: DUE and LATE are not yet lapsed. */
export const GOOD_CERTIFICATION_STATUSES: readonly string[] = ['ACTIVE', 'DUE', 'LATE'];

export const TRAINER_STANDING_QUERY = `query($id: ID!) { person(id: $id) { certifications { status } barredFromTeaching } }`;

interface StandingAnswer {
  person: { certifications: { status: string }[]; barredFromTeaching: string | null } | null;
}

/** Asks certification (certifications) and ethics (barredFromTeaching) in one operation through the gateway. */
export function gatewayTrainerStanding(gateway: GatewayClient, clock: Clock): TrainerStanding {
  return {
    async standingOf(personId, _date, options) {
      const { person } = await gateway.request<StandingAnswer>('certification', TRAINER_STANDING_QUERY, { id: personId }, options);
      const facts: StandingFacts = {
        certificationStatuses: person?.certifications.map((c) => c.status) ?? [],
        barredFromTeaching: person?.barredFromTeaching ?? null,
        checkedAt: clock.now().toISOString(),
      };
      return { unmet: unmetStanding(facts), facts };
    },
  };
}

export function unmetStanding(facts: Pick<StandingFacts, 'certificationStatuses' | 'barredFromTeaching'>): UnmetRule[] {
  const unmet: UnmetRule[] = [];
  if (!facts.certificationStatuses.some((s) => GOOD_CERTIFICATION_STATUSES.includes(s))) {
    unmet.push({
      rule: 'CERTIFICATION_ACTIVE',
      reason: facts.certificationStatuses.length
        ? `the trainer's certification is not active (${facts.certificationStatuses.join(', ')})`
        : 'the trainer holds no CPSS certification',
    });
  }
  if (facts.barredFromTeaching !== null) unmet.push({ rule: 'NOT_BARRED', reason: facts.barredFromTeaching });
  return unmet;
}
