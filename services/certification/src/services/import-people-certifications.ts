// The PEOPLE_CERTIFICATIONS import kind: one row a certification, with its holder.
//
// Who a row's person is (checked before anything is written):
// 1. the certification number is in the platform: its holder (the row's person details update them);
// 2. else the email (case-insensitive) is a person's in the platform with the same date of birth:
//    that person (a second certification of theirs, or one recorded before the platform); with
//    another date of birth the row is refused;
// 3. else a new person. Rows of the file with the same email are the same person: their person
//    details must agree, and one person cannot come with two emails.
// The status column names the status today, as the certification lifecycle derives it
// (services/lifecycle.ts): ACTIVE (or DUE / LATE, its reminder and late windows) and LAPSED must
// agree with due_on; SUSPENDED, REVOKED and RELINQUISHED become that event, effective on
// status_effective_on (optional; today by default). A second run compares the status, not the
// event's date. ACTIVE on a certification suspended in the platform records a reinstatement; an
// import never undoes a revocation or relinquishment.
import { CertificationEventKind, CertificationStatus, DesignationKind, NC_COUNTIES, type CertificationStatus as Status } from '@cpss/domain';
import { isIsoDate, recordStatusChange, type CsvImportKind, type ImportProblem, type ParsedRow, type RowOutcome } from '@cpss/server-kit';
import { Any, In, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { Certification, CertificationDesignation, CertificationEvent } from '../entities/certification';
import { Person } from '../entities/person';
import { eventRefusal } from './certification.service';
import { certificationStatusOn, lateWindowEnd } from './lifecycle';
import type { PolicyCatalog } from './policy-catalog';

export const PEOPLE_CERTIFICATIONS_COLUMNS = [
  { name: 'certification_number', required: true },
  { name: 'legal_name', required: true },
  { name: 'preferred_name' },
  { name: 'date_of_birth', required: true },
  { name: 'email', required: true },
  { name: 'phone' },
  { name: 'county', required: true },
  { name: 'issued_on', required: true },
  { name: 'last_certified_on' },
  { name: 'due_on', required: true },
  { name: 'status', required: true },
  { name: 'status_effective_on' },
  { name: 'designations' },
] as const;

const STATUSES = Object.values(CertificationStatus) as string[];
const DESIGNATIONS = Object.values(DesignationKind) as string[];
const CALENDAR_STATUSES: readonly Status[] = ['ACTIVE', 'DUE', 'LATE', 'LAPSED'];
const EVENT_STATUSES: readonly Status[] = ['SUSPENDED', 'REVOKED', 'RELINQUISHED'];
const COUNTY_BY_LOWER = new Map<string, string>(NC_COUNTIES.map((c) => [c.toLowerCase(), c]));

export interface PeopleCertificationRow {
  certification_number: string;
  legal_name: string;
  preferred_name: string | null;
  date_of_birth: string;
  email: string;
  phone: string | null;
  county: string;
  issued_on: string;
  last_certified_on: string;
  due_on: string;
  status: Status;
  status_effective_on: string | null;
  designations: DesignationKind[];
}

const date = () =>
  z.string({ error: (i) => (i.input === undefined ? 'is required' : 'must be a date as YYYY-MM-DD') }).refine(isIsoDate, { message: 'must be a date as YYYY-MM-DD' });
const text = (max: number) => z.string({ error: 'is required' }).max(max, { message: `must be at most ${max} characters` });

/** The row schema; statuses are judged on `today` by the policy of the last (re)certification. */
export function peopleCertificationsSchema(today: string, catalog: PolicyCatalog) {
  const policyOn = (day: string) => {
    try {
      return catalog.inForceOn(day).values;
    } catch {
      return catalog.inForceOn(today).values; // before the first policy version: today's rules
    }
  };
  return z
    .object({
      certification_number: z
        .string({ error: 'is required' })
        .transform((s) => s.toUpperCase())
        .refine((s) => /^[A-Z0-9][A-Z0-9-]{1,39}$/.test(s), { message: 'must be 2 to 40 letters, digits and dashes' }),
      legal_name: text(200).refine((v) => !/[\r\n]/.test(v), { message: 'must be on one line' }),
      preferred_name: text(100).nullable().default(null),
      date_of_birth: date(),
      email: z.string({ error: 'is required' }).max(254, { message: 'must be at most 254 characters' }).pipe(z.email({ message: 'must be an email address' })),
      phone: z
        .string()
        .refine((s) => /^\+?[0-9 ().-]{7,20}$/.test(s), { message: 'must be a phone number (digits, spaces, ()+.-)' })
        .nullable()
        .default(null),
      county: z
        .string({ error: 'is required' })
        .refine((s) => COUNTY_BY_LOWER.has(s.toLowerCase()), { message: 'is not a North Carolina county' })
        .transform((s) => COUNTY_BY_LOWER.get(s.toLowerCase())!),
      issued_on: date(),
      last_certified_on: date().optional(),
      due_on: date(),
      status: z
        .string({ error: 'is required' })
        .transform((s) => s.toUpperCase())
        .refine((s) => STATUSES.includes(s), { message: `is not a certification status (${STATUSES.join(', ')})` })
        .transform((s) => s as Status),
      status_effective_on: date().nullable().default(null),
      designations: z
        .string()
        .transform((s) => s.split(';').map((d) => d.trim().toUpperCase()).filter(Boolean))
        .superRefine((list, ctx) => {
          const unknown = list.filter((d) => !DESIGNATIONS.includes(d));
          if (unknown.length) ctx.addIssue({ code: 'custom', message: `${unknown.join(', ')}: not a designation (${DESIGNATIONS.join(', ')})` });
          if (new Set(list).size !== list.length) ctx.addIssue({ code: 'custom', message: 'names a designation twice' });
        })
        .transform((list) => [...list].sort() as DesignationKind[])
        .default([]),
    })
    .superRefine((r, ctx) => {
      const at = (column: string, message: string) => ctx.addIssue({ code: 'custom', path: [column], message });
      if (r.issued_on > today) at('issued_on', `must not be after today (${today})`);
      if (r.date_of_birth >= r.issued_on) at('date_of_birth', 'must be before issued_on');
      if (r.due_on <= r.issued_on) {
        at('due_on', `must be after issued_on (${r.issued_on})`);
        return;
      }
      const last = r.last_certified_on ?? r.issued_on;
      if (last < r.issued_on || last >= r.due_on) {
        at('last_certified_on', `must be from issued_on (${r.issued_on}) to before due_on (${r.due_on})`);
        return;
      }
      if (last > today) at('last_certified_on', `must not be after today (${today})`);
      const policy = policyOn(last);
      const calendar = certificationStatusOn({ issuedOn: r.issued_on, dueOn: r.due_on, events: [] }, today, policy).status;
      const lapsesAfter = lateWindowEnd(r.due_on, policy);
      if (r.status === 'LAPSED' && calendar !== 'LAPSED') at('status', `is LAPSED, but with due_on ${r.due_on} the certification is good through ${lapsesAfter} (its late window)`);
      else if (r.status === 'ACTIVE' && calendar === 'LAPSED') at('status', `is ACTIVE, but with due_on ${r.due_on} the certification lapsed after ${lapsesAfter} (its late window)`);
      else if ((r.status === 'DUE' || r.status === 'LATE') && calendar !== r.status) at('status', `is ${r.status}, but with due_on ${r.due_on} the certification is ${calendar} today (${today})`);
      if (r.status_effective_on !== null) {
        if (!EVENT_STATUSES.includes(r.status)) at('status_effective_on', `is only for ${EVENT_STATUSES.join(', ')}`);
        else if (r.status_effective_on < r.issued_on || r.status_effective_on > today) at('status_effective_on', `must be from issued_on (${r.issued_on}) to today (${today})`);
      }
    })
    .transform((r): PeopleCertificationRow => ({ ...r, last_certified_on: r.last_certified_on ?? r.issued_on }));
}

/** What writing a row does, decided by the checks (before any write). */
interface Plan {
  /** The person: existing (id) or created for the row's email group. */
  personId: string | null;
  group: string;
  certificationId: string | null;
  event: { kind: CertificationEventKind; effectiveOn: string; from: Status } | null;
}

const lower = (s: string) => s.toLowerCase();
const PERSON_FIELDS = ['legal_name', 'preferred_name', 'date_of_birth', 'phone', 'county'] as const;

export function peopleCertificationsKind(options: { today: string; catalog: PolicyCatalog; actor: string; importRunId: string }): CsvImportKind<PeopleCertificationRow> {
  const { today, catalog } = options;
  const plans = new Map<number, Plan>();
  /** People created by this run, by email group (a group's later rows reuse them). */
  const createdPeople = new Map<string, string>();
  /** People already compared (and updated) by this run. */
  const peopleDone = new Set<string>();
  const policyOn = (day: string) => {
    try {
      return catalog.inForceOn(day).values;
    } catch {
      return catalog.inForceOn(today).values;
    }
  };

  return {
    name: 'PEOPLE_CERTIFICATIONS',
    columns: PEOPLE_CERTIFICATIONS_COLUMNS,
    schema: peopleCertificationsSchema(today, catalog) as unknown as z.ZodType<PeopleCertificationRow>,
    keyColumn: 'certification_number',
    normalizeKey: (s) => s.toUpperCase(),

    async check(rows, manager) {
      const problems: ImportProblem[] = [];
      const numbers = rows.map((r) => r.row.certification_number);
      const certs = await manager.getRepository(Certification).find({ where: { number: Any(numbers) } });
      const certByNumber = new Map(certs.map((c) => [c.number, c]));
      const emails = [...new Set(rows.map((r) => lower(r.row.email)))];
      const byEmail = (await manager.query(`select id, lower(email) as email, to_char(date_of_birth, 'YYYY-MM-DD') as dob from person where lower(email) = any($1::text[])`, [emails])) as { id: string; email: string; dob: string }[];
      const personByEmail = new Map(byEmail.map((p) => [p.email, p.id]));
      const dobByEmail = new Map(byEmail.map((p) => [p.email, p.dob]));
      const certIds = certs.map((c) => c.id);
      const events = certIds.length ? await manager.getRepository(CertificationEvent).find({ where: { certificationId: Any(certIds) }, order: { effectiveOn: 'ASC', at: 'ASC' } }) : [];
      const eventsOf = new Map<string, CertificationEvent[]>();
      for (const e of events) eventsOf.set(e.certificationId, [...(eventsOf.get(e.certificationId) ?? []), e]);

      // Each email group's person: the holder of a certification it names, the email's owner, or new.
      const groups = new Map<string, ParsedRow<PeopleCertificationRow>[]>();
      for (const r of rows) groups.set(lower(r.row.email), [...(groups.get(lower(r.row.email)) ?? []), r]);
      const groupOfPerson = new Map<string, { group: string; line: number }>();
      for (const [group, members] of groups) {
        let personId: string | null = personByEmail.get(group) ?? null;
        let personLine = members[0]!.line;
        const bad = new Set<number>();
        for (const r of members) {
          const holder = certByNumber.get(r.row.certification_number)?.personId;
          if (!holder) continue;
          if (personId && holder !== personId) {
            problems.push({ line: r.line, column: 'email', reason: personByEmail.get(group) ? `belongs to another person in the platform than the holder of ${r.row.certification_number}` : `is on line ${personLine} too, whose certification has another holder` });
            bad.add(r.line);
          } else if (!personId) {
            personId = holder;
            personLine = r.line;
          }
        }
        const first = members.find((r) => !bad.has(r.line));
        if (!first) continue;
        for (const r of members) {
          if (bad.has(r.line) || r === first) continue;
          const differs = PERSON_FIELDS.find((f) => r.row[f] !== first.row[f]);
          if (differs) {
            problems.push({ line: r.line, column: differs, reason: `differs from line ${first.line}, which has the same email (the same person)` });
            bad.add(r.line);
          }
        }
        // Known by email alone: the same person only when the date of birth agrees too.
        if (personId && personId === personByEmail.get(group) && !members.some((r) => certByNumber.has(r.row.certification_number)) && first.row.date_of_birth !== dobByEmail.get(group)) {
          for (const r of members) if (!bad.has(r.line)) problems.push({ line: r.line, column: 'date_of_birth', reason: 'differs from that of the person in the platform with this email' });
          continue;
        }
        if (personId) {
          const other = groupOfPerson.get(personId);
          if (other) {
            for (const r of members) if (!bad.has(r.line)) problems.push({ line: r.line, column: 'email', reason: `differs from line ${other.line}, which names the same person` });
            continue;
          }
          groupOfPerson.set(personId, { group, line: first.line });
        }
        for (const r of members) {
          if (bad.has(r.line)) continue;
          const cert = certByNumber.get(r.row.certification_number) ?? null;
          // The status the row's dates give with the events already recorded.
          const facts = { issuedOn: r.row.issued_on, dueOn: r.row.due_on, events: cert ? (eventsOf.get(cert.id) ?? []) : [] };
          const policy = policyOn(r.row.last_certified_on);
          const have = certificationStatusOn(facts, today, policy).status;
          const want = r.row.status;
          let event: Plan['event'] = null;
          if (CALENDAR_STATUSES.includes(want)) {
            if (have === 'SUSPENDED') event = { kind: 'REINSTATED', effectiveOn: today, from: have };
            else if (EVENT_STATUSES.includes(have)) {
              problems.push({ line: r.line, column: 'status', reason: `is ${want}, but ${r.row.certification_number} is ${have} in the platform: an import does not undo that` });
              continue;
            }
          } else if (have !== want) {
            const effectiveOn = r.row.status_effective_on ?? today;
            const before = certificationStatusOn(facts, effectiveOn, policy).status;
            const refusal = eventRefusal(want as CertificationEventKind, before);
            if (refusal) {
              problems.push({ line: r.line, column: 'status', reason: `is ${want}, but the certification is ${before} on ${effectiveOn}: ${refusal.reason}` });
              continue;
            }
            event = { kind: want as CertificationEventKind, effectiveOn, from: before };
          }
          plans.set(r.line, { personId, group, certificationId: cert?.id ?? null, event });
        }
      }
      return problems;
    },

    async writeBatch(tx, rows) {
      const outcomes = new Map<number, RowOutcome>();
      const changed = (r: ParsedRow<PeopleCertificationRow>) => outcomes.get(r.line) !== 'created' && outcomes.set(r.line, 'updated');
      const plan = (r: ParsedRow<PeopleCertificationRow>) => plans.get(r.line)!;
      const personValues = (row: PeopleCertificationRow) => ({ legalName: row.legal_name, preferredName: row.preferred_name, dateOfBirth: row.date_of_birth, email: row.email, phone: row.phone, county: row.county });

      // People: new ones in one insert (one a group), known ones compared and changed only when different.
      const fresh = rows.filter((r) => !plan(r).personId && !createdPeople.has(plan(r).group));
      const firstOfGroup = new Map<string, ParsedRow<PeopleCertificationRow>>();
      for (const r of fresh) if (!firstOfGroup.has(plan(r).group)) firstOfGroup.set(plan(r).group, r);
      if (firstOfGroup.size) {
        const inserted = await tx.getRepository(Person).insert([...firstOfGroup.values()].map((r) => personValues(r.row)));
        [...firstOfGroup.keys()].forEach((group, i) => {
          const id = inserted.identifiers[i]!['id'] as string;
          createdPeople.set(group, id);
          peopleDone.add(id);
        });
      }
      const personIdOf = (r: ParsedRow<PeopleCertificationRow>) => plan(r).personId ?? createdPeople.get(plan(r).group)!;
      const known = [...new Set(rows.map((r) => plan(r).personId).filter((id): id is string => !!id && !peopleDone.has(id)))];
      if (known.length) {
        const people = new Map((await tx.getRepository(Person).findBy({ id: In(known) })).map((p) => [p.id, p]));
        for (const r of rows) {
          const person = plan(r).personId ? people.get(plan(r).personId!) : undefined;
          if (!person || peopleDone.has(person.id)) continue;
          peopleDone.add(person.id);
          const want = personValues(r.row);
          const diff = Object.fromEntries(Object.entries(want).filter(([k, v]) => person[k as keyof typeof want] !== v));
          if (Object.keys(diff).length) {
            Object.assign(person, diff);
            await tx.getRepository(Person).save(person);
            for (const other of rows) if (plan(other).personId === person.id) changed(other);
          }
        }
      }

      // Certifications: new ones in one insert; known ones compared.
      const certRepo = tx.getRepository(Certification);
      const newCerts = rows.filter((r) => !plan(r).certificationId);
      if (newCerts.length) {
        const inserted = await certRepo.insert(
          newCerts.map((r) => ({ number: r.row.certification_number, personId: personIdOf(r), issuedOn: r.row.issued_on, lastCertifiedOn: r.row.last_certified_on, dueOn: r.row.due_on })),
        );
        newCerts.forEach((r, i) => {
          plan(r).certificationId = inserted.identifiers[i]!['id'] as string;
          outcomes.set(r.line, 'created');
        });
      }
      const knownCerts = rows.filter((r) => !newCerts.includes(r));
      const certs = knownCerts.length ? new Map((await certRepo.findBy({ id: In(knownCerts.map((r) => plan(r).certificationId!)) })).map((c) => [c.id, c])) : new Map<string, Certification>();
      for (const r of knownCerts) {
        const cert = certs.get(plan(r).certificationId!)!;
        const want = { personId: personIdOf(r), issuedOn: r.row.issued_on, lastCertifiedOn: r.row.last_certified_on, dueOn: r.row.due_on };
        if (Object.entries(want).some(([k, v]) => cert[k as keyof typeof want] !== v)) {
          Object.assign(cert, want);
          await certRepo.save(cert);
          changed(r);
        }
      }

      // Designations: the file's set (added ones granted on the last (re)certification).
      const ids = rows.map((r) => plan(r).certificationId!);
      const held = await tx.getRepository(CertificationDesignation).find({ where: { certificationId: In(ids) } });
      const heldBy = new Map<string, CertificationDesignation[]>();
      for (const d of held) heldBy.set(d.certificationId, [...(heldBy.get(d.certificationId) ?? []), d]);
      const add: Partial<CertificationDesignation>[] = [];
      const drop: string[] = [];
      for (const r of rows) {
        const id = plan(r).certificationId!;
        const have = heldBy.get(id) ?? [];
        const missing = r.row.designations.filter((d) => !have.some((h) => h.designation === d));
        const extra = have.filter((h) => !r.row.designations.includes(h.designation));
        for (const d of missing) add.push({ certificationId: id, designation: d, grantedOn: r.row.last_certified_on });
        drop.push(...extra.map((h) => h.id));
        if (missing.length || extra.length) changed(r);
      }
      if (drop.length) await tx.getRepository(CertificationDesignation).delete({ id: In(drop) });
      if (add.length) await tx.getRepository(CertificationDesignation).insert(add);

      // Status events (and the timeline's record of each change).
      const events = rows.filter((r) => plan(r).event);
      if (events.length) {
        await tx.getRepository(CertificationEvent).insert(
          events.map((r) => ({ certificationId: plan(r).certificationId!, kind: plan(r).event!.kind, effectiveOn: plan(r).event!.effectiveOn, effectiveUntil: null, reason: `Imported (run ${options.importRunId})`, actor: options.actor })),
        );
        for (const r of events) {
          const e = plan(r).event!;
          await recordStatusChange(tx, { subjectType: 'Certification', subjectId: plan(r).certificationId!, from: e.from, to: e.kind, actor: options.actor, reason: 'imported', facts: { effectiveOn: e.effectiveOn, importRunId: options.importRunId } });
          changed(r);
        }
      }
      return rows.map((r) => outcomes.get(r.line) ?? 'unchanged');
    },
  };
}

