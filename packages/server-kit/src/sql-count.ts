// Counts the SQL statements each request sends, so a request's cost can be read from the request
// log line (`sqlStatements`) and tests and benchmarks can check that lists batch: the number must
// not grow with a list's length.
import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import type { RequestHandler } from 'express';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

interface SqlCounter {
  statements: number;
  requestId?: string;
  /** Reads shared by the whole request (see oncePerRequest). */
  memo?: Map<string, Promise<unknown>>;
}

let traceFile: string | undefined;
let traceService = '';

/**
 * Tests only (env SQL_TRACE_FILE, refused in production): every statement this process sends is
 * appended to `file` as a JSON line `{ service, requestId, sql, parameters }`, so a test can
 * EXPLAIN exactly what the services ask of PostgreSQL with the values they ask it with.
 */
export function traceSqlTo(file: string, service: string): void {
  install();
  traceFile = file;
  traceService = service;
}

const current = new AsyncLocalStorage<SqlCounter>();
let installed = false;

/** Wraps the PostgreSQL query runner once per process: each query adds one to the request's count. */
function install(): void {
  if (installed) return;
  installed = true;
  const original = PostgresQueryRunner.prototype.query;
  PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, ...args: Parameters<typeof original>) {
    const counter = current.getStore();
    if (counter) counter.statements += 1;
    if (traceFile) {
      const [sql, parameters] = args;
      appendFileSync(traceFile, `${JSON.stringify({ service: traceService, requestId: counter?.requestId, sql, parameters: parameters ?? [] })}\n`);
    }
    return original.apply(this, args);
  } as typeof original;
}

/** Express middleware: the rest of the request runs with its own counter, kept on `res.locals`. */
export function sqlStatementCounting(): RequestHandler {
  install();
  return (req, res, next) => {
    const counter: SqlCounter = { statements: 0, requestId: req.id === undefined ? undefined : String(req.id) };
    res.locals['sqlCounter'] = counter;
    current.run(counter, next);
  };
}

/**
 * `read()` once per request under `key` (outside a request: every time). For reference data a
 * request asks for from several resolvers, such as the policy versions. A failed read is not kept.
 */
export function oncePerRequest<T>(key: string, read: () => Promise<T>): Promise<T> {
  const store = current.getStore();
  if (!store) return read();
  store.memo ??= new Map();
  let pending = store.memo.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = read();
    store.memo.set(key, pending);
    pending.catch(() => store.memo?.delete(key));
  }
  return pending;
}

/** Forgets what this request read under `key` (after a write to it). */
export function forgetForRequest(key: string): void {
  current.getStore()?.memo?.delete(key);
}

/** The statements counted so far for a response (undefined outside counted requests). */
export function sqlStatementsOfResponse(res: { locals?: Record<string, unknown> }): number | undefined {
  return (res.locals?.['sqlCounter'] as SqlCounter | undefined)?.statements;
}
