// npm start's settings: the only reader of process.env in the launcher.
import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

export const launcherEnvSchema = z.object({
  DATABASE_URL: z.string().optional(),
  DEVDB_PORT: port(54329),
  HOST: z.string().default('127.0.0.1'),
  GATEWAY_PORT: port(4000),
  CERTIFICATION_PORT: port(4001),
  TRAINING_PORT: port(4002),
  ETHICS_PORT: port(4003),
  AUTH_JWT_SECRET: z.string().min(32).optional(),
  /** Shared by the gateway and the subgraphs; generated once into .data/subgraph-secret when unset. */
  SUBGRAPH_SECRET: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  OIDC_ISSUER: z.string().optional(),
  OIDC_JWKS_URL: z.string().optional(),
  OIDC_AUDIENCE: z.string().optional(),
  /** Certification's reminders and notices go by SMTP when set; otherwise they are logged. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().optional(),
});

export type LauncherEnv = z.infer<typeof launcherEnvSchema>;

export function readLauncherEnv(source: Record<string, string | undefined> = process.env): LauncherEnv {
  const parsed = launcherEnvSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) process.stderr.write(`${issue.path.join('.')}: ${issue.message}\n`);
  process.exit(1);
}
