// `npm run restore -- FILE [--force]`: puts a backup back into DATA_DIR and PLAYLISTS_DIR, after
// checking every file against the archive's manifest. Refuses a damaged archive, or a DATA_DIR that
// already holds a station unless --force. Stop the station first; start it after.
import { loadConfig, ConfigError } from '../config.js';
import { restoreBackup } from '../backup/restore-backup.js';
import { BackupError } from '../backup/backup-manifest.js';
import { createByteProgress } from './byte-progress.js';
import { clusterBackupNote } from '../backup/cluster-note.js';

const USAGE = 'usage: npm run restore -- FILE.tar.gz [--force]   (into DATA_DIR and PLAYLISTS_DIR; stop the station first)';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return void console.log(USAGE), 0;
  const force = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  const unknown = rest.find((a) => a.startsWith('--'));
  if (unknown) return void console.error(`restore: unknown option ${unknown}\n${USAGE}`), 2;
  if (rest.length !== 1) return void console.error(USAGE), 2;
  const config = loadConfig();
  const cluster = clusterBackupNote(config);
  if (cluster) return void console.error(cluster), 2;
  const progress = createByteProgress(process.stderr);
  try {
    const done = await restoreBackup({ file: rest[0]!, dataDir: config.dataDir, playlistsDir: config.playlistsDir, force, progress: (phase, d, t) => progress.update(phase, d, t) });
    progress.stop();
    console.log(`restored ${done.songs} songs, ${done.files} files (${(done.bytes / 1048576).toFixed(1)} MB) from the backup of ${done.createdAt} into ${config.dataDir}; start the station with npm start`);
    return 0;
  } finally {
    progress.stop();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof BackupError || error instanceof ConfigError) console.error(`restore: ${error.message}`);
    else console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
