// The gateway's settings: the only reader of process.env in this service.
import { loadEnv, port, serviceEnvSchema } from '@cpss/server-kit';
import { z } from 'zod';
import { DEFAULT_QUERY_LIMITS } from './limits';
import { DEFAULT_PUBLIC_LIMITS } from './public-rate-limits';
import { DEFAULT_LOCKOUT } from './services/account.service';

export const envSchema = serviceEnvSchema({
  PORT: port(4000),
  CERTIFICATION_URL: z.url().default('http://127.0.0.1:4001/graphql'),
  TRAINING_URL: z.url().default('http://127.0.0.1:4002/graphql'),
  ETHICS_URL: z.url().default('http://127.0.0.1:4003/graphql'),
  SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(1800),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  ANONYMOUS_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Failed sign-ins to one account within SIGN_IN_FAILURE_WINDOW_MINUTES that lock it for SIGN_IN_LOCKOUT_MINUTES. */
  SIGN_IN_FAILURES_BEFORE_LOCKOUT: z.coerce.number().int().min(1).default(DEFAULT_LOCKOUT.maxFailures),
  SIGN_IN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(DEFAULT_LOCKOUT.windowMinutes),
  SIGN_IN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(DEFAULT_LOCKOUT.lockoutMinutes),
  /** Public operations per client address and root field: registryLookup, registrySearch (each). */
  REGISTRY_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(DEFAULT_PUBLIC_LIMITS.registryPerMinute),
  /** verifyTrainingCertificate per client address. */
  CERTIFICATE_VERIFICATIONS_PER_MINUTE: z.coerce.number().int().min(1).default(DEFAULT_PUBLIC_LIMITS.certificateVerificationsPerMinute),
  /** fileComplaint (the public complaint form) per client address. */
  COMPLAINTS_PER_HOUR: z.coerce.number().int().min(1).default(DEFAULT_PUBLIC_LIMITS.complaintsPerHour),
  /** Limits on one GraphQL operation (every document the web UI sends is well within them). */
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).default(DEFAULT_QUERY_LIMITS.maxDepth),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(DEFAULT_QUERY_LIMITS.maxAliases),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(DEFAULT_QUERY_LIMITS.maxDirectives),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(1).default(DEFAULT_QUERY_LIMITS.maxTokens),
  /** graphql-armor's cost: 2 an object, 1 a scalar, times 1.5 for each level (the UI's largest is about 3900). */
  GRAPHQL_MAX_COST: z.coerce.number().int().min(1).default(DEFAULT_QUERY_LIMITS.maxCost),
  /** A GraphQL request body, uploads included (they travel base64 in the request). */
  GRAPHQL_BODY_LIMIT_MIB: z.coerce.number().int().min(1).max(200).default(15),
  /** Query plans kept in memory, about this many MiB (a plan per distinct operation). */
  QUERY_PLAN_CACHE_MIB: z.coerce.number().int().min(1).max(1024).default(30),
  /** The built web UI (web/dist); served at / when present. */
  WEB_DIST_DIR: z.string().optional(),
});

export type GatewayEnv = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): GatewayEnv {
  return loadEnv(envSchema, source);
}
