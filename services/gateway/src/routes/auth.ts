// Sign-in for the UI and for API clients: POST /auth/login gives a short-lived JWT both as an
// HttpOnly SameSite cookie and in the body (for `Authorization: Bearer`); /auth/logout clears it.
import { signToken, type AuthConfig, type Principal, type TokenVerifier } from '@cpss/server-kit';
import express, { type Request, type Response, type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { AccountService } from '../services/account.service';

export const SESSION_COOKIE = 'cpss_session';

export interface AuthRouteOptions {
  accounts: AccountService;
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
      message: { error: { code: 'TOO_MANY_REQUESTS', message: 'Too many sign-in attempts; wait a minute and try again' } },
    }),
    express.json({ limit: '10kb' }),
    async (req, res) => {
      const parsed = Credentials.safeParse(req.body ?? {});
      if (!parsed.success) {
        const fields = parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message }));
        res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: 'Email and password are required', fields } });
        return;
      }
      const principal = await options.accounts.signIn(parsed.data.email, parsed.data.password);
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
  router.post('/logout', (req, res) => {
    if (!req.is('application/json') && !req.headers['x-requested-with'] && !req.headers['apollo-require-preflight']) {
      res.status(400).json({
        error: { code: 'BAD_REQUEST', message: 'Sign-out needs a JSON body (content-type: application/json) or an X-Requested-With header' },
      });
      return;
    }
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secureCookie });
    res.status(204).end();
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
