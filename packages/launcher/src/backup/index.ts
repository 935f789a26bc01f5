export { backupDatabase, BackupError, describeDatabase, type BackupSummary } from './backup';
export { restoreDatabase, RestoreError, migrationMismatch, platformConnections, type RestoreSummary, type RestoreOptions } from './restore';
export { readArchive, ArchiveWriter, pieceName, ArchiveError, FORMAT, FORMAT_VERSION, MANIFEST_ENTRY, type Manifest, type TableManifest, type SequenceManifest } from './archive';
export { PLATFORM_SCHEMAS, JOB_SCHEMAS, PLATFORM_APPLICATION_NAMES } from './registry';
