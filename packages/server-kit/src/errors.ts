// The platform's GraphQL errors (DESIGN.md "API conventions") and the masking of everything else.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { CLIENT_ERROR_CODES, ErrorCode } from '@cpss/domain';
import type { Logger } from 'pino';

export interface FieldProblem {
  field: string;
  reason: string;
}

export function badInput(problems: FieldProblem[] | FieldProblem): GraphQLError {
  const list = Array.isArray(problems) ? problems : [problems];
  return new GraphQLError(`Invalid input: ${list.map((p) => `${p.field} ${p.reason}`).join('; ')}`, {
    extensions: { code: ErrorCode.BadUserInput, fields: list },
  });
}

export function unauthenticated(message = 'Sign in to do this'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.Unauthenticated } });
}

/** A request whose token is bad is refused whole, with HTTP 401 (not per field). */
export function invalidToken(): GraphQLError {
  return new GraphQLError('Your sign-in is not valid or has expired', {
    extensions: { code: ErrorCode.Unauthenticated, http: { status: 401 } },
  });
}

export function forbidden(message = 'Your role does not allow this'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.Forbidden } });
}

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`${what} ${id} was not found`, { extensions: { code: ErrorCode.NotFound, what, id } });
}

export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.Conflict } });
}

export interface UnmetRule {
  rule: string;
  reason: string;
}

export function failedPrecondition(message: string, unmet: UnmetRule[]): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FailedPrecondition, unmet } });
}

export function serviceUnavailable(service: string): GraphQLError {
  return new GraphQLError(`${service} is unavailable; nothing was changed, try again shortly`, {
    extensions: { code: ErrorCode.ServiceUnavailable, service },
  });
}

interface ClassValidatorError {
  property: string;
  constraints?: Record<string, string>;
  children?: ClassValidatorError[];
}

function flattenValidation(errors: ClassValidatorError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });
}

/** True for errors a client may see as they are; false for anything unexpected (to be masked). */
export function isClientError(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  const code = error.extensions?.['code'];
  if (code === 'UNAUTHORIZED') return true;
  if (typeof code !== 'string' || !CLIENT_ERROR_CODES.includes(code)) return false;
  // A GraphQLError wrapping an Error thrown in a resolver is unexpected, whatever it claims; one
  // wrapping a plain object is a subgraph's already-formatted error relayed by the gateway.
  const inner: unknown = error.originalError;
  return !(inner instanceof Error) || inner instanceof GraphQLError;
}

function unwrap(error: unknown): unknown {
  if (error instanceof GraphQLError && error.originalError instanceof GraphQLError) return unwrap(error.originalError);
  return error;
}

/**
 * graphql-js stops coercing variables after 50 bad values with an error of its own, without a code
 * ("Too many errors processing variables..."): still the client's input, not a fault of ours.
 */
function isVariableErrorLimit(error: unknown): boolean {
  return error instanceof GraphQLError && !error.path && error.message.startsWith('Too many errors processing variables');
}

/**
 * PostgreSQL could not be reached or cut the connection (a restart, a failover, too many
 * connections): not the client's fault, and worth a retry. Looks through GraphQL's wrapping,
 * TypeORM's driverError and `cause`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let e = error as { code?: unknown; message?: unknown; originalError?: unknown; driverError?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth += 1) {
    const code = typeof e.code === 'string' ? e.code : '';
    // 08: connection exception; 57P01-03: shut down by the administrator, crashed, cannot connect now; 53300: too many connections.
    if (/^08/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300' || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(code)) return true;
    if (typeof e.message === 'string' && /Connection terminated|is not queryable|timeout exceeded when trying to connect/i.test(e.message)) return true;
    // TypeORM, when the connection of a transaction was lost under it and the runner let go.
    if ((e as { name?: unknown }).name === 'QueryRunnerAlreadyReleasedError') return true;
    e = (e.originalError ?? e.driverError ?? e.cause) as typeof e;
  }
  return false;
}

/**
 * Apollo Server `formatError`: known client errors pass with their code; type-graphql's validation
 * errors become BAD_USER_INPUT with the field and why; a database out of reach is
 * SERVICE_UNAVAILABLE; anything else is masked as INTERNAL_SERVER_ERROR (the errorLogging plugin
 * logs it and adds the request id).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const inner = unwrap(error);
  const code = formatted.extensions?.['code'];
  if (code === 'BAD_USER_INPUT' && Array.isArray(formatted.extensions?.['validationErrors'])) {
    const fields = flattenValidation(formatted.extensions['validationErrors'] as ClassValidatorError[]);
    return {
      message: `Invalid input: ${fields.map((f) => `${f.field} ${f.reason}`).join('; ')}`,
      path: formatted.path,
      extensions: { code, fields },
    };
  }
  if (isClientError(inner) || isClientError(error)) {
    const { http: _http, stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    if (code === 'UNAUTHORIZED') extensions['code'] = ErrorCode.Forbidden;
    return { ...formatted, extensions };
  }
  if (isVariableErrorLimit(inner)) return { message: formatted.message, extensions: { code: ErrorCode.BadUserInput } };
  if (isDatabaseUnavailable(inner)) {
    return { message: 'The database is unavailable; try again shortly', path: formatted.path, extensions: { code: ErrorCode.ServiceUnavailable, service: 'database' } };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.Internal } };
}

interface ErrorLoggingContext {
  requestId: string;
  logger: Logger;
}

/**
 * Logs each unexpected error with the request id (detail only here) and gives the client that id
 * on the masked error, so a help-desk report can be matched to the log line.
 */
export function errorLoggingPlugin() {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors(ctx: { contextValue: ErrorLoggingContext; errors: readonly GraphQLError[] }) {
          for (const err of ctx.errors) {
            if (isClientError(unwrap(err)) || isClientError(err) || isVariableErrorLimit(unwrap(err))) continue;
            ctx.contextValue.logger.error({ err: unwrap(err), path: err.path }, 'unexpected error');
          }
        },
        async willSendResponse(ctx: {
          contextValue: ErrorLoggingContext;
          response: { body: { kind: string; singleResult?: { errors?: readonly GraphQLFormattedError[] } } };
        }) {
          const errors = ctx.response.body.kind === 'single' ? ctx.response.body.singleResult?.errors : undefined;
          for (const e of errors ?? []) {
            if (e.extensions?.['code'] === ErrorCode.Internal) {
              (e.extensions as Record<string, unknown>)['requestId'] = ctx.contextValue.requestId;
            }
          }
        },
      };
    },
  };
}
