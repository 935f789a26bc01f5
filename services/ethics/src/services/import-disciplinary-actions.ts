// The DISCIPLINARY_ACTIONS import kind: past disciplinary actions from the program's records, one a
// row, known by the program's action number (action_reference). Each becomes a final sanction with
// no case (complaint_id null) on the person holding certification_number (asked of certification:
// see certification-holders.ts), and, when public, the public disciplinary action the registry shows
// (kind and dates only). An import sends no command to certification or training: a historical
// suspension or revocation is already in the certification's status (the PEOPLE_CERTIFICATIONS
// import carries it), and replaying it would date it today.
// The summary is sensitive: it is never logged, and each write of it gets an audit entry naming it.
import { SANCTION_OUTCOMES, type ComplaintOutcomeKind } from '@cpss/domain';
import { AuditEntry, isIsoDate, type CsvImportKind, type ImportProblem, type RowOutcome } from '@cpss/server-kit';
import { In } from 'typeorm';
import { z } from 'zod';
import { PublicDisciplinaryAction, Sanction } from '../entities/sanction';
import type { CertificationHolders } from './certification-holders';

export const DISCIPLINARY_ACTIONS_COLUMNS = [
  { name: 'action_reference', required: true },
  { name: 'certification_number', required: true },
  { name: 'kind', required: true },
  { name: 'decided_on', required: true },
  { name: 'effective_from', required: true },
  { name: 'effective_until' },
  { name: 'public', required: true },
  { name: 'summary' },
] as const;

export const MAX_SUMMARY_LENGTH = 4000;

export interface DisciplinaryActionRow {
  action_reference: string;
  certification_number: string;
  kind: ComplaintOutcomeKind;
  decided_on: string;
  effective_from: string;
  effective_until: string | null;
  public: boolean;
  summary: string | null;
}

const KINDS = SANCTION_OUTCOMES as readonly string[];
const YES = ['YES', 'Y', 'TRUE'];
const NO = ['NO', 'N', 'FALSE'];
/** Kinds with a period (an end required) and kinds without an end. */
const PERIOD_KINDS: readonly string[] = ['PROBATION', 'SUSPENSION'];
const OPEN_ENDED_KINDS: readonly string[] = ['REVOCATION', 'REMOVAL_AS_TRAINER'];

const date = () =>
  z.string({ error: (i) => (i.input === undefined ? 'is required' : 'must be a date as YYYY-MM-DD') }).refine(isIsoDate, { message: 'must be a date as YYYY-MM-DD' });
const code = (what: string) =>
  z
    .string({ error: 'is required' })
    .transform((s) => s.toUpperCase())
    .refine((s) => /^[A-Z0-9][A-Z0-9./-]{1,39}$/.test(s), { message: `must be 2 to 40 letters, digits, dots, slashes and dashes (${what})` });

export function disciplinaryActionsSchema(today: string) {
  return z
    .object({
      action_reference: code("the program's action number"),
      certification_number: code('a certification number'),
      kind: z
        .string({ error: 'is required' })
        .transform((s) => s.toUpperCase())
        .refine((s) => KINDS.includes(s), { message: `is not a disciplinary action (${KINDS.join(', ')})` })
        .transform((s) => s as ComplaintOutcomeKind),
      decided_on: date(),
      effective_from: date(),
      effective_until: date().nullable().default(null),
      public: z
        .string({ error: 'is required' })
        .transform((s) => s.toUpperCase())
        .refine((s) => YES.includes(s) || NO.includes(s), { message: 'must be yes or no' })
        .transform((s) => YES.includes(s)),
      summary: z.string().max(MAX_SUMMARY_LENGTH, { message: `must be at most ${MAX_SUMMARY_LENGTH} characters` }).nullable().default(null),
    })
    .superRefine((r, ctx) => {
      const at = (column: string, message: string) => ctx.addIssue({ code: 'custom', path: [column], message });
      // Dates already refused by their column are not compared (one problem a column).
      if (![r.decided_on, r.effective_from, r.effective_until].every((d) => d === null || isIsoDate(d))) return;
      if (r.decided_on > today) at('decided_on', `must not be after today (${today}): only past actions are imported`);
      if (r.effective_from < r.decided_on) at('effective_from', `must not be before decided_on (${r.decided_on})`);
      if (PERIOD_KINDS.includes(r.kind)) {
        if (r.effective_until === null) at('effective_until', `is required for ${r.kind}`);
        else if (r.effective_until <= r.effective_from) at('effective_until', `must be after effective_from (${r.effective_from})`);
      } else if (OPEN_ENDED_KINDS.includes(r.kind)) {
        if (r.effective_until !== null) at('effective_until', `does not apply to ${r.kind}`);
      } else if (r.effective_until !== null && r.effective_until < r.effective_from) {
        at('effective_until', `must not be before effective_from (${r.effective_from})`);
      }
    }) as unknown as z.ZodType<DisciplinaryActionRow>;
}

/** The sanction a row stands for (what a second run compares). */
function sanctionValues(row: DisciplinaryActionRow, personId: string) {
  return {
    personId,
    kind: row.kind,
    status: 'FINAL' as const,
    effectiveFrom: row.effective_from,
    effectiveUntil: row.effective_until,
    trainingDueOn: row.kind === 'CORRECTIVE_ACTION' ? row.effective_until : null,
    decidedOn: row.decided_on,
    finalizedOn: row.decided_on,
    summary: row.summary,
  };
}

export interface DisciplinaryActionsKindOptions {
  today: string;
  holders: CertificationHolders;
  importRunId: string;
  /** Who imports (the audit entries of summary writes name them): an admin, or cli. */
  actor: string;
  requestId?: string;
  /** The audit entries' operation (the mutation, or the command line's import). */
  operation: string;
}

export function disciplinaryActionsKind(options: DisciplinaryActionsKindOptions): CsvImportKind<DisciplinaryActionRow> {
  /** line -> the person holding the row's certification. */
  const personOf = new Map<number, string>();

  return {
    name: 'DISCIPLINARY_ACTIONS',
    columns: DISCIPLINARY_ACTIONS_COLUMNS,
    schema: disciplinaryActionsSchema(options.today),
    keyColumn: 'action_reference',
    normalizeKey: (s) => s.toUpperCase(),
    // The summary is confidential: it is not kept in the run's error file.
    sensitiveColumns: ['summary'],

    async check(rows) {
      const problems: ImportProblem[] = [];
      const numbers = [...new Set(rows.map((r) => r.row.certification_number))];
      let holders: Map<string, string>;
      try {
        holders = await options.holders.personIdsOf(numbers, { requestId: options.requestId });
      } catch (err) {
        if ((err as { extensions?: { code?: string } }).extensions?.code !== 'SERVICE_UNAVAILABLE') throw err;
        // No person can be checked: every row is refused (nothing written), saying why.
        return rows.map((r) => ({ line: r.line, column: 'certification_number', reason: 'could not be checked: certification did not answer (try again shortly)' }));
      }
      for (const r of rows) {
        const personId = holders.get(r.row.certification_number);
        if (!personId) problems.push({ line: r.line, column: 'certification_number', reason: `names ${r.row.certification_number}: no certification in the platform has this number (import the person first)` });
        else personOf.set(r.line, personId);
      }
      return problems;
    },

    async writeBatch(tx, rows) {
      const outcomes = new Map<number, RowOutcome>();
      const sanctions = tx.getRepository(Sanction);
      const published = tx.getRepository(PublicDisciplinaryAction);
      const existing = new Map((await sanctions.findBy({ actionReference: In(rows.map((r) => r.row.action_reference)) })).map((s) => [s.actionReference!, s]));
      const publicRows = existing.size ? await published.findBy({ sanctionId: In([...existing.values()].map((s) => s.id)) }) : [];
      const publicOf = new Map(publicRows.map((p) => [p.sanctionId, p]));
      const summaryWritten: { id: string; action: 'create' | 'update' }[] = [];

      const fresh = rows.filter((r) => !existing.has(r.row.action_reference));
      if (fresh.length) {
        const inserted = await sanctions.insert(
          fresh.map((r) => ({ ...sanctionValues(r.row, personOf.get(r.line)!), complaintId: null, actionReference: r.row.action_reference, conditions: null, mandatedTraining: null, importRunId: options.importRunId })),
        );
        const toPublish: Partial<PublicDisciplinaryAction>[] = [];
        fresh.forEach((r, i) => {
          const id = inserted.identifiers[i]!['id'] as string;
          outcomes.set(r.line, 'created');
          if (r.row.summary !== null) summaryWritten.push({ id, action: 'create' });
          if (r.row.public) toPublish.push({ sanctionId: id, personId: personOf.get(r.line)!, kind: r.row.kind, effectiveFrom: r.row.effective_from, effectiveUntil: r.row.effective_until, publishedOn: r.row.decided_on });
        });
        if (toPublish.length) await published.insert(toPublish);
      }

      for (const r of rows) {
        const s = existing.get(r.row.action_reference);
        if (!s) continue;
        const want = sanctionValues(r.row, personOf.get(r.line)!);
        const diff = Object.fromEntries(Object.entries(want).filter(([k, v]) => s[k as keyof typeof want] !== v));
        let changed = false;
        if (Object.keys(diff).length) {
          await sanctions.update({ id: s.id }, { ...diff, importRunId: options.importRunId });
          if ('summary' in diff) summaryWritten.push({ id: s.id, action: 'update' });
          changed = true;
        }
        const pub = publicOf.get(s.id);
        const wantPublic = { personId: want.personId, kind: want.kind, effectiveFrom: want.effectiveFrom, effectiveUntil: want.effectiveUntil, publishedOn: want.decidedOn };
        if (r.row.public && !pub) {
          await published.insert({ sanctionId: s.id, ...wantPublic });
          changed = true;
        } else if (!r.row.public && pub) {
          await published.delete({ id: pub.id });
          changed = true;
        } else if (pub && Object.entries(wantPublic).some(([k, v]) => pub[k as keyof typeof wantPublic] !== v)) {
          await published.update({ id: pub.id }, wantPublic);
          changed = true;
        }
        outcomes.set(r.line, changed ? 'updated' : 'unchanged');
      }

      // The sensitive field's writes, one entry each (in one insert), as recordAudit() writes them.
      if (summaryWritten.length) {
        await tx.getRepository(AuditEntry).insert(
          summaryWritten.map((w) => ({ actor: options.actor, actorRoles: ['ADMIN'], action: w.action, subjectType: 'Sanction', subjectId: w.id, fields: ['summary'], requestId: options.requestId ?? null, operation: options.operation })),
        );
      }
      return rows.map((r) => outcomes.get(r.line) ?? 'unchanged');
    },
  };
}
