// Imports of CSV files into the ethics domain (admins, from the UI or `npm run import`): the run's
// bookkeeping (import_run, RUNNING then DONE / REJECTED / FAILED, interrupted runs, the input's
// checks) is server-kit's ImportRunService (import-run.ts); the kind is DISCIPLINARY_ACTIONS
// (import-disciplinary-actions.ts), whose rows name people by certification number (asked of
// certification: certification-holders.ts).
import { ImportRunService, type Clock, type ImportRequest as KitImportRequest, type Logger } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import type { CertificationHolders } from './certification-holders';
import { disciplinaryActionsKind } from './import-disciplinary-actions';

export const EthicsImportKind = { DisciplinaryActions: 'DISCIPLINARY_ACTIONS' } as const;
export type EthicsImportKind = (typeof EthicsImportKind)[keyof typeof EthicsImportKind];
export type EthicsImportRequest = KitImportRequest<EthicsImportKind>;

export class EthicsImportService extends ImportRunService<EthicsImportKind> {
  constructor(dataSource: DataSource, clock: Clock, holders: CertificationHolders, logger?: Logger) {
    super(dataSource, {
      kinds: Object.values(EthicsImportKind),
      operation: 'startEthicsImport',
      logger,
      async prepare(run, request) {
        return {
          kind: disciplinaryActionsKind({
            today: clock.today(),
            holders,
            importRunId: run.id,
            actor: request.startedBy,
            requestId: request.requestId,
            operation: request.startedBy === 'cli' ? 'import:disciplinary-actions' : 'startEthicsImport',
          }),
        };
      },
    });
  }
}
