// Resident memory of the platform's processes, read from /proc (Linux): VmRSS from
// /proc/<pid>/status, and PSS from /proc/<pid>/smaps_rollup (shared pages divided among the
// processes sharing them, so PostgreSQL's shared buffers are not counted once per backend).
// The launcher does not expose its children's pids, so they are found by walking /proc for the
// children of this process; PostgreSQL's by the parent of a backend (the postmaster) and its children.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessMemory {
  rssKb: number;
  pssKb: number | null;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

export function parentOf(pid: number): number | null {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (!stat) return null;
  // pid (comm) state ppid ...: comm may hold spaces and parentheses, so split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[1]);
}

export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    if (parentOf(Number(entry)) === pid) out.push(Number(entry));
  }
  return out;
}

export function cmdlineOf(pid: number): string {
  return (readOrNull(`/proc/${pid}/cmdline`) ?? '').split('\0').join(' ').trim();
}

export function memoryOf(pid: number): ProcessMemory | null {
  const status = readOrNull(`/proc/${pid}/status`);
  const rss = status?.match(/^VmRSS:\s+(\d+) kB/m);
  if (!rss) return null;
  const rollup = readOrNull(`/proc/${pid}/smaps_rollup`);
  const pss = rollup?.match(/^Pss:\s+(\d+) kB/m);
  return { rssKb: Number(rss[1]), pssKb: pss ? Number(pss[1]) : null };
}

/** A group of processes measured together: one service, or PostgreSQL's postmaster, or its backends. */
export interface ProcessGroup {
  name: string;
  /** The pids now (PostgreSQL's backends come and go). */
  pids(): number[];
}

export interface GroupPeak {
  name: string;
  processes: number;
  rssKb: number;
  pssKb: number | null;
}

/** Samples groups every `intervalMs` while running; keeps each group's peak and the peak of the total. */
export class MemorySampler {
  private timer: NodeJS.Timeout | null = null;
  private readonly peaks = new Map<string, GroupPeak>();
  private peakTotal = { rssKb: 0, pssKb: 0 };
  samples = 0;

  constructor(private readonly groups: ProcessGroup[]) {}

  sample(): void {
    let rssTotal = 0;
    let pssTotal = 0;
    for (const group of this.groups) {
      const pids = group.pids();
      let rss = 0;
      let pss = 0;
      let pssKnown = true;
      let alive = 0;
      for (const pid of pids) {
        const m = memoryOf(pid);
        if (!m) continue;
        alive += 1;
        rss += m.rssKb;
        if (m.pssKb === null) pssKnown = false;
        else pss += m.pssKb;
      }
      rssTotal += rss;
      pssTotal += pss;
      const peak = this.peaks.get(group.name) ?? { name: group.name, processes: 0, rssKb: 0, pssKb: pssKnown ? 0 : null };
      peak.processes = Math.max(peak.processes, alive);
      peak.rssKb = Math.max(peak.rssKb, rss);
      peak.pssKb = pssKnown && peak.pssKb !== null ? Math.max(peak.pssKb, pss) : null;
      this.peaks.set(group.name, peak);
    }
    this.peakTotal = { rssKb: Math.max(this.peakTotal.rssKb, rssTotal), pssKb: Math.max(this.peakTotal.pssKb, pssTotal) };
    this.samples += 1;
  }

  start(intervalMs = 1000): void {
    this.stop();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  result(): { groups: GroupPeak[]; total: { rssKb: number; pssKb: number } } {
    return { groups: this.groups.map((g) => this.peaks.get(g.name) ?? { name: g.name, processes: 0, rssKb: 0, pssKb: null }), total: this.peakTotal };
  }
}

/** The launcher's service processes: children of this process running services/<name>/dist/main.js. */
export function servicePid(name: string, parent = process.pid): number | null {
  const marker = `services/${name}/dist/main.js`;
  return childrenOf(parent).find((pid) => cmdlineOf(pid).includes(marker)) ?? null;
}

/** PostgreSQL's postmaster, from a backend's pid (SELECT pg_backend_pid()), when the server runs on this machine. */
export function postmasterOf(backendPid: number): number | null {
  const parent = parentOf(backendPid);
  return parent && /postgres|postmaster/.test(cmdlineOf(parent)) ? parent : null;
}
