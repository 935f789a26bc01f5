// Who holds a certification number: certification's data, asked by training's imports (trainers
// and completions name their person by certification number). Through the gateway as the training
// service when the platform runs whole (certification's peopleByCertificationNumbers, SERVICE);
// the import command reads certification's database in its own process (packages/launcher) through
// the same interface. Without either (one subgraph alone) nobody is known: every such row is refused.
import type { GatewayClient, GatewayRequestOptions } from '@cpss/server-kit';

export interface CertificationHolders {
  /** The person id of each number known to certification (upper-cased numbers; the unknown left out). */
  personIdsOf(numbers: readonly string[], options?: GatewayRequestOptions): Promise<Map<string, string>>;
}

/** Certification's limit on one question. */
export const HOLDERS_PER_QUESTION = 1000;

export const CERTIFICATION_HOLDERS_QUERY = `query($numbers: [String!]!) { peopleByCertificationNumbers(numbers: $numbers) { certificationNumber personId } }`;

export const noCertificationHolders: CertificationHolders = {
  async personIdsOf() {
    return new Map();
  },
};

/** Asks certification through the gateway, 1,000 numbers a question. */
export function gatewayCertificationHolders(gateway: GatewayClient): CertificationHolders {
  return {
    async personIdsOf(numbers, options) {
      const found = new Map<string, string>();
      const wanted = [...new Set(numbers.map((n) => n.toUpperCase()))];
      for (let i = 0; i < wanted.length; i += HOLDERS_PER_QUESTION) {
        const { peopleByCertificationNumbers } = await gateway.request<{ peopleByCertificationNumbers: { certificationNumber: string; personId: string }[] }>(
          'certification',
          CERTIFICATION_HOLDERS_QUERY,
          { numbers: wanted.slice(i, i + HOLDERS_PER_QUESTION) },
          options,
        );
        for (const h of peopleByCertificationNumbers) found.set(h.certificationNumber.toUpperCase(), h.personId);
      }
      return found;
    },
  };
}
