// Local accounts: argon2id password hashes; a failed sign-in never says which part was wrong, and
// costs the same time whether or not the email exists. Too many failed sign-ins to one account
// within a window lock it for a while (whatever address they come from): the right password is
// refused too until the lockout ends, with the same answer as any other failure.
import { recordAudit } from '@cpss/server-kit';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@cpss/domain';
import type { Logger, Principal } from '@cpss/server-kit';
import argon2 from 'argon2';
import type { DataSource, Repository } from 'typeorm';
import { Account } from '../entities/account';

export interface LockoutPolicy {
  /** Failed sign-ins within windowMinutes that lock the account. */
  maxFailures: number;
  windowMinutes: number;
  lockoutMinutes: number;
}

/** The defaults of SIGN_IN_FAILURES_BEFORE_LOCKOUT, SIGN_IN_FAILURE_WINDOW_MINUTES, SIGN_IN_LOCKOUT_MINUTES. */
export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, windowMinutes: 15, lockoutMinutes: 15 };

export class AccountService {
  private readonly accounts: Repository<Account>;
  private dummyHash: Promise<string> | null = null;

  constructor(
    dataSource: DataSource,
    private readonly lockout: LockoutPolicy = DEFAULT_LOCKOUT,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.accounts = dataSource.getRepository(Account);
  }

  /**
   * The principal for these credentials, or null (unknown email, wrong password, locked, disabled).
   * Every attempt is in the audit trail: `sign-in`, or `sign-in-refused` with why as the operation
   * (the caller is told only that it failed).
   */
  async signIn(email: string, password: string, requestId?: string): Promise<Principal | null> {
    const account = await this.accounts
      .createQueryBuilder('a')
      .where('lower(a.email) = lower(:email)', { email: email.trim() })
      .getOne();
    const refused = async (why: string) => {
      await this.audit({ principal: null, action: 'sign-in-refused', subjectId: account?.id ?? '', requestId, operation: why });
      return null;
    };
    if (!account) {
      // Spend the same work as a real check, so timing does not reveal which emails exist.
      this.dummyHash ??= argon2.hash('not-a-real-password');
      await argon2.verify(await this.dummyHash, password);
      return refused('unknown-email');
    }
    const ok = await argon2.verify(account.passwordHash, password);
    const now = this.now();
    if (account.lockedUntil && account.lockedUntil > now) return refused('locked');
    if (!ok) {
      await this.countFailure(account.id, now);
      return refused('wrong-password');
    }
    if (account.disabled) return refused('disabled');
    if (account.failedSignIns > 0 || account.lockedUntil) {
      await this.accounts.update({ id: account.id }, { failedSignIns: 0, firstFailedAt: null, lockedUntil: null });
    }
    const principal = principalOf(account);
    await this.audit({ principal, action: 'sign-in', subjectId: account.id, requestId, operation: 'sign-in' });
    return principal;
  }

  /** Records a sign-out (with the account when the request still carried a valid session). */
  async signedOut(principal: Principal | null, requestId?: string): Promise<void> {
    await this.audit({ principal, action: 'sign-out', subjectId: principal?.subject ?? '', requestId, operation: 'sign-out' });
  }

  private audit(entry: { principal: Principal | null; action: 'sign-in' | 'sign-in-refused' | 'sign-out'; subjectId: string; requestId?: string; operation: string }) {
    return recordAudit(this.accounts.manager, { ...entry, subjectType: 'account', fields: [] });
  }

  /**
   * One more failure, in one statement (concurrent guesses all count): a failure after the window
   * starts a new count; the one that reaches the limit locks the account and starts the count over.
   */
  private async countFailure(id: string, now: Date): Promise<void> {
    const { maxFailures, windowMinutes, lockoutMinutes } = this.lockout;
    const table = this.accounts.metadata.tablePath;
    await this.accounts.query(
      `with counted as (
         select id,
                case when first_failed_at is null or first_failed_at <= $2::timestamptz - make_interval(mins => $3)
                     then 1 else failed_sign_ins + 1 end as failures,
                case when first_failed_at is null or first_failed_at <= $2::timestamptz - make_interval(mins => $3)
                     then $2::timestamptz else first_failed_at end as since
           from ${table} where id = $1 for update)
       update ${table} a
          set failed_sign_ins = case when c.failures >= $4 then 0 else c.failures end,
              first_failed_at = case when c.failures >= $4 then null else c.since end,
              locked_until = case when c.failures >= $4 then $2::timestamptz + make_interval(mins => $5) else a.locked_until end
         from counted c
        where a.id = c.id`,
      [id, now, windowMinutes, maxFailures, lockoutMinutes],
    );
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
