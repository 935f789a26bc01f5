export { startPlatform, SERVICES, ServiceStartError } from './platform';
export type { PlatformOptions, RunningPlatform, ServiceName } from './platform';
export { openDatabase, checkDatabase, DatabaseUnavailableError } from './database';
export { localSecret } from './secret';
export const repoRoot = (): string => require('node:path').join(__dirname, '..', '..', '..');
