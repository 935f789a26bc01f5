// People: listing (keyset pages by name), lookup by id in batches, and the demo seed.
import { DEMO_PEOPLE, Gender, isUuid, RaceEthnicity, VeteranStatus } from '@cpss/domain';
import { dates, decodeCursor, oneByKey, requireStaffOrSelf, systemClock, toConnection, type Clock, type ConnectionShape, type Logger, type Principal } from '@cpss/server-kit';
import { In, type DataSource, type Repository } from 'typeorm';
import { Person } from '../entities/person';
import { lockAtVersion } from './concurrency';
import { Problems } from './problems';

export interface PeopleFilter {
  /** Case-insensitive match on legal or preferred name. */
  search?: string | null;
  county?: string | null;
}

export class PersonService {
  private readonly people: Repository<Person>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock = systemClock,
  ) {
    this.people = dataSource.getRepository(Person);
  }

  async list(first: number, after: string | null | undefined, filter: PeopleFilter): Promise<ConnectionShape<Person>> {
    const base = this.people.createQueryBuilder('p');
    if (filter.search) {
      base.andWhere('(p.legal_name ilike :q or p.preferred_name ilike :q)', { q: `%${escapeLike(filter.search)}%` });
    }
    if (filter.county) base.andWhere('p.county = :county', { county: filter.county });
    const counting = base.clone();
    const totalCount = () => counting.getCount(); // counted only when asked for
    const page = base.clone().orderBy('p.legal_name', 'ASC').addOrderBy('p.id', 'ASC').take(first + 1);
    if (after) {
      const [name, id] = decodeCursor(after, 2);
      page.andWhere('(p.legal_name, p.id) > (:name, :id)', { name, id });
    }
    const rows = await page.getMany();
    return toConnection(rows, first, totalCount, (p) => [p.legalName, p.id]);
  }

  /** Contact, preferred name and voluntary demographics: the person themself or staff. */
  async updateProfile(principal: Principal | null, input: ProfileChange): Promise<Person> {
    requireStaffOrSelf(principal, input.personId);
    const p = new Problems();
    p.text(input.preferredName, 'preferredName', { max: 100 });
    if (input.phone !== undefined && input.phone !== null) p.check(/^\+?[0-9 ().-]{7,20}$/.test(input.phone), 'phone', 'must be a phone number (digits, spaces, ()+.-)');
    const a = input.mailingAddress;
    if (a) {
      p.text(a.line1, 'mailingAddress.line1', { max: 200, required: true });
      p.text(a.line2, 'mailingAddress.line2', { max: 200 });
      p.text(a.city, 'mailingAddress.city', { max: 100, required: true });
      p.check(/^[A-Z]{2}$/.test(a.state), 'mailingAddress.state', 'must be a two-letter state code');
      p.check(/^\d{5}(-\d{4})?$/.test(a.postalCode), 'mailingAddress.postalCode', 'must be a ZIP code (12345 or 12345-6789)');
    }
    if (input.raceEthnicity) {
      input.raceEthnicity.forEach((r, i) => p.check((Object.values(RaceEthnicity) as string[]).includes(r), `raceEthnicity.${i}`, 'is not a known value'));
      p.check(new Set(input.raceEthnicity).size === input.raceEthnicity.length, 'raceEthnicity', 'must not repeat a value');
    }
    if (input.gender) p.check((Object.values(Gender) as string[]).includes(input.gender), 'gender', 'is not a known value');
    if (input.veteranStatus) p.check((Object.values(VeteranStatus) as string[]).includes(input.veteranStatus), 'veteranStatus', 'is not a known value');
    p.throwIfAny();
    return this.dataSource.transaction(async (tx) => {
      const person = await lockAtVersion(tx, Person, 'Person', input.personId, input.expectedVersion);
      if (input.preferredName !== undefined) person.preferredName = input.preferredName?.trim() || null;
      if (input.phone !== undefined) person.phone = input.phone;
      if (input.mailingAddress !== undefined) {
        person.addressLine1 = a?.line1.trim() ?? null;
        person.addressLine2 = a?.line2?.trim() || null;
        person.addressCity = a?.city.trim() ?? null;
        person.addressState = a?.state ?? null;
        person.addressPostalCode = a?.postalCode ?? null;
      }
      if (input.raceEthnicity !== undefined) person.raceEthnicity = (input.raceEthnicity ?? []) as RaceEthnicity[];
      if (input.gender !== undefined) person.gender = input.gender as Gender | null;
      if (input.veteranStatus !== undefined) person.veteranStatus = input.veteranStatus as VeteranStatus | null;
      return tx.getRepository(Person).save(person);
    });
  }

  /** The person's age on the clock's today (for the derived age band). */
  ageOn(person: Person, on: string = this.clock.today()): number {
    return dates.yearsBetween(person.dateOfBirth, on);
  }

  async byIds(ids: readonly string[]): Promise<(Person | null)[]> {
    const rows = await this.people.findBy({ id: In(ids.filter(isUuid)) });
    return oneByKey(ids, rows, (p) => p.id);
  }
}

export interface ProfileChange {
  personId: string;
  expectedVersion: number;
  preferredName?: string | null;
  phone?: string | null;
  mailingAddress?: { line1: string; line2?: string | null; city: string; state: string; postalCode: string } | null;
  raceEthnicity?: string[] | null;
  gender?: string | null;
  veteranStatus?: string | null;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Seeds the demo people into an empty table (npm start on a new database). */
export async function seedDemoPeople(dataSource: DataSource, logger: Logger): Promise<void> {
  await dataSource.transaction(async (tx) => {
    const repo = tx.getRepository(Person);
    if ((await repo.count()) > 0) return;
    await repo.insert(DEMO_PEOPLE.map((p) => ({ ...p })));
    logger.info({ count: DEMO_PEOPLE.length }, 'seeded demo people');
  });
}
