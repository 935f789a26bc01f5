// The gateway's signature on each request it sends a subgraph (SUBGRAPH_SECRET, shared by the
// gateway and the three subgraphs). A subgraph answers a caller without a token, and `_entities` /
// `_service` at all, only under a valid signature: anonymous operations (the registry, certificate
// verification, the complaint form) and entity resolution reach a subgraph only through the gateway.
//
//   x-cpss-gateway: t=<unix seconds>,sig=<hex HMAC-SHA256(secret, "<t>.<hex SHA-256 of the body>")>
//
// A signature rather than the secret itself in a header: the secret never travels, and a header
// that leaks (a proxy's log, a captured request) opens nothing but that exact body for a few
// minutes. Compared in constant time; the timestamp may be TOLERANCE_SECONDS off either way.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@cpss/domain';
import { GraphQLError, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { rootFieldsOf } from './operation';

export const GATEWAY_SIGNATURE_HEADER = 'x-cpss-gateway';
/** How far a signature's timestamp may be from the subgraph's clock (either way). */
export const GATEWAY_SIGNATURE_TOLERANCE_SECONDS = 300;

const FORMAT = /^t=(\d{1,12}),sig=([0-9a-f]{64})$/;

function signatureOf(secret: string, t: string, body: string | Buffer): Buffer {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  return createHmac('sha256', secret).update(`${t}.${bodyHash}`).digest();
}

/** The header value for a request with this body, signed at `nowMs`. */
export function signGatewayRequest(secret: string, body: string | Buffer, nowMs = Date.now()): string {
  const t = String(Math.floor(nowMs / 1000));
  return `t=${t},sig=${signatureOf(secret, t, body).toString('hex')}`;
}

/**
 * 'missing' without the header; 'valid' when it signs this body within the tolerance; 'invalid'
 * otherwise (malformed, another secret or body, too old or too far ahead, or no body to sign).
 */
export function verifyGatewaySignature(
  secret: string,
  header: string | string[] | undefined,
  body: Buffer | undefined,
  nowMs = Date.now(),
): 'missing' | 'valid' | 'invalid' {
  if (header === undefined) return 'missing';
  const match = typeof header === 'string' ? FORMAT.exec(header.trim()) : null;
  // The gateway always posts a body; a GET (the operation in the URL) is never signed.
  if (!match || !body || body.length === 0) return 'invalid';
  const [, t, sig] = match as unknown as [string, string, string];
  if (Math.abs(Math.floor(nowMs / 1000) - Number(t)) > GATEWAY_SIGNATURE_TOLERANCE_SECONDS) return 'invalid';
  return timingSafeEqual(Buffer.from(sig, 'hex'), signatureOf(secret, t, body)) ? 'valid' : 'invalid';
}

/** A signature that is present but wrong or stale refuses the whole request (like a bad token). */
export function invalidGatewaySignature(): GraphQLError {
  return new GraphQLError('The gateway signature on this request is not valid or has expired', {
    extensions: { code: ErrorCode.Unauthenticated, http: { status: 401 } },
  });
}

/** Neither a token nor the gateway's signature: a subgraph does not answer strangers. */
export function notThroughGateway(): GraphQLError {
  return new GraphQLError('Sign in, or call this service through the gateway', {
    extensions: { code: ErrorCode.Unauthenticated, http: { status: 401 } },
  });
}

/** The federation fields read any entity by id: only the gateway asks them, whatever the token. */
export function gatewayOnly(fields: string[]): GraphQLError {
  return new GraphQLError(`${fields.join(' and ')} ${fields.length > 1 ? 'are' : 'is'} answered only to the gateway`, {
    extensions: { code: ErrorCode.Forbidden, http: { status: 403 } },
  });
}

export const GATEWAY_ONLY_FIELDS = ['_entities', '_service'];

/** The gateway-only fields an operation selects at its root (through aliases and fragments too). */
export function gatewayOnlyFieldsOf(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  return [...rootFieldsOf(operation.selectionSet, document)].filter((f) => GATEWAY_ONLY_FIELDS.includes(f));
}

/** Apollo Server plugin: `_entities` / `_service` refused (403) unless the request came signed by the gateway. */
export function gatewayOnlyFieldsPlugin(): ApolloServerPlugin<{ viaGateway: boolean }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (contextValue.viaGateway || !operation) return;
          const fields = gatewayOnlyFieldsOf(operation, document);
          if (fields.length > 0) throw gatewayOnly(fields);
        },
      };
    },
  };
}
