// The certification subgraph's settings: the only reader of process.env in this service.
import { loadEnv, port, serviceEnvSchema, statisticsMaxAgeSeconds } from '@cpss/server-kit';
import { z } from 'zod';

export const envSchema = serviceEnvSchema({
  PORT: port(4001),
  /** Notifications go by SMTP when set (smtp://user:pass@host:587); otherwise they are logged. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// url' }).optional(),
  MAIL_FROM: z.string().default('NC CPSS Program <no-reply@cpss.example>'),
  /** Today's statistics are served again for this long unless this service committed a write since (0: counted every time). */
  STATISTICS_MAX_AGE_SECONDS: statisticsMaxAgeSeconds(),
});

export function readEnv(source: Record<string, string | undefined> = process.env) {
  return loadEnv(envSchema, source);
}
