// `npm start`: the database (embedded unless DATABASE_URL), every service's migrations and demo
// seed, the three subgraphs and the gateway (which serves the UI); prints the URLs and demo
// accounts; Ctrl-C or SIGTERM stops everything.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ROLE_LABELS } from '@cpss/domain';
import { DatabaseUnavailableError, openDatabase, type PlatformDatabase } from './database';
import { readLauncherEnv } from './env';
import { ServiceStartError, startPlatform, type RunningPlatform } from './platform';
import { localSecret } from './secret';

const root = join(__dirname, '..', '..', '..');
const dev = process.argv.includes('--dev');

/** Packages recompiled on change in `npm run dev` (node --watch then restarts the service). */
const WATCHED = ['packages/domain', 'packages/server-kit', 'services/certification', 'services/training', 'services/ethics', 'services/gateway'];

function startDevTools(): ChildProcess[] {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const watchers = WATCHED.map((dir) =>
    spawn(process.execPath, [tsc, '-p', join(root, dir), '--watch', '--preserveWatchOutput'], { stdio: ['ignore', 'ignore', 'inherit'] }),
  );
  const vite = spawn(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), '--port', '5173', '--strictPort'], {
    cwd: join(root, 'web'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return [...watchers, vite];
}

async function main(): Promise<void> {
  const started = Date.now();
  const env = readLauncherEnv();
  let database: PlatformDatabase | null = null;
  let platform: RunningPlatform | null = null;
  let stopping = false;
  let devTools: ChildProcess[] = [];

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nstopping…\n');
    for (const tool of devTools) tool.kill('SIGTERM');
    await platform?.stop();
    await database?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGHUP', () => void shutdown(0));

  try {
    database = await openDatabase({ databaseUrl: env.DATABASE_URL, repoRoot: root, devdbPort: env.DEVDB_PORT });
    if (database.notice) process.stdout.write(`note: ${database.notice}\n`);
    platform = await startPlatform({
      repoRoot: root,
      databaseUrl: database.url,
      host: env.HOST,
      ports: { gateway: env.GATEWAY_PORT, certification: env.CERTIFICATION_PORT, training: env.TRAINING_PORT, ethics: env.ETHICS_PORT },
      secret: env.AUTH_JWT_SECRET ?? localSecret(join(root, '.data', 'auth-secret')),
      subgraphSecret: env.SUBGRAPH_SECRET ?? localSecret(join(root, '.data', 'subgraph-secret')),
      seedDemo: env.SEED_DEMO,
      logLevel: env.LOG_LEVEL,
      logDir: join(root, '.data', 'logs'),
      extraEnv: {
        OIDC_ISSUER: env.OIDC_ISSUER,
        OIDC_JWKS_URL: env.OIDC_JWKS_URL,
        OIDC_AUDIENCE: env.OIDC_AUDIENCE,
        SMTP_URL: env.SMTP_URL,
        MAIL_FROM: env.MAIL_FROM,
      },
      watch: dev,
    });
    if (dev) devTools = startDevTools();
  } catch (err) {
    if (err instanceof DatabaseUnavailableError || err instanceof ServiceStartError) {
      process.stderr.write(`npm start: ${err.message}\n`);
      await platform?.stop();
      await database?.stop().catch(() => undefined);
      process.exit(1);
    }
    throw err;
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const u = platform.urls;
  const lines = [
    '',
    `CPSS Platform is running (ready in ${seconds} s)`,
    ...(dev ? ['  Web UI      http://127.0.0.1:5173/ (Vite, hot reload; services restart when their code changes)'] : []),
    `  Web UI      ${platform.gatewayUrl}/${dev ? ' (last build)' : ''}`,
    `  GraphQL     ${u.gateway}`,
    `  Subgraphs   certification ${u.certification}`,
    `              training      ${u.training}`,
    `              ethics        ${u.ethics}`,
    `  Database    ${database.description}`,
    `  Logs        ${join(root, '.data', 'logs')}`,
    '',
    ...(env.SEED_DEMO
      ? [
          `Demo accounts (password: ${DEMO_PASSWORD})`,
          ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(30)} ${a.roles.map((r) => ROLE_LABELS[r]).join(', ')}`),
          '',
        ]
      : []),
    'Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
  const { service, code } = await platform.exited;
  process.stderr.write(`${service} stopped unexpectedly (exit code ${code}); see ${join(root, '.data', 'logs', `${service}.log`)}\n`);
  await shutdown(1);
}

main().catch((err: unknown) => {
  process.stderr.write(`npm start: ${(err as Error).message}\n`);
  process.exit(1);
});
