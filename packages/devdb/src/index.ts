export { startEmbeddedPostgres, chooseDataDir, stopOrphan, claimDataDir } from './embedded';
export type { EmbeddedOptions, RunningDatabase } from './embedded';
export { startTestServer, createThrowawayDatabase, freePort } from './throwaway';
export type { ThrowawayDatabase } from './throwaway';
