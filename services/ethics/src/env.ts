// The ethics subgraph's settings: the only reader of process.env in this service.
import { loadEnv, port, serviceEnvSchema } from '@cpss/server-kit';
import { z } from 'zod';
import { DEFAULT_OUTBOX_SETTINGS, type OutboxSettings } from './services/outbox-delivery';

const seconds = (fallback: number) => z.coerce.number().positive().max(86_400).default(fallback);

export const envSchema = serviceEnvSchema({
  PORT: port(4003),
  /** Outbox delivery: the first retry waits this long, each next one twice as long, up to the ceiling. */
  OUTBOX_RETRY_BASE_SECONDS: seconds(DEFAULT_OUTBOX_SETTINGS.retryBaseSeconds),
  OUTBOX_RETRY_MAX_SECONDS: seconds(DEFAULT_OUTBOX_SETTINGS.retryMaxSeconds),
  /** Failed attempts after which admins see a command as stuck (it is still retried). */
  OUTBOX_STUCK_AFTER_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(DEFAULT_OUTBOX_SETTINGS.stuckAfterAttempts),
});

export function outboxSettingsFrom(env: z.infer<typeof envSchema>): OutboxSettings {
  return {
    retryBaseSeconds: env.OUTBOX_RETRY_BASE_SECONDS,
    retryMaxSeconds: env.OUTBOX_RETRY_MAX_SECONDS,
    stuckAfterAttempts: env.OUTBOX_STUCK_AFTER_ATTEMPTS,
    batchSize: DEFAULT_OUTBOX_SETTINGS.batchSize,
  };
}

export function readEnv(source: Record<string, string | undefined> = process.env) {
  return loadEnv(envSchema, source);
}
