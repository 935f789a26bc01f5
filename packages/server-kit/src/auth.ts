// Tokens: the gateway signs short-lived HS256 JWTs for local accounts; an external OIDC issuer's
// tokens are checked against its JWKS. Every subgraph verifies the caller's token again.
import { createRemoteJWKSet, decodeJwt, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import type { AuthChecker } from 'type-graphql';
import { hasAnyRole, isRole, type Role } from '@cpss/domain';
import { forbidden, unauthenticated } from './errors';
import type { RequestContext } from './context';

export interface Principal {
  /** Account id (local) or the issuer's subject (OIDC). */
  subject: string;
  personId: string | null;
  roles: Role[];
  name: string | null;
}

export interface AuthConfig {
  secret: string;
  issuer: string;
  audience: string;
  oidc?: { issuer: string; jwksUrl: string; audience?: string; rolesClaim: string };
}

export class InvalidTokenError extends Error {}

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

function rolesFrom(value: unknown): Role[] {
  return Array.isArray(value) ? value.filter(isRole) : [];
}

function principalFrom(payload: JWTPayload, rolesClaim: string): Principal {
  if (!payload.sub) throw new InvalidTokenError('token has no subject');
  return {
    subject: payload.sub,
    personId: typeof payload['pid'] === 'string' ? payload['pid'] : null,
    roles: rolesFrom(payload[rolesClaim]),
    name: typeof payload['name'] === 'string' ? payload['name'] : null,
  };
}

/** A verified token is remembered this long at most (and never past its expiry). */
const VERIFIED_FOR_MS = 60_000;

export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const key = new TextEncoder().encode(config.secret);
  const jwks = config.oidc ? createRemoteJWKSet(new URL(config.oidc.jwksUrl)) : null;
  // Every request of a session carries the same token through the gateway and up to three
  // subgraphs: its signature is checked once per process, then the principal is reused until
  // the token expires (or a minute has passed). Refused tokens are never remembered.
  const verified = new LRUCache<string, Principal>({ max: 10_000, ttl: VERIFIED_FOR_MS, ttlAutopurge: false });
  const remember = (token: string, principal: Principal, exp: number | undefined) => {
    const left = exp === undefined ? VERIFIED_FOR_MS : exp * 1000 - Date.now();
    // Shared by the requests that reuse it: frozen, so none can change another's.
    Object.freeze(principal.roles);
    Object.freeze(principal);
    if (left > 0) verified.set(token, principal, { ttl: Math.min(left, VERIFIED_FOR_MS) });
    return principal;
  };
  return {
    async verify(token) {
      const known = verified.get(token);
      if (known) return known;
      let issuer: string | undefined;
      try {
        issuer = decodeJwt(token).iss;
      } catch {
        throw new InvalidTokenError('malformed token');
      }
      try {
        if (config.oidc && jwks && issuer === config.oidc.issuer) {
          const { payload } = await jwtVerify(token, jwks, { issuer: config.oidc.issuer, audience: config.oidc.audience });
          return remember(token, principalFrom(payload, config.oidc.rolesClaim), payload.exp);
        }
        const { payload } = await jwtVerify(token, key, { issuer: config.issuer, audience: config.audience, algorithms: ['HS256'] });
        return remember(token, principalFrom(payload, 'roles'), payload.exp);
      } catch (err) {
        if (err instanceof InvalidTokenError) throw err;
        throw new InvalidTokenError((err as Error).message);
      }
    },
  };
}

export async function signToken(
  config: Pick<AuthConfig, 'secret' | 'issuer' | 'audience'>,
  principal: Principal,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ roles: principal.roles, pid: principal.personId, name: principal.name })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.subject)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(new TextEncoder().encode(config.secret));
  return { token, expiresAt: new Date((now + ttlSeconds) * 1000) };
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1]! : null;
}

/**
 * type-graphql authChecker: no principal is UNAUTHENTICATED; `@Authorized()` needs only a signed-in
 * caller; `@Authorized(roles)` needs one of them, else FORBIDDEN.
 */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  if (!context.principal) throw unauthenticated();
  if (roles.length === 0 || hasAnyRole(context.principal.roles, roles)) return true;
  throw forbidden();
};

/** For rules inside services: the caller must hold one of the roles. */
export function requireRole(principal: Principal | null, roles: readonly Role[]): Principal {
  if (!principal) throw unauthenticated();
  if (!hasAnyRole(principal.roles, roles)) throw forbidden();
  return principal;
}
