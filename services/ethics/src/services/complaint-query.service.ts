// Reading complaints: the work queue (open cases oldest first, filters, keyset pages), cases by
// respondent, and the batched pieces of a case (allegations, policy, timeline) for list fields.
import type { ComplaintStatus, ComplaintSubjectKind, TriageLevel } from '@cpss/domain';
import { decodeCursor, manyByKey, oneByKey, PolicyVersion, timelineOf, toConnection, type Clock, type ConnectionShape, type StatusChange } from '@cpss/server-kit';
import { In, type DataSource } from 'typeorm';
import { Complaint, ComplaintAllegation } from '../entities/complaint';
import { ethicsPolicySchema, type EthicsPolicy } from '../policy/ethics-policy';
import { COMPLAINT } from './complaint.service';

export interface ComplaintFilter {
  /** Only cases not closed (the queue); false for closed ones; absent for all. */
  open?: boolean | null;
  statuses?: ComplaintStatus[] | null;
  /** Only cases whose earliest running target is past due (true) or not (false). */
  overdue?: boolean | null;
  respondentPersonId?: string | null;
  subjectKind?: ComplaintSubjectKind | null;
  triageLevel?: TriageLevel | null;
  referenceNumber?: string | null;
}

export class ComplaintQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async byId(id: string): Promise<Complaint | null> {
    return this.dataSource.getRepository(Complaint).findOneBy({ id });
  }

  async byIds(ids: readonly string[]): Promise<(Complaint | null)[]> {
    const rows = await this.dataSource.getRepository(Complaint).findBy({ id: In([...ids]) });
    return oneByKey(ids, rows, (c) => c.id);
  }

  /** How many complaints against each person are not closed yet (one statement for all). */
  async openCountsAgainst(personIds: readonly string[]): Promise<number[]> {
    const rows = (await this.dataSource.query(
      `select respondent_person_id as "personId", count(*)::int as n from complaint
        where status <> 'CLOSED' and respondent_person_id = any($1::uuid[]) group by respondent_person_id`,
      [personIds],
    )) as { personId: string; n: number }[];
    const counts = new Map(rows.map((r) => [r.personId, r.n]));
    return personIds.map((id) => counts.get(id) ?? 0);
  }

  /** People with at least one complaint not closed yet, by id. */
  async openRespondents(): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `select distinct respondent_person_id as id from complaint where status <> 'CLOSED' and respondent_person_id is not null order by 1`,
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Cases oldest first (age against target), keyset-paged on (received_on, id). */
  async list(filter: ComplaintFilter, first: number, after?: string | null): Promise<ConnectionShape<Complaint>> {
    const today = this.clock.today();
    const qb = this.dataSource.getRepository(Complaint).createQueryBuilder('c');
    if (filter.open === true) qb.andWhere(`c.status <> 'CLOSED'`);
    if (filter.open === false) qb.andWhere(`c.status = 'CLOSED'`);
    if (filter.statuses?.length) qb.andWhere('c.status in (:...statuses)', { statuses: filter.statuses });
    if (filter.overdue === true) qb.andWhere('c.next_due_on < :today', { today });
    if (filter.overdue === false) qb.andWhere('(c.next_due_on is null or c.next_due_on >= :today)', { today });
    if (filter.respondentPersonId) qb.andWhere('c.respondent_person_id = :respondent', { respondent: filter.respondentPersonId });
    if (filter.subjectKind) qb.andWhere('c.subject_kind = :subjectKind', { subjectKind: filter.subjectKind });
    if (filter.triageLevel) qb.andWhere('c.triage_level = :triageLevel', { triageLevel: filter.triageLevel });
    if (filter.referenceNumber) qb.andWhere('c.reference_number = :ref', { ref: filter.referenceNumber.trim().toUpperCase() });
    const counting = qb.clone();
    const totalCount = () => counting.getCount(); // counted only when asked for
    if (after) {
      const [receivedOn, id] = decodeCursor(after, 2) as [string, string];
      qb.andWhere('(c.received_on, c.id) > (:receivedOn, :id)', { receivedOn, id });
    }
    const rows = await qb.orderBy('c.received_on', 'ASC').addOrderBy('c.id', 'ASC').take(first + 1).getMany();
    return toConnection(rows, first, totalCount, (c) => [c.receivedOn, c.id]);
  }

  /** Complaints per respondent, newest first. */
  async againstPeople(personIds: readonly string[]): Promise<Complaint[][]> {
    const rows = await this.dataSource.getRepository(Complaint).find({ where: { respondentPersonId: In([...personIds]) }, order: { receivedOn: 'DESC', id: 'ASC' } });
    return manyByKey(personIds, rows, (c) => c.respondentPersonId!);
  }

  async allegationsOf(complaintIds: readonly string[]): Promise<ComplaintAllegation[][]> {
    const rows = await this.dataSource.getRepository(ComplaintAllegation).find({ where: { complaintId: In([...complaintIds]) }, order: { position: 'ASC' } });
    return manyByKey(complaintIds, rows, (a) => a.complaintId);
  }

  async policies(ids: readonly string[]): Promise<EthicsPolicy[]> {
    const rows = await this.dataSource.getRepository(PolicyVersion).findBy({ id: In([...ids]) });
    return oneByKey(ids, rows, (p) => p.id).map((p) => ethicsPolicySchema.parse(p!.values));
  }

  async timelines(ids: readonly string[]): Promise<StatusChange[][]> {
    return manyByKey(ids, await timelineOf(this.dataSource.manager, COMPLAINT, ids), (s) => s.subjectId);
  }
}
