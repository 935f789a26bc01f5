// Starts the platform's services as processes (three subgraphs and the gateway, all at once: the
// gateway needs no subgraph to start since its supergraph is composed at build time), waits until
// each is ready, and stops them all. Used by `npm start` and by the end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const SERVICES = ['certification', 'training', 'ethics', 'gateway'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface PlatformOptions {
  repoRoot: string;
  databaseUrl: string;
  host: string;
  ports: Record<ServiceName, number>;
  secret: string;
  /** SUBGRAPH_SECRET for all four: the gateway signs its subgraph requests with it. A fresh one per platform when absent. */
  subgraphSecret?: string;
  seedDemo: boolean;
  logLevel: string;
  /** Each service's stdout (JSON log lines) goes to <logDir>/<service>.log. */
  logDir: string;
  /** Extra env for every service (OIDC settings, NODE_ENV). */
  extraEnv?: Record<string, string | undefined>;
  readyTimeoutMs?: number;
  /** Development: restart a service when its built files change (node --watch). */
  watch?: boolean;
}

export interface RunningPlatform {
  urls: Record<ServiceName, string>;
  gatewayUrl: string;
  /** The platform's SUBGRAPH_SECRET (a test playing the gateway signs with it). */
  subgraphSecret: string;
  /** Resolves when any service exits on its own (with its name). */
  exited: Promise<{ service: ServiceName; code: number | null }>;
  stop(): Promise<void>;
  /** Stops one service (a fault test), leaving the others running. */
  stopService(name: ServiceName): Promise<void>;
  /** Starts a stopped service again and waits until it is ready. */
  startService(name: ServiceName): Promise<void>;
}

export class ServiceStartError extends Error {}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number, name: string, stderr: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new ServiceStartError(`${name} exited (code ${child.exitCode}): ${stderr().trim().split('\n').slice(-3).join(' | ')}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new ServiceStartError(`${name} was not ready within ${timeoutMs / 1000} s: ${stderr().trim().split('\n').slice(-3).join(' | ')}`);
}

export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  mkdirSync(options.logDir, { recursive: true });
  const base = (name: ServiceName) => `http://${options.host}:${options.ports[name]}`;
  const urls = Object.fromEntries(SERVICES.map((s) => [s, `${base(s)}/graphql`])) as Record<ServiceName, string>;
  const subgraphSecret = options.subgraphSecret ?? randomBytes(32).toString('base64url');
  const common = {
    PATH: process.env['PATH'],
    NODE_ENV: 'development',
    ...options.extraEnv,
    HOST: options.host,
    DATABASE_URL: options.databaseUrl,
    AUTH_JWT_SECRET: options.secret,
    SUBGRAPH_SECRET: subgraphSecret,
    LOG_LEVEL: options.logLevel,
    SEED_DEMO: String(options.seedDemo),
    EXIT_WITH_STDIN: 'true',
  };
  const children = new Map<ServiceName, ChildProcess>();
  const stderrTails = new Map<ServiceName, string>();
  let exitedResolve: (v: { service: ServiceName; code: number | null }) => void = () => undefined;
  const exited = new Promise<{ service: ServiceName; code: number | null }>((r) => (exitedResolve = r));
  let stopping = false;
  /** Services stopped on purpose (a fault test): their exit is not the platform failing. */
  const stoppedOnPurpose = new Set<ServiceName>();

  const spawnService = (name: ServiceName) => {
    const env: Record<string, string | undefined> = { ...common, PORT: String(options.ports[name]) };
    if (name === 'gateway') {
      env['CERTIFICATION_URL'] = urls.certification;
      env['TRAINING_URL'] = urls.training;
      env['ETHICS_URL'] = urls.ethics;
    } else {
      // Subgraphs ask other domains (facts, commands) through the gateway, as themselves.
      env['GATEWAY_URL'] = urls.gateway;
    }
    const main = join(options.repoRoot, 'services', name, 'dist', 'main.js');
    const child = spawn(process.execPath, options.watch ? ['--watch', '--no-warnings', main] : [main], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const log = createWriteStream(join(options.logDir, `${name}.log`), { flags: 'a' });
    child.stdout!.pipe(log);
    child.stderr!.on('data', (chunk: Buffer) => {
      const tail = (stderrTails.get(name) ?? '') + chunk.toString();
      stderrTails.set(name, tail.slice(-4000));
      log.write(chunk);
    });
    child.on('exit', (code) => {
      if (!stopping && !stoppedOnPurpose.has(name)) exitedResolve({ service: name, code });
    });
    children.set(name, child);
    return child;
  };

  const stopChild = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });

  const ready = (name: ServiceName) =>
    waitReady(`${base(name)}/health/ready`, children.get(name)!, options.readyTimeoutMs ?? 60_000, name, () => stderrTails.get(name) ?? '');

  for (const name of SERVICES) spawnService(name);

  const stop = async () => {
    stopping = true;
    await Promise.all([...children.values()].map(stopChild));
  };

  try {
    await Promise.all(SERVICES.map(ready));
  } catch (err) {
    await stop();
    throw err;
  }
  const stopService = async (name: ServiceName) => {
    stoppedOnPurpose.add(name);
    await stopChild(children.get(name)!);
  };
  const startService = async (name: ServiceName) => {
    spawnService(name);
    await ready(name);
    stoppedOnPurpose.delete(name);
  };
  return { urls, gatewayUrl: base('gateway'), subgraphSecret, exited, stop, stopService, startService };
}
