// The training domain's import service for the import command (run.ts): the training subgraph's
// own services (its built dist/) on its schema, and, for the rows that name people by certification
// number, certification's own code answering from its schema in this process (the same
// CertificationHolders port that asks peopleByCertificationNumbers through the gateway).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

type Module = Record<string, unknown>;
type DataSourceLike = { destroy(): Promise<void>; manager: unknown };

export interface TrainingImportKit {
  initializeAndMigrate<T extends { destroy(): Promise<void> }>(ds: T): Promise<T>;
  auditWrites(ds: unknown): void;
  systemClock: unknown;
}

function load(repoRoot: string, service: string, module: string, missing: (message: string) => Error): Module {
  const path = join(repoRoot, 'services', service, 'dist', module);
  if (!existsSync(path)) throw missing(`services/${service}/dist/${module} is missing: build first (npm run import builds it)`);
  return require(path) as Module;
}

export async function openTrainingImports<Runner>(repoRoot: string, databaseUrl: string, kit: TrainingImportKit, missing: (message: string) => Error): Promise<{ service: Runner; close(): Promise<void> }> {
  const { createTrainingDataSource } = load(repoRoot, 'training', 'data-source.js', missing) as { createTrainingDataSource(url: string): DataSourceLike };
  const { createTrainingServices } = load(repoRoot, 'training', 'training-services.js', missing) as { createTrainingServices(deps: unknown): { imports: Runner } };
  const { createCertificationDataSource } = load(repoRoot, 'certification', 'data-source.js', missing) as { createCertificationDataSource(url: string): DataSourceLike };
  const { certificationHolders, MAX_HOLDERS_ASKED } = load(repoRoot, 'certification', 'services/import.service.js', missing) as {
    certificationHolders(manager: unknown, numbers: readonly string[]): Promise<{ certificationNumber: string; personId: string }[]>;
    MAX_HOLDERS_ASKED: number;
  };
  const certification = await kit.initializeAndMigrate(createCertificationDataSource(databaseUrl));
  const ds = await kit.initializeAndMigrate(createTrainingDataSource(databaseUrl)).catch(async (err: unknown) => {
    await certification.destroy();
    throw err;
  });
  kit.auditWrites(ds);
  const holders = {
    async personIdsOf(numbers: readonly string[]) {
      const found = new Map<string, string>();
      for (let i = 0; i < numbers.length; i += MAX_HOLDERS_ASKED) {
        for (const h of await certificationHolders(certification.manager, numbers.slice(i, i + MAX_HOLDERS_ASKED))) found.set(h.certificationNumber, h.personId);
      }
      return found;
    },
  };
  const services = createTrainingServices({ dataSource: ds, clock: kit.systemClock, certificationHolders: holders });
  return {
    service: services.imports,
    close: async () => {
      await ds.destroy();
      await certification.destroy();
    },
  };
}
