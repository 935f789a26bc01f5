// Facts this subgraph needs from other domains, behind small ports: training's record of the
// person's completed training (eligibility) and ethics' count of complaints pending against them
// (a pending complaint holds the case). With a gateway (GATEWAY_URL set) they are asked of the
// owning subgraph through it, as this service; without one (single-subgraph tests) the defaults
// know nothing: an empty training record and no complaint. A domain that does not answer throws
// SERVICE_UNAVAILABLE naming it.
import type { CompletionSource, CourseKind } from '@cpss/domain';
import { serviceUnavailable, type GatewayClient, type IsoDate } from '@cpss/server-kit';

export interface AskOptions {
  /** The request being served, so the call is traceable across services. */
  requestId?: string;
}

/** One completion on the person's training record, as training reports it. */
export interface TrainingCompletionFact {
  courseTitle: string;
  kind: CourseKind;
  hours: number;
  completedOn: IsoDate;
  childAndFamily: boolean;
  /** False when the course was not approved on the completion date (e.g. it had expired). */
  countsTowardCertification: boolean;
  source: CompletionSource;
}

/** Training: the person's completed training. */
export interface TrainingFacts {
  trainingRecordOf(personId: string, options?: AskOptions): Promise<TrainingCompletionFact[]>;
}

/** Ethics: how many complaints against the person are not yet closed. */
export interface EthicsFacts {
  openComplaintCount(personId: string, options?: AskOptions): Promise<number>;
}

/** The ports ApplicationService asks. */
export interface CrossDomainPorts {
  training?: TrainingFacts;
  ethics?: EthicsFacts;
}

/** Without a gateway: no training is known here (the applicant's own entries decide). */
export const NO_TRAINING_FACTS: TrainingFacts = { trainingRecordOf: async () => [] };

/** Without a gateway: no complaint is known here. */
export const NO_ETHICS_FACTS: EthicsFacts = { openComplaintCount: async () => 0 };

/** A fixed list of people with a pending complaint (demo and tests). */
export class ListedComplaints implements EthicsFacts {
  constructor(private readonly personIds: ReadonlySet<string>) {}

  async openComplaintCount(personId: string): Promise<number> {
    return this.personIds.has(personId) ? 1 : 0;
  }
}

/** Fixed training records by person (tests). */
export class ListedTrainingRecords implements TrainingFacts {
  constructor(private readonly records: ReadonlyMap<string, TrainingCompletionFact[]>) {}

  async trainingRecordOf(personId: string): Promise<TrainingCompletionFact[]> {
    return this.records.get(personId) ?? [];
  }
}

export const TRAINING_RECORD_QUERY = `query($id: ID!) { person(id: $id) { trainingCompletions { courseTitle kind hours completedOn childAndFamily countsTowardCertification source } } }`;
export const OPEN_COMPLAINT_COUNT_QUERY = `query($id: ID!) { person(id: $id) { openComplaintCount } }`;

/** Training's record, asked through the gateway. */
export class GatewayTrainingFacts implements TrainingFacts {
  constructor(private readonly gateway: GatewayClient) {}

  async trainingRecordOf(personId: string, options: AskOptions = {}): Promise<TrainingCompletionFact[]> {
    const data = await this.gateway.request<{ person: { trainingCompletions: TrainingCompletionFact[] } | null }>('training', TRAINING_RECORD_QUERY, { id: personId }, options);
    const list = data.person?.trainingCompletions;
    // A decision never stands on an answer it cannot read.
    if (!Array.isArray(list)) throw serviceUnavailable('training');
    return list.map((c) => ({ courseTitle: c.courseTitle, kind: c.kind, hours: Number(c.hours), completedOn: c.completedOn, childAndFamily: !!c.childAndFamily, countsTowardCertification: !!c.countsTowardCertification, source: c.source }));
  }
}

/** Ethics' count of open complaints, asked through the gateway. */
export class GatewayEthicsFacts implements EthicsFacts {
  constructor(private readonly gateway: GatewayClient) {}

  async openComplaintCount(personId: string, options: AskOptions = {}): Promise<number> {
    const data = await this.gateway.request<{ person: { openComplaintCount: number } | null }>('ethics', OPEN_COMPLAINT_COUNT_QUERY, { id: personId }, options);
    const count = data.person?.openComplaintCount;
    if (typeof count !== 'number') throw serviceUnavailable('ethics');
    return count;
  }
}

/** The ports to use: those given (tests), else the gateway's, else the defaults. */
export function crossDomainPorts(gateway: GatewayClient | undefined, given: CrossDomainPorts = {}): Required<CrossDomainPorts> {
  return {
    training: given.training ?? (gateway ? new GatewayTrainingFacts(gateway) : NO_TRAINING_FACTS),
    ethics: given.ethics ?? (gateway ? new GatewayEthicsFacts(gateway) : NO_ETHICS_FACTS),
  };
}

/** What the application keeps of the other domains' answers (application.external_facts). */
export interface ExternalFacts {
  trainingRecord: TrainingCompletionFact[];
  openComplaintCount: number;
}
