// The gateway's settings: the only reader of process.env in this service.
import { loadEnv, port, serviceEnvSchema } from '@cpss/server-kit';
import { z } from 'zod';

export const envSchema = serviceEnvSchema({
  PORT: port(4000),
  CERTIFICATION_URL: z.url().default('http://127.0.0.1:4001/graphql'),
  TRAINING_URL: z.url().default('http://127.0.0.1:4002/graphql'),
  ETHICS_URL: z.url().default('http://127.0.0.1:4003/graphql'),
  SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(1800),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  ANONYMOUS_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Query plans kept in memory, about this many MiB (a plan per distinct operation). */
  QUERY_PLAN_CACHE_MIB: z.coerce.number().int().min(1).max(1024).default(30),
  /** The built web UI (web/dist); served at / when present. */
  WEB_DIST_DIR: z.string().optional(),
});

export type GatewayEnv = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): GatewayEnv {
  return loadEnv(envSchema, source);
}
