// Env parsing with zod: every problem listed at once, then a non-zero exit. Each service has one
// env.ts that calls loadEnv with its schema; nothing else reads process.env.
import { z } from 'zod';

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function parseEnv<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
}

/** parseEnv, or print every problem and exit 1. */
export function loadEnv<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  try {
    return parseEnv(schema, source);
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** The settings every service shares (subgraphs and gateway). */
export const commonEnvShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// url' }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  AUTH_JWT_ISSUER: z.string().default('cpss-gateway'),
  AUTH_JWT_AUDIENCE: z.string().default('cpss'),
  /** Shared by the gateway and the subgraphs: the gateway signs each subgraph request with it (gateway-signature.ts). Required everywhere. */
  SUBGRAPH_SECRET: z.string().min(32, 'must be at least 32 characters (the gateway and the subgraphs share it)'),
  OIDC_ISSUER: z.string().optional(),
  OIDC_JWKS_URL: z.url().optional(),
  OIDC_AUDIENCE: z.string().optional(),
  OIDC_ROLES_CLAIM: z.string().default('roles'),
  MIGRATE_ON_START: bool.default(true),
  SEED_DEMO: bool.default(false),
  /** Tests only: a file holding the date every rule takes as today (see fileClock). */
  CLOCK_FILE: z.string().optional(),
  /** Subgraphs: the gateway's GraphQL URL, where they ask other domains as a service. */
  GATEWAY_URL: z.url().optional(),
  /** Tests only: a file every SQL statement is appended to with its parameters (see traceSqlTo). */
  SQL_TRACE_FILE: z.string().optional(),
  /** Set by the launcher: stop when its pipe to us closes, so a killed launcher leaves no service behind. */
  EXIT_WITH_STDIN: bool.default(false),
};

const oidcPaired = (e: { OIDC_ISSUER?: string; OIDC_JWKS_URL?: string }) => !e.OIDC_ISSUER === !e.OIDC_JWKS_URL;
const noTestClockInProduction = (e: { NODE_ENV?: string; CLOCK_FILE?: string }) => !(e.NODE_ENV === 'production' && e.CLOCK_FILE);
const noSqlTraceInProduction = (e: { NODE_ENV?: string; SQL_TRACE_FILE?: string }) => !(e.NODE_ENV === 'production' && e.SQL_TRACE_FILE);

/** A service's env schema: the common settings, its own, and the checks across them. */
export function serviceEnvSchema<E extends z.ZodRawShape>(own: E) {
  return z
    .object({ ...commonEnvShape, ...own })
    .refine((e) => oidcPaired(e as { OIDC_ISSUER?: string; OIDC_JWKS_URL?: string }), {
      message: 'OIDC_ISSUER and OIDC_JWKS_URL go together',
      path: ['OIDC_JWKS_URL'],
    })
    .refine((e) => noTestClockInProduction(e as { NODE_ENV?: string; CLOCK_FILE?: string }), {
      message: 'a test clock is not allowed in production',
      path: ['CLOCK_FILE'],
    })
    .refine((e) => noSqlTraceInProduction(e as { NODE_ENV?: string; SQL_TRACE_FILE?: string }), {
      message: 'an SQL trace (statements with their parameters) is not allowed in production',
      path: ['SQL_TRACE_FILE'],
    });
}

export const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
/** STATISTICS_MAX_AGE_SECONDS: how long today's statistics are served again (0: counted every time); see RecentAnswer. */
export const statisticsMaxAgeSeconds = () => z.coerce.number().int().min(0).max(3600).default(60);

export type CommonEnv = z.infer<z.ZodObject<typeof commonEnvShape>>;

export function authConfigFrom(env: {
  AUTH_JWT_SECRET: string;
  AUTH_JWT_ISSUER: string;
  AUTH_JWT_AUDIENCE: string;
  OIDC_ISSUER?: string;
  OIDC_JWKS_URL?: string;
  OIDC_AUDIENCE?: string;
  OIDC_ROLES_CLAIM: string;
}) {
  return {
    secret: env.AUTH_JWT_SECRET,
    issuer: env.AUTH_JWT_ISSUER,
    audience: env.AUTH_JWT_AUDIENCE,
    oidc:
      env.OIDC_ISSUER && env.OIDC_JWKS_URL
        ? { issuer: env.OIDC_ISSUER, jwksUrl: env.OIDC_JWKS_URL, audience: env.OIDC_AUDIENCE, rolesClaim: env.OIDC_ROLES_CLAIM }
        : undefined,
  };
}
