// Local accounts: argon2id password hashes; a failed sign-in never says which part was wrong, and
// costs the same time whether or not the email exists.
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@cpss/domain';
import type { Logger, Principal } from '@cpss/server-kit';
import argon2 from 'argon2';
import type { DataSource, Repository } from 'typeorm';
import { Account } from '../entities/account';

export class AccountService {
  private readonly accounts: Repository<Account>;
  private dummyHash: Promise<string> | null = null;

  constructor(dataSource: DataSource) {
    this.accounts = dataSource.getRepository(Account);
  }

  /** The principal for these credentials, or null (unknown email, wrong password, disabled). */
  async signIn(email: string, password: string): Promise<Principal | null> {
    const account = await this.accounts
      .createQueryBuilder('a')
      .where('lower(a.email) = lower(:email)', { email: email.trim() })
      .getOne();
    if (!account) {
      // Spend the same work as a real check, so timing does not reveal which emails exist.
      this.dummyHash ??= argon2.hash('not-a-real-password');
      await argon2.verify(await this.dummyHash, password);
      return null;
    }
    const ok = await argon2.verify(account.passwordHash, password);
    if (!ok || account.disabled) return null;
    return principalOf(account);
  }

  async byId(id: string): Promise<Account | null> {
    return this.accounts.findOneBy({ id });
  }
}

export function principalOf(account: Account): Principal {
  return { subject: account.id, personId: account.personId, roles: account.roles, name: account.displayName };
}

/** Seeds a demo account for every role into an empty table (npm start on a new database). */
export async function seedDemoAccounts(dataSource: DataSource, logger: Logger): Promise<void> {
  const repo = dataSource.getRepository(Account);
  if ((await repo.count()) > 0) return;
  const passwordHash = await argon2.hash(DEMO_PASSWORD);
  await dataSource.transaction(async (tx) => {
    const inTx = tx.getRepository(Account);
    if ((await inTx.count()) > 0) return;
    await inTx.insert(DEMO_ACCOUNTS.map((a) => ({ ...a, passwordHash })));
  });
  logger.info({ count: DEMO_ACCOUNTS.length }, 'seeded demo accounts');
}
