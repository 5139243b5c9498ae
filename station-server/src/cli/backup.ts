// `npm run backup -- FILE`: the embedded station's library, songs, playlists, accounts and whatever
// else DATA_DIR holds, in one tar.gz with a manifest of checksums. Safe while the station runs.
// Exits 2 with one line when it cannot (no FILE, cluster mode, no library).
import { loadConfig, ConfigError } from '../config.js';
import { makeBackup } from '../backup/make-backup.js';
import { BackupError } from '../backup/backup-manifest.js';
import { LibraryError } from '../library/library-error.js';
import { createByteProgress } from './byte-progress.js';
import { clusterBackupNote } from '../backup/cluster-note.js';

const USAGE = 'usage: npm run backup -- FILE.tar.gz   (DATA_DIR and PLAYLISTS_DIR say what to back up)';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return void console.log(USAGE), 0;
  const file = args.filter((a) => !a.startsWith('--'))[0];
  if (!file || args.length !== 1) return void console.error(USAGE), 2;
  const config = loadConfig();
  const cluster = clusterBackupNote(config);
  if (cluster) return void console.error(cluster), 2;
  const progress = createByteProgress(process.stderr);
  try {
    const done = await makeBackup({ dataDir: config.dataDir, playlistsDir: config.playlistsDir, file, progress: (phase, d, t) => progress.update(phase, d, t) });
    progress.stop();
    console.log(`backed up ${done.songs} songs, ${done.files} files, into ${done.file} (${(done.bytes / 1048576).toFixed(1)} MB)`);
    return 0;
  } finally {
    progress.stop();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof BackupError || error instanceof LibraryError || error instanceof ConfigError) console.error(`backup: ${error.message}`);
    else console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
