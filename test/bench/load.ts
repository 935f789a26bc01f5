// One load run with autocannon: a fixed number of connections for a fixed time, every response's
// latency kept (autocannon's own summary has no p95), GraphQL errors in a 200 counted as errors.
import autocannon from 'autocannon';

export interface LoadTarget {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Bodies the connections cycle through (one: the same body every time). */
  bodies?: string[];
  /** A GraphQL response with `errors` (status 200) counts as an error. */
  graphql?: boolean;
}

export interface LoadResult {
  requests: number;
  durationS: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** 2xx responses whose body had GraphQL errors (or failed the check). */
  bodyErrors: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank - 1, 0), sorted.length - 1)]!;
}

export async function runLoad(target: LoadTarget, options: { durationS: number; connections: number; timeoutS?: number }): Promise<LoadResult> {
  const bodies = target.bodies ?? [];
  let next = 0;
  const latencies: number[] = [];
  let bodyErrors = 0;
  let instance!: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({
      url: target.url,
      method: target.method ?? 'POST',
      headers: target.headers,
      connections: options.connections,
      duration: options.durationS,
      timeout: options.timeoutS ?? 30,
      body: bodies.length === 1 ? bodies[0] : undefined,
      requests:
        bodies.length > 1
          ? [
              {
                setupRequest: (req: Record<string, unknown>) => {
                  req['body'] = bodies[next++ % bodies.length];
                  return req;
                },
              },
            ]
          : undefined,
      verifyBody: target.graphql
        ? (body: string) => {
            // A GraphQL result in a 200 with errors is not a good answer, whatever its status.
            const ok = !body.includes('"errors":');
            if (!ok) bodyErrors += 1;
            return true;
          }
        : undefined,
    } as autocannon.Options, (err: unknown, result: autocannon.Result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(result)));
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  const durationS = result.duration;
  return {
    requests: result.requests.total,
    durationS,
    rps: result.requests.total / durationS,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bodyErrors,
  };
}
