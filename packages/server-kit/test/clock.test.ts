import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileClock, parseEnv, serviceEnvSchema } from '../src';

describe('the test clock file', () => {
  it('moves today and now to the date written in it, keeping the time of day', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'clock-')), 'today');
    writeFileSync(file, '2028-10-16\n');
    const clock = fileClock(file);
    expect(clock.today()).toBe('2028-10-16');
    const real = new Date();
    writeFileSync(file, '2030-02-28');
    expect(clock.today()).toBe('2030-02-28');
    expect(clock.now().getUTCFullYear()).toBe(2030);
    expect(Math.abs((clock.now().getTime() % 86_400_000) - (real.getTime() % 86_400_000))).toBeLessThan(60_000);
    writeFileSync(file, 'tomorrow');
    expect(() => clock.today()).toThrow(/YYYY-MM-DD/);
  });

  it('is refused in production', () => {
    const env = { DATABASE_URL: 'postgres://u@h/db', AUTH_JWT_SECRET: 'x'.repeat(32), SUBGRAPH_SECRET: 's'.repeat(32), CLOCK_FILE: '/tmp/today' };
    expect(() => parseEnv(serviceEnvSchema({}), { ...env, NODE_ENV: 'production' })).toThrow(/CLOCK_FILE: a test clock is not allowed in production/);
    expect(parseEnv(serviceEnvSchema({}), { ...env, NODE_ENV: 'test' }).CLOCK_FILE).toBe('/tmp/today');
  });
});
