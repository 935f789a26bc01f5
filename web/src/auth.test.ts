import { describe, expect, it } from 'vitest';
import { authErrorMessage, parseUser } from './auth';

describe('authErrorMessage', () => {
  it("shows the server's own message", () => {
    const body = { error: { code: 'UNAUTHENTICATED', message: 'Email or password is incorrect' } };
    expect(authErrorMessage(401, body)).toBe('Email or password is incorrect');
  });

  it('falls back to the field reasons, then to a message for the status', () => {
    const fields = { error: { code: 'BAD_USER_INPUT', message: '', fields: [{ field: 'email', reason: 'is required' }] } };
    expect(authErrorMessage(400, fields)).toBe('email is required');
    expect(authErrorMessage(429, 'Too many requests')).toBe('Too many sign-in attempts; wait a minute and try again');
    expect(authErrorMessage(502, null)).toBe('Sign-in failed (HTTP 502); try again shortly');
  });
});

describe('parseUser', () => {
  it('accepts the gateway user and defaults a missing personId to null', () => {
    expect(parseUser({ accountId: 'a1', name: 'Avery Admin', roles: ['ADMIN'] })).toEqual({
      accountId: 'a1',
      name: 'Avery Admin',
      roles: ['ADMIN'],
      personId: null,
    });
    expect(parseUser({ accountId: 'a2', email: 'x@y.z', name: 'X', roles: [], personId: 'p1' })?.personId).toBe('p1');
  });

  it('refuses anything else', () => {
    expect(parseUser(null)).toBeNull();
    expect(parseUser({ accountId: 'a1', name: 'N', roles: 'ADMIN' })).toBeNull();
    expect(parseUser({ name: 'N', roles: [] })).toBeNull();
  });
});
