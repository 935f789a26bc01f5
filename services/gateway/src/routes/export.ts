// GET /export/<list>.csv?<the list's filters>: one admin list (exports.ts) as a CSV download, for
// a signed-in caller (session cookie or bearer). The list's GraphQL operation runs through this
// gateway as the caller (every subgraph rule applies as to the UI), page after page, and the rows
// stream out through csv-stringify as they arrive. Each export is in the identity audit trail
// (action `export`, the list, its filters, the columns given). Lists about people in recovery start
// with the 42 CFR § 2.32 notice (a `#` line) and carry it in `x-redisclosure-notice`.
import { once } from 'node:events';
import { ErrorCode } from '@cpss/domain';
import { recordAudit, requestIdOf, type Logger, type Principal, type TokenVerifier } from '@cpss/server-kit';
import { stringify } from 'csv-stringify';
import express, { type Response, type Router } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { DataSource } from 'typeorm';
import {
  auditFilters,
  columnsFor,
  EXPORT_MAX_ROWS,
  EXPORT_PAGE_SIZE,
  EXPORTS,
  NOTICE_LINE,
  recordOf,
  REDISCLOSURE_NOTICE,
  selectionOf,
  todayInNc,
  type ExportList,
} from '../exports';
import { tokenOf } from './auth';

/** One GraphQL operation through the gateway as the caller (ApolloServer.executeOperation in server.ts). */
export type ExecuteAs = (
  request: { query: string; variables: Record<string, unknown> },
  caller: { token: string; requestId: string; clientAddress: string },
) => Promise<{ status?: number; data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[]; retryAfter?: string }>;

export interface ExportRouteOptions {
  execute: ExecuteAs;
  verifier: TokenVerifier;
  /** The identity schema's connection, for its audit trail. */
  dataSource: DataSource;
  logger: Logger;
  /** The lists (default: exports.ts EXPORTS). Tests: smaller pages and limits. */
  lists?: Record<string, ExportList<any>>;
  pageSize?: number;
  maxRows?: number;
  clock?: () => Date;
}

type Node = Record<string, unknown>;
interface Page {
  rows: Node[];
  totalCount?: number;
  endCursor?: string | null;
  hasNextPage: boolean;
}

/** A GraphQL answer that is not a clean page, as the HTTP answer it becomes. */
class ExportRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const STATUS_OF_CODE: Record<string, number> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.ServiceUnavailable]: 503,
};

/** Any error fails the export: a file with a domain's cells silently empty would mislead. The gravest code decides. */
function refusalOf(errors: readonly GraphQLFormattedError[], retryAfter?: string): ExportRefused {
  const ranked = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'RATE_LIMITED', 'TOO_MANY_REQUESTS', 'SERVICE_UNAVAILABLE'];
  const codes = errors.map((e) => String(e.extensions?.['code'] ?? ''));
  const code = ranked.find((c) => codes.includes(c));
  const error = errors[codes.indexOf(code ?? '')] ?? errors[0]!;
  if (!code) return new ExportRefused(502, 'EXPORT_FAILED', 'The list could not be read for the export');
  const extra: Record<string, unknown> = {};
  if (error.extensions?.['fields']) extra['fields'] = error.extensions['fields'];
  if (error.extensions?.['service']) extra['service'] = error.extensions['service'];
  if (retryAfter) extra['retryAfterSeconds'] = Number(retryAfter);
  return new ExportRefused(STATUS_OF_CODE[code]!, code, error.message, extra);
}

export function exportRoutes(options: ExportRouteOptions): Router {
  const router = express.Router();
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const maxRows = options.maxRows ?? EXPORT_MAX_ROWS;
  const lists = options.lists ?? EXPORTS;
  const now = options.clock ?? (() => new Date());
  const fail = (res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}) =>
    res.status(status).json({ error: { code, message, ...extra } });

  router.get('/:file', async (req, res) => {
    const file = req.params['file'] ?? '';
    const listName = file.endsWith('.csv') ? file.slice(0, -4) : '';
    const list: ExportList | undefined = Object.hasOwn(lists, listName) ? lists[listName] : undefined;
    if (!list) {
      fail(res, 404, ErrorCode.NotFound, `No export named “${file}”; the exports are ${Object.keys(lists).map((n) => `${n}.csv`).join(', ')}`);
      return;
    }
    const token = tokenOf(req);
    const principal: Principal | null = token ? await options.verifier.verify(token).catch(() => null) : null;
    if (!token || !principal) {
      fail(res, 401, ErrorCode.Unauthenticated, token ? 'Your sign-in has expired' : 'Not signed in');
      return;
    }
    const parsed = list.params.safeParse(req.query);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({ field: i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(',') : ''), reason: i.message }));
      fail(res, 400, ErrorCode.BadUserInput, `The filters of the ${list.title} export are not valid`, { fields });
      return;
    }
    const params = parsed.data as Record<string, unknown>;
    const today = todayInNc(now());
    const columns = columnsFor(list, principal.roles);
    const query = list.document(selectionOf(columns), params);
    const requestId = requestIdOf(req);
    const caller = { token, requestId, clientAddress: req.ip ?? '' };

    const page = async (after: string | null): Promise<Page> => {
      const variables = { ...list.variables(params, today), ...(list.paged ? { first: pageSize, after } : {}) };
      const answer = await options.execute({ query, variables }, caller);
      if (answer.errors?.length || !answer.data) throw refusalOf(answer.errors ?? [], answer.retryAfter);
      if (!list.paged) return { rows: (list.rows!(answer.data) ?? []) as Node[], hasNextPage: false };
      const connection = answer.data['list'] as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Node }[] };
      return {
        rows: connection.edges.map((e) => e.node),
        totalCount: connection.totalCount,
        endCursor: connection.pageInfo.endCursor,
        hasNextPage: connection.pageInfo.hasNextPage,
      };
    };

    let current: Page;
    try {
      current = await page(null);
    } catch (err) {
      if (!(err instanceof ExportRefused)) throw err;
      fail(res, err.status, err.code, err.message, err.extra);
      return;
    }
    const total = current.totalCount ?? current.rows.length;
    if (total > maxRows) {
      fail(res, 413, 'EXPORT_TOO_LARGE', `The ${list.title} list has ${total} rows with these filters; an export gives at most ${maxRows}: narrow the filters`, {
        totalCount: total,
        maxRows,
      });
      return;
    }

    const headers = columns.map((c) => c.header);
    await recordAudit(options.dataSource.manager, {
      principal,
      action: 'export',
      subjectType: list.title,
      subjectId: auditFilters(list, params),
      fields: headers,
      requestId,
      operation: `export:${list.title}`,
    });

    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${list.title}-${today}.csv"`);
    res.setHeader('cache-control', 'no-store');
    if (list.notice) res.setHeader('x-redisclosure-notice', REDISCLOSURE_NOTICE);
    if (list.notice) res.write(`${NOTICE_LINE}\r\n`);

    const csv = stringify({ header: true, columns: headers, record_delimiter: 'windows' });
    csv.pipe(res);
    // The caller gone (a cancelled download): stop asking for pages, and stop waiting for room.
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    let written = 0;
    try {
      for (;;) {
        for (const row of current.rows) {
          if (list.keep && !list.keep(row, params, today)) continue;
          if (written >= maxRows) break;
          written += 1;
          if (!csv.write(recordOf(columns, row))) await once(csv, 'drain', { signal: gone.signal });
        }
        if (gone.signal.aborted || !current.hasNextPage || !current.endCursor || written >= maxRows) break;
        current = await page(current.endCursor);
      }
      csv.end();
    } catch (err) {
      // The status line is sent: cut the download short rather than end a file that lacks rows.
      options.logger.warn({ reqId: requestId, export: list.title, rows: written, code: err instanceof ExportRefused ? err.code : 'INTERNAL' }, 'export cut short');
      csv.destroy();
      res.destroy(err as Error);
    }
  });

  return router;
}
