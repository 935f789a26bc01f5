// Per-client limits on the public operations (the registry, certificate verification, the complaint
// form): counted per client address and root field, in express-rate-limit's memory store, once the
// operation is known and before any subgraph is asked. Over the limit: 429 RATE_LIMITED with
// Retry-After, as a GraphQL error.
import { ErrorCode } from '@cpss/domain';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { MemoryStore, type Options } from 'express-rate-limit';
import { rootFieldsOf } from '@cpss/server-kit';

export interface PublicRateLimit {
  /** Root fields (Query or Mutation) counted under this limit, each separately. */
  fields: readonly string[];
  limit: number;
  windowMs: number;
  /** How the window reads in a message: "minute", "hour". */
  per: string;
}

export interface PublicLimitSettings {
  registryPerMinute: number;
  certificateVerificationsPerMinute: number;
  complaintsPerHour: number;
}

/** The defaults of REGISTRY_REQUESTS_PER_MINUTE, CERTIFICATE_VERIFICATIONS_PER_MINUTE, COMPLAINTS_PER_HOUR. */
export const DEFAULT_PUBLIC_LIMITS: PublicLimitSettings = { registryPerMinute: 60, certificateVerificationsPerMinute: 30, complaintsPerHour: 20 };

/** The public operations and their limits. */
export function publicRateLimits(settings: PublicLimitSettings): PublicRateLimit[] {
  return [
    { fields: ['registryLookup', 'registrySearch'], limit: settings.registryPerMinute, windowMs: 60_000, per: 'minute' },
    { fields: ['verifyTrainingCertificate'], limit: settings.certificateVerificationsPerMinute, windowMs: 60_000, per: 'minute' },
    { fields: ['fileComplaint'], limit: settings.complaintsPerHour, windowMs: 3_600_000, per: 'hour' },
  ];
}

export interface ClientAddressContext {
  /** The caller's address (req.ip, behind the trusted loopback proxy). */
  clientAddress: string;
}

export function publicRateLimitPlugin(limits: readonly PublicRateLimit[]): ApolloServerPlugin<ClientAddressContext> & { shutdown(): void } {
  const byField = new Map<string, { rule: PublicRateLimit; store: MemoryStore }>();
  const stores: MemoryStore[] = [];
  for (const rule of limits) {
    const store = new MemoryStore();
    store.init({ windowMs: rule.windowMs } as Options);
    stores.push(store);
    for (const field of rule.fields) byField.set(field, { rule, store });
  }
  return {
    shutdown: () => stores.forEach((s) => s.shutdown()),
    async requestDidStart() {
      return {
        // Answering here skips execution (no subgraph is asked), and the refusal is an answer,
        // not an error for the error log.
        async responseForOperation({ operation, document, contextValue }) {
          if (!operation) return null;
          for (const field of rootFieldsOf(operation.selectionSet, document)) {
            const counted = byField.get(field);
            if (!counted) continue;
            const { totalHits, resetTime } = await counted.store.increment(`${contextValue.clientAddress}|${field}`);
            if (totalHits <= counted.rule.limit) continue;
            const retryAfter = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + counted.rule.windowMs) - Date.now()) / 1000));
            const headers = new HeaderMap([['retry-after', String(retryAfter)]]);
            return {
              http: { status: 429, headers },
              body: {
                kind: 'single',
                singleResult: {
                  errors: [
                    {
                      message: `Too many ${field} requests from this address (limit ${counted.rule.limit} a ${counted.rule.per}); try again in ${retryAfter} s`,
                      extensions: { code: ErrorCode.RateLimited, field, limit: counted.rule.limit, retryAfterSeconds: retryAfter },
                    },
                  ],
                },
              },
            };
          }
          return null;
        },
      };
    },
  };
}
