// A person's training record: completions (from sessions here, external providers entered by staff
// with evidence, or the legacy record), batched across the people of one request, and the totals
// certification needs (hours by kind, child/family hours).
import { CompletionSource, COURSE_KINDS, DEMO_COMPLETIONS, type CourseKind } from '@cpss/domain';
import { badInput, checkUpload, manyByKey, recordAudit, recordStatusChange, storeDocument, type Clock, type DocumentUpload, type FieldProblem, type Logger, type Principal } from '@cpss/server-kit';
import { In, type DataSource, type Repository } from 'typeorm';
import { TrainingCompletion } from '../entities/training-completion';
import type { TrainingPolicyStore } from '../policy/training-policy';
import { isUuid } from './access';

export interface ExternalCompletionIn {
  personId: string;
  courseTitle: string;
  kind: CourseKind;
  hours: number;
  completedOn: string;
  childAndFamily: boolean;
  provider: string;
  evidence: DocumentUpload;
}

export class TrainingRecordService {
  private readonly completions: Repository<TrainingCompletion>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly policy?: TrainingPolicyStore,
    private readonly clock?: Clock,
  ) {
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

  /** Staff enter training completed elsewhere (college coursework, other providers) with its evidence. */
  async recordExternal(principal: Principal, input: ExternalCompletionIn): Promise<TrainingCompletion> {
    const today = this.clock!.today();
    const { values } = await this.policy!.inForceOn(today);
    const problems: FieldProblem[] = [];
    if (!isUuid(input.personId)) problems.push({ field: 'input.personId', reason: 'is not a person id' });
    if (input.completedOn > today) problems.push({ field: 'input.completedOn', reason: 'must not be in the future' });
    if (problems.length) throw badInput(problems);
    const checked = checkUpload(input.evidence, { allowed: ['PDF', 'WORD', 'IMAGE'], maxBytes: values.maxUploadBytes, field: 'input.evidence' });
    return this.dataSource.transaction(async (tx) => {
      const doc = await storeDocument(tx, input.evidence, checked, { ownerPersonId: input.personId, purpose: 'TRAINING_EVIDENCE', uploadedBy: principal.subject });
      await recordAudit(tx, { principal, action: 'create', subjectType: 'Document', subjectId: doc.id, fields: ['evidence'] });
      const repo = tx.getRepository(TrainingCompletion);
      const completion = await repo.save(
        repo.create({
          personId: input.personId, courseTitle: input.courseTitle.trim(), kind: input.kind, hours: input.hours, completedOn: input.completedOn,
          source: CompletionSource.External, childAndFamily: input.childAndFamily, provider: input.provider.trim(), evidenceDocumentId: doc.id, enteredBy: principal.subject,
        }),
      );
      await recordStatusChange(tx, { subjectType: 'TrainingCompletion', subjectId: completion.id, from: null, to: 'RECORDED', actor: principal.subject, facts: { source: 'EXTERNAL', provider: completion.provider, evidenceDocumentId: doc.id } });
      return completion;
    });
  }
}

export function totalHours(completions: readonly TrainingCompletion[]): number {
  return completions.reduce((sum, c) => sum + c.hours, 0);
}

export function completedSince(completions: readonly TrainingCompletion[], since?: string | null): TrainingCompletion[] {
  return since ? completions.filter((c) => c.completedOn >= since) : [...completions];
}

export function hoursByKind(completions: readonly TrainingCompletion[]): { kind: CourseKind; hours: number }[] {
  return COURSE_KINDS.map((kind) => ({ kind, hours: totalHours(completions.filter((c) => c.kind === kind)) })).filter((k) => k.hours > 0);
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
