// Where the CPU went: user + system time of each process group over a load run, from
// /proc/<pid>/stat (utime, stime), divided by the requests served: milliseconds of CPU per request.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ProcessGroup } from './memory';

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU time (ms) a process has used so far, or null when it is gone. */
export function cpuMsOf(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Fields after "(comm) ": state is [0], utime [11], stime [12] (fields 14 and 15 of stat).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
}

export type CpuSnapshot = Map<string, Map<number, number>>;

/** CPU time so far of every process of every group (and of this process, the load generator, as "bench"). */
export function cpuSnapshot(groups: readonly ProcessGroup[]): CpuSnapshot {
  const snap: CpuSnapshot = new Map();
  for (const g of groups) {
    const byPid = new Map<number, number>();
    for (const pid of g.pids()) {
      const ms = cpuMsOf(pid);
      if (ms !== null) byPid.set(pid, ms);
    }
    snap.set(g.name, byPid);
  }
  const own = process.cpuUsage();
  snap.set('bench', new Map([[process.pid, (own.user + own.system) / 1000]]));
  return snap;
}

/** CPU ms used by each group between two snapshots (a process that appeared in between counts from 0). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, pids] of after) {
    let used = 0;
    for (const [pid, ms] of pids) used += ms - (before.get(name)?.get(pid) ?? 0);
    out.set(name, used);
  }
  return out;
}

/** CPU time (ms) all cores of the machine have been busy so far (user, nice, system, irq, softirq, steal), and stolen by the hypervisor. */
export function machineCpuMs(): { busy: number; steal: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number) as number[];
  const ms = (ticks: number) => (ticks * 1000) / clockTicks();
  return { busy: ms(user! + nice! + system! + irq! + softirq! + steal!), steal: ms(steal!) };
}
