// The training subgraph's settings: the only reader of process.env in this service.
import { loadEnv, port, serviceEnvSchema, statisticsMaxAgeSeconds } from '@cpss/server-kit';

export const envSchema = serviceEnvSchema({
  PORT: port(4002),
  /** The default period's training statistics are served again for this long unless this service committed a write since (0: counted every time). */
  STATISTICS_MAX_AGE_SECONDS: statisticsMaxAgeSeconds(),
});

export function readEnv(source: Record<string, string | undefined> = process.env) {
  return loadEnv(envSchema, source);
}
