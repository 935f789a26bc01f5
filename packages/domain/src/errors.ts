// The error codes of DESIGN.md "API conventions": every GraphQL error carries one in extensions.code.
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  FailedPrecondition: 'FAILED_PRECONDITION',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  /** A per-client limit of a public operation (the registry, certificate checks, the complaint form). */
  RateLimited: 'RATE_LIMITED',
  /** Too many requests from one anonymous client, or too many sign-in attempts. */
  TooManyRequests: 'TOO_MANY_REQUESTS',
  /** An operation too deep, too wide or too costly for the gateway's limits. */
  QueryLimitExceeded: 'QUERY_LIMIT_EXCEEDED',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes a client may see with their message; anything else is masked. */
export const CLIENT_ERROR_CODES: readonly string[] = [
  ErrorCode.BadUserInput,
  ErrorCode.Unauthenticated,
  ErrorCode.Forbidden,
  ErrorCode.NotFound,
  ErrorCode.Conflict,
  ErrorCode.FailedPrecondition,
  ErrorCode.ServiceUnavailable,
  ErrorCode.RateLimited,
  ErrorCode.TooManyRequests,
  ErrorCode.QueryLimitExceeded,
  // Produced by graphql-js / Apollo for malformed operations: safe to show.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
];
