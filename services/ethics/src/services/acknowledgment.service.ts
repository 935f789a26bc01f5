// Code of Ethics acknowledgments, batched across the people of one request.
import { DEMO_ACKNOWLEDGMENTS } from '@cpss/domain';
import { manyByKey, type Logger } from '@cpss/server-kit';
import { In, type DataSource, type Repository } from 'typeorm';
import { EthicsAcknowledgment } from '../entities/ethics-acknowledgment';

export class AcknowledgmentService {
  private readonly acknowledgments: Repository<EthicsAcknowledgment>;

  constructor(dataSource: DataSource) {
    this.acknowledgments = dataSource.getRepository(EthicsAcknowledgment);
  }

  /** Acknowledgments per person, newest first, in the order of `personIds`. */
  async of(personIds: readonly string[]): Promise<EthicsAcknowledgment[][]> {
    const rows = await this.acknowledgments.find({
      where: { personId: In([...personIds]) },
      order: { signedOn: 'DESC', id: 'ASC' },
    });
    return manyByKey(personIds, rows, (a) => a.personId);
  }
}

/** Seeds the demo acknowledgments into an empty table (npm start on a new database). */
export async function seedDemoAcknowledgments(dataSource: DataSource, logger: Logger): Promise<void> {
  await dataSource.transaction(async (tx) => {
    const repo = tx.getRepository(EthicsAcknowledgment);
    if ((await repo.count()) > 0) return;
    await repo.insert(DEMO_ACKNOWLEDGMENTS.map((a) => ({ ...a })));
    logger.info({ count: DEMO_ACKNOWLEDGMENTS.length }, 'seeded demo ethics acknowledgments');
  });
}
