// The HTTP side every service shares: request ids, request logging, liveness and readiness.
import { randomUUID } from 'node:crypto';
import type { Express, Request, RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { sqlStatementsOfResponse } from './sql-count';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

declare module 'http' {
  interface IncomingMessage {
    id: string | number | object;
  }
}

export function requestIdOf(req: Request): string {
  return String(req.id);
}

/** Takes `x-request-id` from the caller when well-formed, else makes one; echoes it on the response. */
export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    // The request line holds only the fields the serializers below keep, so it needs none of the
    // wildcard redaction paths of the service's logger (about 40 µs a line, on every request).
    logger: logger.child({}, { redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' } }),
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    // A subgraph's request line says how many SQL statements it sent (see sql-count.ts).
    customSuccessObject: (_req, res, value: Record<string, unknown>) => {
      const sqlStatements = sqlStatementsOfResponse(res as unknown as { locals?: Record<string, unknown> });
      return sqlStatements === undefined ? value : { ...value, sqlStatements };
    },
    serializers: {
      // The path without its query string: a GET carries the operation's variables there.
      // The path without its query string: a GET carries the operation's variables there.
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: (req.url ?? '').split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      // Never the request body a parser error carries (express.json's SyntaxError has `body`).
      err: (err: { type?: string; name?: string; message?: string; stack?: string; status?: number; code?: string }) => ({
        type: err.type ?? err.name,
        message: err.message,
        stack: err.stack,
        status: err.status,
        code: err.code,
      }),
    },
  });
}

/** /health/live answers while the process runs; /health/ready only when the database answers too. */
export function healthRoutes(app: Express, ready: () => Promise<void>): void {
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    try {
      await ready();
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database not reachable' });
    }
  });
}
