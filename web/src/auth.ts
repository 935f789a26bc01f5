// The gateway's cookie-based sign-in API (/auth/*). Same origin, so the HttpOnly session cookie
// travels with `credentials: 'same-origin'`; the token in the login body is for API clients only.
export interface User {
  accountId: string;
  email?: string;
  name: string;
  roles: string[];
  personId: string | null;
}

export class AuthError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'Enter your email and password',
  401: 'Email or password is incorrect',
  429: 'Too many sign-in attempts; wait a minute and try again',
};

/** The message to show for a failed auth response: the server's own when it sent one. */
export function authErrorMessage(status: number, body: unknown): string {
  const error = isObject(body) && isObject(body['error']) ? body['error'] : null;
  const message = error && typeof error['message'] === 'string' ? error['message'].trim() : '';
  if (message) return message;
  const fields = error && Array.isArray(error['fields']) ? error['fields'] : [];
  const reasons = fields
    .filter(isObject)
    .map((f) => [f['field'], f['reason']].filter((s) => typeof s === 'string').join(' '))
    .filter(Boolean);
  if (reasons.length > 0) return reasons.join('; ');
  return FALLBACK_MESSAGES[status] ?? `Sign-in failed (HTTP ${status}); try again shortly`;
}

export function parseUser(value: unknown): User | null {
  if (!isObject(value)) return null;
  const { accountId, email, name, roles, personId } = value;
  if (typeof accountId !== 'string' || typeof name !== 'string') return null;
  if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) return null;
  return {
    accountId,
    ...(typeof email === 'string' ? { email } : {}),
    name,
    roles,
    personId: typeof personId === 'string' ? personId : null,
  };
}

const NETWORK_ERROR = 'Could not reach the server; check your connection and try again';

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(path, { ...init, credentials: 'same-origin', headers: { accept: 'application/json', ...init.headers } });
  } catch {
    throw new AuthError(NETWORK_ERROR, 0);
  }
}

async function jsonOf(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return null;
  }
}

function userFrom(body: unknown, status: number): User {
  const user = parseUser(isObject(body) ? body['user'] : null);
  if (!user) throw new AuthError('The server sent an unexpected answer; try again shortly', status);
  return user;
}

export async function login(email: string, password: string): Promise<User> {
  const res = await request('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = await jsonOf(res);
  if (!res.ok) throw new AuthError(authErrorMessage(res.status, body), res.status);
  return userFrom(body, res.status);
}

/** The signed-in user, or null when there is no (valid) session. */
export async function currentUser(): Promise<User | null> {
  const res = await request('/auth/me');
  if (res.status === 401) return null;
  const body = await jsonOf(res);
  if (!res.ok) throw new AuthError(authErrorMessage(res.status, body), res.status);
  return userFrom(body, res.status);
}

export async function logout(): Promise<void> {
  // A JSON body: the gateway refuses a sign-out a page on another site could send (a form post).
  const res = await request('/auth/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!res.ok) throw new AuthError(`Sign-out failed (HTTP ${res.status})`, res.status);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
