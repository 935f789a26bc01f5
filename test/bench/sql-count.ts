// SQL statements per request, from the subgraphs' request log lines: each subgraph writes one JSON
// line per request with `req.id` (the x-request-id the gateway passes on) and `sqlStatements`. A
// gateway request may reach a subgraph more than once (entity fetches), so all lines of an id add up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SUBGRAPHS = ['certification', 'training', 'ethics'] as const;
export type Subgraph = (typeof SUBGRAPHS)[number];

export interface SqlCount {
  total: number;
  /** Statements per subgraph (absent: not reached). */
  bySubgraph: Partial<Record<Subgraph, number>>;
  /** Subgraph requests (HTTP calls from the gateway) per subgraph. */
  calls: Partial<Record<Subgraph, number>>;
}

interface LogLine {
  req?: { id?: unknown };
  reqId?: unknown;
  sqlStatements?: unknown;
}

/** Reads the three subgraph logs once and counts the statements of each request id asked for. */
export function sqlCounts(logDir: string, requestIds: readonly string[]): Map<string, SqlCount> {
  const wanted = new Set(requestIds);
  const counts = new Map<string, SqlCount>(requestIds.map((id) => [id, { total: 0, bySubgraph: {}, calls: {} }]));
  for (const subgraph of SUBGRAPHS) {
    let text: string;
    try {
      text = readFileSync(join(logDir, `${subgraph}.log`), 'utf8');
    } catch {
      continue;
    }
    for (const raw of text.split('\n')) {
      if (!raw.startsWith('{') || !raw.includes('sqlStatements')) continue;
      let line: LogLine;
      try {
        line = JSON.parse(raw) as LogLine;
      } catch {
        continue;
      }
      const id = String(line.req?.id ?? line.reqId ?? '');
      if (!wanted.has(id) || typeof line.sqlStatements !== 'number') continue;
      const count = counts.get(id)!;
      count.total += line.sqlStatements;
      count.bySubgraph[subgraph] = (count.bySubgraph[subgraph] ?? 0) + line.sqlStatements;
      count.calls[subgraph] = (count.calls[subgraph] ?? 0) + 1;
    }
  }
  return counts;
}

/** "3 (c 1 · t 1 · e 1)": the total and each subgraph's share, from the first letter of its name. */
export function formatSqlCount(count: SqlCount | undefined): string {
  if (!count) return 'n/a';
  const parts = SUBGRAPHS.filter((s) => count.bySubgraph[s] !== undefined).map((s) => `${s[0]} ${count.bySubgraph[s]}`);
  return parts.length ? `${count.total} (${parts.join(' · ')})` : String(count.total);
}
