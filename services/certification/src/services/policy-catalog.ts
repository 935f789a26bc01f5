// All certification policy versions loaded once (there are a handful), so a list of cases picks
// each case's version in memory instead of one query per case.
import { failedPrecondition, type IsoDate, type PolicyVersion } from '@cpss/server-kit';
import type { CertificationPolicy, CertificationPolicyStore } from '../policy/certification-policy';

export interface PolicyPick {
  version: PolicyVersion;
  values: CertificationPolicy;
}

export class PolicyCatalog {
  /** Each version's values parsed once: a list of thousands of cases asks for the same few. */
  private readonly parsed = new Map<string, PolicyPick>();

  private constructor(
    private readonly versions: PolicyVersion[],
    private readonly store: CertificationPolicyStore,
  ) {}

  static async load(store: CertificationPolicyStore): Promise<PolicyCatalog> {
    return new PolicyCatalog(await store.list(), store);
  }

  byId(id: string): PolicyPick {
    const version = this.versions.find((v) => v.id === id);
    if (!version) throw new Error(`policy version ${id} not found`);
    return this.pick(version);
  }

  inForceOn(date: IsoDate): PolicyPick {
    // list() is newest first.
    const version = this.versions.find((v) => v.effectiveFrom <= date);
    if (!version) throw failedPrecondition(`No program policy is in force on ${date}`, [{ rule: 'policy', reason: `no version effective on or before ${date}` }]);
    return this.pick(version);
  }

  private pick(version: PolicyVersion): PolicyPick {
    let pick = this.parsed.get(version.id);
    if (!pick) {
      pick = { version, values: this.store.schema.parse(version.values) };
      this.parsed.set(version.id, pick);
    }
    return pick;
  }
}
