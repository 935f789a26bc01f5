// Who holds a certification number: certification's data, asked by the disciplinary-actions import
// (a row names the person by their certification number). In the running platform ethics asks
// certification through the gateway as the ethics service (peopleByCertificationNumbers, SERVICE);
// the command line (npm run import) answers from certification's own code in its process. When
// certification does not answer, the import fails with SERVICE_UNAVAILABLE and writes nothing.
import type { GatewayClient, GatewayRequestOptions } from '@cpss/server-kit';
import { serviceUnavailable } from '@cpss/server-kit';

export interface CertificationHolders {
  /** The person holding each number the platform knows (numbers upper-cased; unknown ones left out). */
  personIdsOf(numbers: readonly string[], options?: GatewayRequestOptions): Promise<Map<string, string>>;
}

/** The most numbers one question names (certification's limit). */
export const HOLDERS_PER_QUESTION = 1000;

export const HOLDERS_QUERY = `query($numbers: [String!]!) { peopleByCertificationNumbers(numbers: $numbers) { certificationNumber personId } }`;

/** Asks certification through the gateway, a thousand numbers a question. */
export function gatewayCertificationHolders(gateway: GatewayClient): CertificationHolders {
  return {
    async personIdsOf(numbers, options) {
      const found = new Map<string, string>();
      const wanted = [...new Set(numbers.map((n) => n.toUpperCase()))];
      for (let i = 0; i < wanted.length; i += HOLDERS_PER_QUESTION) {
        const data = await gateway.request<{ peopleByCertificationNumbers: { certificationNumber: string; personId: string }[] }>(
          'certification',
          HOLDERS_QUERY,
          { numbers: wanted.slice(i, i + HOLDERS_PER_QUESTION) },
          options,
        );
        for (const h of data.peopleByCertificationNumbers) found.set(h.certificationNumber.toUpperCase(), h.personId);
      }
      return found;
    },
  };
}

/** Without a gateway (the subgraph alone): nobody can be found, so every row is refused, clearly. */
export const noCertificationHolders: CertificationHolders = {
  async personIdsOf() {
    throw serviceUnavailable('certification');
  },
};
