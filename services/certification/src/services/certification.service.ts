// Certifications: lookups in batches, status on any date (one pure function, services/lifecycle),
// status events by command (suspend, reinstate, revoke, relinquish), and the public registry.
import { CertificationEventKind, hasAnyRole, isUuid, Role, type CertificationStatus } from '@cpss/domain';
import {
  badInput,
  dates,
  decodeCursor,
  failedPrecondition,
  forbidden,
  isIsoDate,
  manyByKey,
  oneByKey,
  recordStatusChange,
  toConnection,
  unauthenticated,
  type Clock,
  type ConnectionShape,
  type Principal,
} from '@cpss/server-kit';
import { Any, In, type DataSource, type EntityManager } from 'typeorm';
import { Certification, CertificationDesignation, CertificationEvent } from '../entities/certification';
import type { CertificationPolicyStore } from '../policy/certification-policy';
import { isCertificationStaff, requireCertificationStaff } from './access';
import { checkVersion, lockAtVersion } from './concurrency';
import { certificationStatusOn, type LifecycleFacts, type StatusOnDate } from './lifecycle';
import { PolicyCatalog } from './policy-catalog';
import { Problems } from './problems';

export interface RegistryEntry {
  certificationNumber: string;
  /** Hidden from clients (@inaccessible): lets ethics add the person's public disciplinary status. */
  personId: string;
  name: string;
  county: string;
  status: CertificationStatus;
  goodThrough: string | null;
  /** Public disciplinary (or relinquished) status: the day a suspension, revocation or relinquishment took effect. */
  statusEffectiveOn: string | null;
  designations: string[];
}

/** Statuses after which a certification takes no further events. */
export const ENDED_STATUSES: readonly CertificationStatus[] = ['REVOKED', 'RELINQUISHED', 'LAPSED'];

/** Why an event cannot be recorded on a certification with this status on its date (null: it can). */
export function eventRefusal(kind: CertificationEventKind, before: CertificationStatus): { message: string; reason: string } | null {
  if (ENDED_STATUSES.includes(before)) return { message: `The certification is ${before}`, reason: 'an ended certification takes no further events' };
  if (kind === 'REINSTATED' && before !== 'SUSPENDED') return { message: 'Only a suspended certification can be reinstated', reason: `it is ${before}` };
  if (kind === 'SUSPENDED' && before === 'SUSPENDED') return { message: 'The certification is already suspended', reason: 'already suspended' };
  return null;
}

export const DEFAULT_DUE_WITHIN_DAYS = 90;
export const MAX_DUE_WITHIN_DAYS = 365;

export class CertificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: CertificationPolicyStore,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return this.clock.today();
  }

  async byIds(ids: readonly string[]): Promise<(Certification | null)[]> {
    const rows = await this.dataSource.getRepository(Certification).findBy({ id: In(ids.filter(isUuid)) });
    return oneByKey(ids, rows, (c) => c.id);
  }

  async byPeople(personIds: readonly string[]): Promise<Certification[][]> {
    const rows = await this.dataSource.getRepository(Certification).find({ where: { personId: In([...personIds]) }, order: { issuedOn: 'DESC' } });
    return manyByKey(personIds, rows, (c) => c.personId);
  }

  async events(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<CertificationEvent[][]> {
    // One array parameter (= any($1)), not one per id: statistics ask for every certification.
    const rows = await manager.getRepository(CertificationEvent).find({ where: { certificationId: Any([...ids]) }, order: { effectiveOn: 'ASC', at: 'ASC' } });
    return manyByKey(ids, rows, (e) => e.certificationId);
  }

  /** Only what a status needs from the events (kind and dates), without building entities: lists ask it for every row. */
  private async statusEvents(ids: readonly string[], manager: EntityManager): Promise<LifecycleFacts['events'][]> {
    const rows = (await manager.query(
      `select certification_id as "certificationId", kind, to_char(effective_on, 'YYYY-MM-DD') as "effectiveOn", to_char(effective_until, 'YYYY-MM-DD') as "effectiveUntil"
         from certification_event where certification_id = any($1::uuid[]) order by effective_on, at`,
      [ids.filter(isUuid)],
    )) as (LifecycleFacts['events'][number] & { certificationId: string })[];
    return manyByKey(ids, rows, (e) => e.certificationId);
  }

  async designations(ids: readonly string[]): Promise<CertificationDesignation[][]> {
    const rows = await this.dataSource.getRepository(CertificationDesignation).find({ where: { certificationId: In([...ids]) }, order: { designation: 'ASC' } });
    return manyByKey(ids, rows, (d) => d.certificationId);
  }

  /** Status of many certifications on a date, each by the policy of its last (re)certification. */
  async statusesOn(certs: readonly Certification[], on: string, manager: EntityManager = this.dataSource.manager): Promise<StatusOnDate[]> {
    return (await this.statusesOnDates(certs, [on], manager))[0]!;
  }

  /** Statuses on each of several dates, reading the policy and the events once for all of them. */
  async statusesOnDates(certs: readonly Certification[], days: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<StatusOnDate[][]> {
    if (!certs.length) return days.map(() => []);
    const [catalog, events] = await Promise.all([PolicyCatalog.load(this.policy), this.statusEvents(certs.map((c) => c.id), manager)]);
    return days.map((on) => certs.map((c, i) => certificationStatusOn({ issuedOn: c.issuedOn, dueOn: c.dueOn, events: events[i]! }, on, catalog.inForceOn(c.lastCertifiedOn).values)));
  }

  /**
   * Suspension, reinstatement and revocation are staff commands (ethics sanctions arrive as
   * commands, services/commands.service.ts, through the same appendEvent); the holder may
   * relinquish their own certification.
   */
  async recordEvent(principal: Principal | null, input: { certificationId: string; expectedVersion: number; kind: string; effectiveOn?: string | null; reason: string }): Promise<Certification> {
    if (!principal) throw unauthenticated();
    const today = this.clock.today();
    // Who may comes first: only staff change a status, and only the holder (or certification
    // staff) relinquishes; a stranger learns neither the version nor what is wrong with the input.
    if (input.kind !== 'RELINQUISHED' && !isCertificationStaff(principal) && !hasAnyRole(principal.roles, [Role.EthicsStaff])) {
      throw forbidden('Your role does not allow this change');
    }
    return this.dataSource.transaction(async (tx) => {
      const cert = await lockAtVersion(tx, Certification, 'Certification', input.certificationId, null);
      if (input.kind === 'RELINQUISHED' && !(principal.personId === cert.personId || isCertificationStaff(principal))) {
        throw forbidden('Your role does not allow this change');
      }
      checkVersion(cert, 'Certification', input.expectedVersion);
      const p = new Problems();
      p.check((Object.values(CertificationEventKind) as string[]).includes(input.kind), 'kind', 'is not a known event');
      p.text(input.reason, 'reason', { max: 1000, required: true });
      p.date(input.effectiveOn, 'effectiveOn');
      // Status events take effect today or later: the record is never rewritten backwards.
      if (input.effectiveOn && input.effectiveOn < today) p.add('effectiveOn', `must not be before ${today}`);
      p.throwIfAny();
      const effectiveOn = input.effectiveOn ?? today;
      const kind = input.kind as CertificationEventKind;
      const [before] = await this.statusesOn([cert], effectiveOn, tx);
      const refusal = eventRefusal(kind, before!.status);
      if (refusal) throw failedPrecondition(refusal.message, [{ rule: 'STATUS', reason: refusal.reason }]);
      return this.appendEvent(tx, cert, before!.status, { kind, effectiveOn, reason: input.reason.trim(), actor: principal });
    });
  }

  /**
   * Records a status event on a locked certification (staff decision or another domain's command):
   * the event, the certification's version, and the timeline entry with the facts.
   */
  async appendEvent(
    tx: EntityManager,
    cert: Certification,
    from: CertificationStatus,
    event: { kind: CertificationEventKind; effectiveOn: string; effectiveUntil?: string | null; reason: string; actor: string | Principal; facts?: Record<string, unknown> },
  ): Promise<Certification> {
    const actor = typeof event.actor === 'string' ? event.actor : event.actor.subject;
    await tx.getRepository(CertificationEvent).insert({ certificationId: cert.id, kind: event.kind, effectiveOn: event.effectiveOn, effectiveUntil: event.effectiveUntil ?? null, reason: event.reason, actor });
    cert.updatedAt = new Date();
    const saved = await tx.getRepository(Certification).save(cert);
    const facts = { effectiveOn: event.effectiveOn, ...(event.effectiveUntil ? { effectiveUntil: event.effectiveUntil } : {}), ...event.facts };
    await recordStatusChange(tx, { subjectType: 'Certification', subjectId: cert.id, from, to: event.kind, actor: event.actor, reason: event.reason, facts });
    return saved;
  }

  // ---------------------------------------------------------------- falling due

  /**
   * Certifications falling due within `withinDays` of today (due date from today to today + N),
   * soonest first, leaving out those suspended, revoked or relinquished today (a lapsed one is past
   * its due date already). Keyset-paginated on (due date, id).
   */
  async due(principal: Principal | null, withinDays: number | null | undefined, first: number, after: string | null | undefined): Promise<ConnectionShape<Certification>> {
    requireCertificationStaff(principal);
    const days = withinDays ?? DEFAULT_DUE_WITHIN_DAYS;
    const p = new Problems('');
    p.check(Number.isInteger(days) && days >= 1 && days <= MAX_DUE_WITHIN_DAYS, 'withinDays', `must be between 1 and ${MAX_DUE_WITHIN_DAYS}`);
    p.throwIfAny();
    const today = this.clock.today();
    // The status rule of services/lifecycle.ts in SQL: the latest event in effect today decides,
    // unless it was a reinstatement (a suspension for a period is in effect through its last day).
    const q = this.dataSource
      .getRepository(Certification)
      .createQueryBuilder('c')
      .where('c.due_on between :today::date and :until::date', { today, until: dates.addDays(today, days) })
      // Held out: those whose latest event in effect is not a reinstatement. Asked once for all of
      // them (a hashed NOT IN), not once per certification in the window.
      .andWhere(
        `c.id not in (select last.certification_id from (
            select distinct on (e.certification_id) e.certification_id, e.kind from certification_event e
             where e.effective_on <= :today::date and (e.effective_until is null or e.effective_until >= :today::date)
             order by e.certification_id, e.effective_on desc, e.at desc) last
          where last.kind <> 'REINSTATED')`,
      );
    const counting = q.clone();
    const totalCount = () => counting.getCount(); // counted only when asked for
    const page = q.clone().orderBy('c.due_on', 'ASC').addOrderBy('c.id', 'ASC').take(first + 1);
    if (after) {
      const [on, id] = decodeCursor(after, 2) as [string, string];
      if (!isIsoDate(String(on)) || !isUuid(String(id))) throw badInput({ field: 'after', reason: 'is not a cursor this list gave out' });
      page.andWhere('(c.due_on, c.id) > (:on::date, :id::uuid)', { on, id });
    }
    return toConnection(await page.getMany(), first, totalCount, (c) => [c.dueOn, c.id]);
  }

  /**
   * Training hours a renewal of each certification needs: the policy in force on the first day it
   * can be submitted (today, or the day renewal opens when that is later).
   */
  async renewalHoursRequired(certs: readonly Certification[]): Promise<number[]> {
    if (!certs.length) return [];
    const catalog = await PolicyCatalog.load(this.policy);
    const today = this.clock.today();
    return certs.map((c) => {
      const opens = dates.addDays(c.dueOn, -Math.max(...catalog.inForceOn(c.lastCertifiedOn).values.reminderOffsetsDays));
      return catalog.inForceOn(opens > today ? opens : today).values.recertificationHours;
    });
  }

  // ---------------------------------------------------------------- public registry

  /** Public: one certification by its number (exact), as the registry shows it today. */
  async registryByNumber(number: string): Promise<RegistryEntry | null> {
    const p = new Problems('');
    p.text(number, 'certificationNumber', { max: 40, required: true });
    p.throwIfAny();
    const rows = (await this.dataSource.query(`${REGISTRY_ROWS_SQL} where c.number = $1`, [number.trim().toUpperCase()])) as RegistryRow[];
    return (await this.registryEntries(rows))[0] ?? null;
  }

  /** Public: by name (part of a legal or preferred name) within a county; at most 25 answers. */
  async registrySearch(name: string, county: string): Promise<RegistryEntry[]> {
    const p = new Problems('');
    p.check(name.trim().length >= 2 && name.length <= 100, 'name', 'must be 2 to 100 characters');
    p.text(county, 'county', { max: 40, required: true });
    p.throwIfAny();
    // The first 25 (person, certification) pairs by name and number, found from the people: the name
    // (trigram indexes) and the county (person_county_name_idx) pick them, and each one's
    // certifications are read by person. `offset 0` keeps that subquery per person: joined plainly,
    // the planner may hash the whole certification table for a short name instead.
    const rows = (await this.dataSource.query(
      `${REGISTRY_ROWS_SQL}
        where c.id in (select x.id from person m cross join lateral (select k.id, k.number from certification k where k.person_id = m.id offset 0) x
                        where (m.legal_name ilike $1 or m.preferred_name ilike $1) and lower(m.county) = lower($2)
                        order by m.legal_name, x.number limit 25)
        order by p.legal_name, c.number`,
      [`%${name.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`, county.trim()],
    )) as RegistryRow[];
    return this.registryEntries(rows);
  }

  /** Registry rows (certification, person, designations, events: one statement) with today's status (the policy, read once a request). */
  private async registryEntries(rows: RegistryRow[]): Promise<RegistryEntry[]> {
    if (!rows.length) return [];
    const today = this.clock.today();
    const catalog = await PolicyCatalog.load(this.policy);
    return rows.map((r) => {
      const status = certificationStatusOn({ issuedOn: r.issuedOn, dueOn: r.dueOn, events: r.events }, today, catalog.inForceOn(r.lastCertifiedOn).values);
      return {
        certificationNumber: r.number,
        personId: r.personId,
        name: r.preferredName ? `${r.preferredName} (${r.legalName})` : r.legalName,
        county: r.county,
        status: status.status,
        goodThrough: status.goodThrough,
        statusEffectiveOn: status.eventOn,
        designations: r.designations,
      };
    });
  }
}

/** What the registry shows of a certification and what its status needs, read in one statement. */
interface RegistryRow {
  number: string;
  personId: string;
  issuedOn: string;
  dueOn: string;
  lastCertifiedOn: string;
  legalName: string;
  preferredName: string | null;
  county: string;
  designations: string[];
  events: LifecycleFacts['events'];
}

const REGISTRY_ROWS_SQL = `
  select c.number, c.person_id as "personId", to_char(c.issued_on, 'YYYY-MM-DD') as "issuedOn", to_char(c.due_on, 'YYYY-MM-DD') as "dueOn",
         to_char(c.last_certified_on, 'YYYY-MM-DD') as "lastCertifiedOn", p.legal_name as "legalName", p.preferred_name as "preferredName", p.county,
         array(select d.designation::text from certification_designation d where d.certification_id = c.id order by d.designation) as designations,
         coalesce((select json_agg(json_build_object('kind', e.kind, 'effectiveOn', to_char(e.effective_on, 'YYYY-MM-DD'), 'effectiveUntil', to_char(e.effective_until, 'YYYY-MM-DD')) order by e.effective_on, e.at)
                     from certification_event e where e.certification_id = c.id), '[]') as events
    from certification c join person p on p.id = c.person_id`;
