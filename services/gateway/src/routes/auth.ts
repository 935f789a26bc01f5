// Sign-in for the UI and for API clients: POST /auth/login gives a short-lived JWT both as an
// HttpOnly SameSite cookie and in the body (for `Authorization: Bearer`); /auth/logout clears it.
import { ErrorCode, Role } from '@cpss/domain';
import { readAuditTrail, requestIdOf, runInAuditScope, signToken, type AuthConfig, type Principal, type TokenVerifier } from '@cpss/server-kit';
import express, { type Request, type Response, type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { z } from 'zod';

import type { AccountService } from '../services/account.service';

export const SESSION_COOKIE = 'cpss_session';

export interface AuthRouteOptions {
  accounts: AccountService;
  /** The identity schema's connection, for its audit trail. */
  dataSource: DataSource;
  auth: AuthConfig;
  verifier: TokenVerifier;
  ttlSeconds: number;
  secureCookie: boolean;
  loginAttemptsPerMinute: number;
}

const Credentials = z.object({
  email: z.string().trim().min(1, 'is required').max(254, 'is too long'),
  password: z.string().min(1, 'is required').max(512, 'is too long'),
});

const text = (max: number) => z.string().trim().min(1).max(max).optional();
const AuditQuery = z
  .object({
    first: z.coerce.number().int('must be a whole number').min(1).max(100).default(20),
    after: z.string().max(500).optional(),
    actor: text(100),
    action: text(40),
    subjectType: text(100),
    subjectId: text(200),
    requestId: text(100),
    operation: text(100),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
  })
  .strict();

export function userOf(principal: Principal) {
  return { accountId: principal.subject, name: principal.name, roles: principal.roles, personId: principal.personId };
}

/** The token a request carries: the bearer header wins over the session cookie. */
export function tokenOf(req: Request): string | null {
  const header = req.headers.authorization;
  const bearer = header && /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) return bearer[1]!;
  const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return cookie || null;
}

export function authRoutes(options: AuthRouteOptions): Router {
  const router = express.Router();
  const setSession = (res: Response, token: string) =>
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookie,
      path: '/',
      maxAge: options.ttlSeconds * 1000,
    });

  router.post(
    '/login',
    rateLimit({
      windowMs: 60_000,
      limit: options.loginAttemptsPerMinute,
      // Only failed attempts count: the limit slows down guessing, not people signing in.
      skipSuccessfulRequests: true,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      message: { error: { code: ErrorCode.TooManyRequests, message: 'Too many sign-in attempts; wait a minute and try again' } },
    }),
    express.json({ limit: '10kb' }),
    async (req, res) => {
      const parsed = Credentials.safeParse(req.body ?? {});
      if (!parsed.success) {
        const fields = parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message }));
        res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: 'Email and password are required', fields } });
        return;
      }
      const requestId = requestIdOf(req);
      const principal = await runInAuditScope({ actor: 'anonymous', requestId, operation: 'sign-in' }, () =>
        options.accounts.signIn(parsed.data.email, parsed.data.password, requestId),
      );
      if (!principal) {
        res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Email or password is incorrect' } });
        return;
      }
      const { token, expiresAt } = await signToken(options.auth, principal, options.ttlSeconds);
      setSession(res, token);
      res.json({ user: userOf(principal), token, expiresAt: expiresAt.toISOString() });
    },
  );

  // Like Apollo's CSRF prevention: only a request a page cannot send cross-site without a
  // preflight (a JSON body or a custom header) may end the session.
  router.post('/logout', async (req, res) => {
    if (!req.is('application/json') && !req.headers['x-requested-with'] && !req.headers['apollo-require-preflight']) {
      res.status(400).json({
        error: { code: 'BAD_REQUEST', message: 'Sign-out needs a JSON body (content-type: application/json) or an X-Requested-With header' },
      });
      return;
    }
    const token = tokenOf(req);
    const principal = token ? await options.verifier.verify(token).catch(() => null) : null;
    await options.accounts.signedOut(principal, requestIdOf(req));
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secureCookie });
    res.status(204).end();
  });

  // The identity domain's audit trail (sign-ins, refusals, sign-outs and every change to an
  // account), newest first, for admins: the subgraphs' `<domain>AuditTrail` as a plain route.
  router.get('/audit', async (req, res) => {
    const token = tokenOf(req);
    const principal = token ? await options.verifier.verify(token).catch(() => null) : null;
    if (!principal) {
      res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Not signed in' } });
      return;
    }
    if (!principal.roles.includes(Role.Admin)) {
      res.status(403).json({ error: { code: 'FORBIDDEN', message: 'Only admins read the audit trail' } });
      return;
    }
    const parsed = AuditQuery.safeParse(req.query);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message }));
      res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: 'The audit trail query is not valid', fields } });
      return;
    }
    const { first, after, ...filter } = parsed.data;
    try {
      const page = await readAuditTrail(options.dataSource, filter, first, after);
      res.json({ edges: page.edges, pageInfo: page.pageInfo, totalCount: await page.totalCount });
    } catch (err) {
      if (err instanceof GraphQLError && err.extensions['code'] === 'BAD_USER_INPUT') {
        res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: err.message, fields: err.extensions['fields'] } });
        return;
      }
      throw err;
    }
  });

  router.get('/me', async (req, res) => {
    const token = tokenOf(req);
    if (!token) {
      res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Not signed in' } });
      return;
    }
    try {
      const principal = await options.verifier.verify(token);
      res.json({ user: userOf(principal) });
    } catch {
      res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Your sign-in has expired' } });
    }
  });

  return router;
}
