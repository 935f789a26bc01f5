// Runs detached beside the process that started the embedded PostgreSQL. When that process is gone
// (even by kill -9) it stops the server with a fast shutdown, so no postgres is orphaned.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [parentArg, dataDir] = process.argv.slice(2);
const parent = Number(parentArg);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function postmaster(): number | null {
  const file = join(dataDir!, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

const timer = setInterval(() => {
  const pg = postmaster();
  if (pg === null || !alive(pg)) {
    clearInterval(timer);
    return;
  }
  if (!alive(parent)) {
    process.kill(pg, 'SIGINT');
    clearInterval(timer);
  }
}, 500);
