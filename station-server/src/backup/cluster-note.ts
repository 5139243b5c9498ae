// Backups cover the embedded station. A cluster's library is PostgreSQL and its songs are in a bucket,
// each backed up by its own tools; the commands say so instead of copying half a station.
import type { StationConfig } from '../config.js';

export function clusterBackupNote(config: Pick<StationConfig, 'databaseUrl' | 's3'>): string | undefined {
  if (!config.databaseUrl && !config.s3) return undefined;
  return 'backups cover the embedded station (SQLite and DATA_DIR/media); in cluster mode back up PostgreSQL with pg_dump (or its point-in-time recovery) and the S3 bucket with versioning or replication, and keep PLAYLISTS_DIR in version control';
}
