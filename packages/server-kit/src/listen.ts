// Listening and stopping the same way in every service: SIGINT/SIGTERM close the server, then the
// database pool, then exit.
import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Logger } from 'pino';

export async function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(server)));
    server.on('error', reject);
  });
}

export function stopOnSignals(logger: Logger, steps: (() => Promise<unknown>)[], options: { exitWithStdin?: boolean } = {}): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    // A step that hangs (a pool whose database is already gone) must not keep the process alive.
    setTimeout(() => process.exit(0), 5000).unref();
    for (const step of steps) {
      try {
        await step();
      } catch (err) {
        logger.warn({ err }, 'error while stopping');
      }
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  if (options.exitWithStdin) {
    process.stdin.on('end', () => void stop('parent gone'));
    process.stdin.resume();
  }
}
