// The training subgraph's settings: the only reader of process.env in this service.
import { loadEnv, port, serviceEnvSchema } from '@cpss/server-kit';

export const envSchema = serviceEnvSchema({ PORT: port(4002) });

export function readEnv(source: Record<string, string | undefined> = process.env) {
  return loadEnv(envSchema, source);
}
