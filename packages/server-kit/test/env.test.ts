import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv, port, serviceEnvSchema } from '../src';

const schema = serviceEnvSchema({ PORT: port(4001) });

describe('env parsing', () => {
  it('lists every problem at once', () => {
    let caught: unknown;
    try {
      parseEnv(schema, { DATABASE_URL: 'mysql://x', AUTH_JWT_SECRET: 'short', PORT: '99999' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const problems = (caught as EnvError).problems.join('\n');
    expect(problems).toContain('DATABASE_URL');
    expect(problems).toContain('AUTH_JWT_SECRET');
    expect(problems).toContain('PORT');
  });

  it('applies defaults and coerces numbers and flags', () => {
    const env = parseEnv(schema, { DATABASE_URL: 'postgres://u:p@localhost/db', AUTH_JWT_SECRET: 'x'.repeat(32), SUBGRAPH_SECRET: 's'.repeat(32), SEED_DEMO: 'true' });
    expect(env.PORT).toBe(4001);
    expect(env.SEED_DEMO).toBe(true);
    expect(env.MIGRATE_ON_START).toBe(true);
  });

  it('wants SUBGRAPH_SECRET, at least 32 characters, in every environment', () => {
    const base = { DATABASE_URL: 'postgres://localhost/db', AUTH_JWT_SECRET: 'x'.repeat(32) };
    for (const NODE_ENV of ['production', 'development', 'test']) {
      expect(() => parseEnv(schema, { ...base, NODE_ENV })).toThrow(/SUBGRAPH_SECRET: /);
      expect(() => parseEnv(schema, { ...base, NODE_ENV, SUBGRAPH_SECRET: 's'.repeat(31) })).toThrow(/SUBGRAPH_SECRET: must be at least 32 characters/);
      expect(parseEnv(schema, { ...base, NODE_ENV, SUBGRAPH_SECRET: 's'.repeat(32) }).SUBGRAPH_SECRET).toBe('s'.repeat(32));
    }
  });

  it('wants the OIDC issuer and its JWKS together', () => {
    expect(() =>
      parseEnv(schema, { DATABASE_URL: 'postgres://localhost/db', AUTH_JWT_SECRET: 'x'.repeat(32), SUBGRAPH_SECRET: 's'.repeat(32), OIDC_ISSUER: 'https://id.example' }),
    ).toThrow(/OIDC_JWKS_URL/);
  });
});
