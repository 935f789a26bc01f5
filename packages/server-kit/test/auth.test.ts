import { describe, expect, it } from 'vitest';
import { Role } from '@cpss/domain';
import { TEST_AUTH } from '../../testkit/src'; // not a dependency: testkit is built on server-kit
import { createTokenVerifier, InvalidTokenError, signToken } from '../src';

describe('tokens', () => {
  const principal = { subject: 'acc-1', personId: 'p-1', roles: [Role.Trainer, Role.Applicant], name: 'Ben' };

  it('round-trips a principal', async () => {
    const { token } = await signToken(TEST_AUTH, principal, 60);
    await expect(createTokenVerifier(TEST_AUTH).verify(token)).resolves.toEqual(principal);
  });

  it('refuses a token for another audience or signed with another key', async () => {
    const other = await signToken({ ...TEST_AUTH, audience: 'someone-else' }, principal, 60);
    await expect(createTokenVerifier(TEST_AUTH).verify(other.token)).rejects.toBeInstanceOf(InvalidTokenError);
    const forged = await signToken({ ...TEST_AUTH, secret: 'another-secret-that-is-long-enough-too!!' }, principal, 60);
    await expect(createTokenVerifier(TEST_AUTH).verify(forged.token)).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(createTokenVerifier(TEST_AUTH).verify('not-a-jwt')).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('drops roles it does not know', async () => {
    const { token } = await signToken(TEST_AUTH, { ...principal, roles: ['ROOT' as Role, Role.Admin] }, 60);
    expect((await createTokenVerifier(TEST_AUTH).verify(token)).roles).toEqual([Role.Admin]);
  });

  it('remembers a verified token only until it expires, and never a refused one', async () => {
    const verifier = createTokenVerifier(TEST_AUTH);
    const { token } = await signToken(TEST_AUTH, principal, 1);
    await expect(verifier.verify(token)).resolves.toEqual(principal);
    await expect(verifier.verify(token)).resolves.toEqual(principal);
    // The token's exp is whole seconds: wait past it.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
    const forged = await signToken({ ...TEST_AUTH, secret: 'another-secret-that-is-long-enough-too!!' }, principal, 60);
    await expect(verifier.verify(forged.token)).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(verifier.verify(forged.token)).rejects.toBeInstanceOf(InvalidTokenError);
  });
});
