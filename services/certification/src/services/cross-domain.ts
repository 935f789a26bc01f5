// Facts this subgraph needs from other domains. Until the cross-domain issue lands (asking the
// owning subgraph through the gateway with a service credential), each is an interface with a
// simple default here, so the rules that use them are already written against it.

/** Ethics: is a complaint pending against the person? (DOMAIN: it puts an application on hold.) */
export interface EthicsFacts {
  pendingComplaintAgainst(personId: string): Promise<boolean>;
}

/** Default until ethics answers across the gateway: no complaint is known here. */
export const NO_ETHICS_FACTS: EthicsFacts = { pendingComplaintAgainst: async () => false };

/** A fixed list of people with a pending complaint (demo and tests). */
export class ListedComplaints implements EthicsFacts {
  constructor(private readonly personIds: ReadonlySet<string>) {}

  async pendingComplaintAgainst(personId: string): Promise<boolean> {
    return this.personIds.has(personId);
  }
}
