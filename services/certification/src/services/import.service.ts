// Imports of CSV files into the certification domain (admins, from the UI or `npm run import`):
// the run's bookkeeping (import_run, RUNNING then DONE / REJECTED / FAILED, interrupted runs, the
// input's checks) is server-kit's ImportRunService (import-run.ts); the kind is
// PEOPLE_CERTIFICATIONS (import-people-certifications.ts), judged by the policy in force.
import { ImportRunService, type Clock, type ImportRequest as KitImportRequest, type Logger } from '@cpss/server-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { CertificationImportKind } from '../entities/import-run';
import type { CertificationPolicyStore } from '../policy/certification-policy';
import { peopleCertificationsKind } from './import-people-certifications';
import { PolicyCatalog } from './policy-catalog';

export { MAX_IMPORT_BYTES, MAX_IMPORT_RUNS_LISTED, type StartImportInput } from '@cpss/server-kit';
export type ImportRequest = KitImportRequest<CertificationImportKind>;

export class ImportService extends ImportRunService<CertificationImportKind> {
  constructor(dataSource: DataSource, policy: CertificationPolicyStore, clock: Clock, logger?: Logger) {
    super(dataSource, {
      kinds: Object.values(CertificationImportKind),
      operation: 'startCertificationImport',
      logger,
      async prepare(run, request) {
        const catalog = await PolicyCatalog.load(policy);
        return { kind: peopleCertificationsKind({ today: clock.today(), catalog, actor: request.startedBy, importRunId: run.id }) };
      },
    });
  }

  /** Certification's database, for peopleByCertificationNumbers. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}

/** The most certification numbers one question about holders may name. */
export const MAX_HOLDERS_ASKED = 1000;

/**
 * Who holds each of these certification numbers (case-insensitive; the numbers unknown left out):
 * how another domain's import (training's trainers and completions) finds the person a row names.
 */
export async function certificationHolders(manager: EntityManager, numbers: readonly string[]): Promise<{ certificationNumber: string; personId: string }[]> {
  const wanted = [...new Set(numbers.map((n) => n.trim().toUpperCase()).filter(Boolean))];
  if (!wanted.length) return [];
  const rows = (await manager.query(`select number, person_id from certification where number = any($1::text[]) order by number`, [wanted])) as { number: string; person_id: string }[];
  return rows.map((r) => ({ certificationNumber: r.number, personId: r.person_id }));
}
