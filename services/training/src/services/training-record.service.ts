// A person's training record: completions, batched across the people of one request.
import { DEMO_COMPLETIONS } from '@cpss/domain';
import { manyByKey, type Logger } from '@cpss/server-kit';
import { In, type DataSource, type Repository } from 'typeorm';
import { TrainingCompletion } from '../entities/training-completion';

export class TrainingRecordService {
  private readonly completions: Repository<TrainingCompletion>;

  constructor(dataSource: DataSource) {
    this.completions = dataSource.getRepository(TrainingCompletion);
  }

  /** Completions per person, newest first, in the order of `personIds`. */
  async completionsOf(personIds: readonly string[]): Promise<TrainingCompletion[][]> {
    const rows = await this.completions.find({
      where: { personId: In([...personIds]) },
      order: { completedOn: 'DESC', id: 'ASC' },
    });
    return manyByKey(personIds, rows, (c) => c.personId);
  }
}

export function totalHours(completions: readonly TrainingCompletion[]): number {
  return completions.reduce((sum, c) => sum + c.hours, 0);
}

/** Seeds the demo completions into an empty table (npm start on a new database). */
export async function seedDemoCompletions(dataSource: DataSource, logger: Logger): Promise<void> {
  await dataSource.transaction(async (tx) => {
    const repo = tx.getRepository(TrainingCompletion);
    if ((await repo.count()) > 0) return;
    await repo.insert(DEMO_COMPLETIONS.map((c) => ({ ...c })));
    logger.info({ count: DEMO_COMPLETIONS.length }, 'seeded demo training completions');
  });
}
