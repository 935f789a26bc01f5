// Code of Ethics acknowledgments: batched reads across the people of one request, and a person
// signing the version in force today themself.
import { DEMO_ACKNOWLEDGMENTS } from '@cpss/domain';
import { failedPrecondition, manyByKey, recordStatusChange, type Clock, type Logger } from '@cpss/server-kit';
import { In, type DataSource, type Repository } from 'typeorm';
import { CodeOfEthicsVersion } from '../entities/code-of-ethics';
import { EthicsAcknowledgment } from '../entities/ethics-acknowledgment';
import type { CodeOfEthicsService } from './code-of-ethics.service';

export class AcknowledgmentService {
  private readonly acknowledgments: Repository<EthicsAcknowledgment>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly codes: CodeOfEthicsService,
    private readonly clock: Clock,
  ) {
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

  /** The person signs the version of the code in force today; once per version. */
  async sign(personId: string, actor: string): Promise<EthicsAcknowledgment> {
    const today = this.clock.today();
    return this.dataSource.transaction(async (tx) => {
      const version = await this.codes.inForceOn(today, tx);
      const repo = tx.getRepository(EthicsAcknowledgment);
      if (await repo.existsBy({ personId, codeOfEthicsVersionId: version.id })) {
        throw failedPrecondition(`You have already signed the ${version.version} Code of Ethics`, [{ rule: 'NOT_ALREADY_SIGNED', reason: `version ${version.version} is signed` }]);
      }
      const saved = await repo.save(repo.create({ personId, codeOfEthicsVersionId: version.id, codeVersion: version.version, signedOn: today }));
      await recordStatusChange(tx, { subjectType: 'EthicsAcknowledgment', subjectId: saved.id, from: null, to: 'SIGNED', actor, facts: { codeVersion: version.version } });
      return saved;
    });
  }
}

/** Seeds the demo acknowledgments into an empty table (npm start on a new database). */
export async function seedDemoAcknowledgments(dataSource: DataSource, logger: Logger): Promise<void> {
  await dataSource.transaction(async (tx) => {
    const repo = tx.getRepository(EthicsAcknowledgment);
    if ((await repo.count()) > 0) return;
    const versions = new Map((await tx.getRepository(CodeOfEthicsVersion).find()).map((v) => [v.version, v.id]));
    await repo.insert(DEMO_ACKNOWLEDGMENTS.map((a) => ({ ...a, codeOfEthicsVersionId: versions.get(a.codeVersion)! })));
    logger.info({ count: DEMO_ACKNOWLEDGMENTS.length }, 'seeded demo ethics acknowledgments');
  });
}
