// People: listing (keyset pages by name), lookup by id in batches, and the demo seed.
import { DEMO_PEOPLE } from '@cpss/domain';
import { decodeCursor, oneByKey, systemClock, toConnection, type Clock, type ConnectionShape, type Logger } from '@cpss/server-kit';
import { In, type DataSource, type Repository } from 'typeorm';
import { Person } from '../entities/person';

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
    const totalCount = await base.clone().getCount();
    const page = base.clone().orderBy('p.legal_name', 'ASC').addOrderBy('p.id', 'ASC').take(first + 1);
    if (after) {
      const [name, id] = decodeCursor(after, 2);
      page.andWhere('(p.legal_name, p.id) > (:name, :id)', { name, id });
    }
    const rows = await page.getMany();
    return toConnection(rows, first, totalCount, (p) => [p.legalName, p.id]);
  }

  async byIds(ids: readonly string[]): Promise<(Person | null)[]> {
    const rows = await this.people.findBy({ id: In([...ids]) });
    return oneByKey(ids, rows, (p) => p.id);
  }
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
