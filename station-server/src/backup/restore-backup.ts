// `npm run restore -- FILE`: puts a backup back into DATA_DIR and PLAYLISTS_DIR. Nothing is touched
// until the whole archive is unpacked beside DATA_DIR and every file matches the manifest's size and
// SHA-256 and the library passes SQLite's integrity check; a DATA_DIR that already holds a station is
// refused unless `force` (then what the archive brings replaces what is there); the backup's playlist
// files replace those of the same name in PLAYLISTS_DIR. Stop the station first.
import { cp, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as tar from 'tar';
import { checkLibraryCopy, LIBRARY_FILE, LIBRARY_FILES } from '../library/sqlite-snapshot.js';
import { LibraryError } from '../library/library-error.js';
import { BackupError, DATA_PART, listFiles, MANIFEST_FILE, parseManifest, PLAYLISTS_PART, sha256File } from './backup-manifest.js';

export interface RestoreOptions {
  file: string;
  dataDir: string;
  playlistsDir: string;
  /** Replace a station already there. */
  force?: boolean;
  progress?: (phase: 'unpacking' | 'checking', done: number, total: number) => void;
}

export interface RestoreSummary {
  songs: number;
  files: number;
  bytes: number;
  createdAt: string;
}

const nonEmpty = async (dir: string) => existsSync(dir) && (await readdir(dir)).length > 0;

/** Why DATA_DIR is not empty, or undefined. PLAYLISTS_DIR is not asked: on a fresh machine it holds
 *  the repository's own files, which the backup's replace (they are in version control anyway). */
async function occupied(dataDir: string): Promise<string | undefined> {
  if (existsSync(join(dataDir, LIBRARY_FILE))) return `${dataDir} already holds a library`;
  if (await nonEmpty(join(dataDir, 'media'))) return `${dataDir} already holds songs`;
  return undefined;
}

/** Moves (or, across file systems, copies) every entry of `from` into `to`, replacing same-named ones. */
async function moveInto(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) {
    await rm(join(to, name), { recursive: true, force: true });
    await rename(join(from, name), join(to, name)).catch(async () => cp(join(from, name), join(to, name), { recursive: true }));
  }
}

export async function restoreBackup(o: RestoreOptions): Promise<RestoreSummary> {
  const file = resolve(o.file);
  const dataDir = resolve(o.dataDir);
  const playlistsDir = resolve(o.playlistsDir);
  const progress = o.progress ?? (() => undefined);
  const size = await stat(file).then((s) => s.size, () => undefined);
  if (size === undefined) throw new BackupError('no-file', `${o.file} does not exist: give the path of an archive made by \`npm run backup\``);
  const busy = await occupied(dataDir);
  if (busy && !o.force) throw new BackupError('not-empty', `${busy}: restore into an empty DATA_DIR, or add --force to replace it (stop the station first)`);

  const staging = `${dataDir}.restore-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    let read = 0;
    try {
      // Synchronous: when it throws (a cut or damaged archive), nothing is still writing into the staging folder.
      tar.x({ file, cwd: staging, strict: true, preservePaths: false, sync: true, onReadEntry: (e) => progress('unpacking', (read += e.size ?? 0), size) });
    } catch (error) {
      throw new BackupError('corrupt', `${o.file} is not a whole backup archive (${error instanceof Error ? error.message : String(error)}): use another copy`);
    }
    const manifestText = await readFile(join(staging, MANIFEST_FILE), 'utf8').catch(() => undefined);
    if (manifestText === undefined) throw new BackupError('not-a-backup', `${o.file} has no ${MANIFEST_FILE}: it was not made by \`npm run backup\``);
    const manifest = parseManifest(manifestText);
    const found = new Map((await listFiles(staging)).map((f) => [f.rel, f.size]));
    found.delete(MANIFEST_FILE);
    const total = manifest.files.reduce((n, f) => n + f.size, 0);
    let checked = 0;
    for (const f of manifest.files) {
      const has = found.get(f.path);
      if (has === undefined) throw new BackupError('corrupt', `${o.file} lacks ${f.path}, which its manifest lists: the archive is incomplete; use another copy`);
      if (has !== f.size || (await sha256File(join(staging, f.path), (n) => progress('checking', (checked += n), total))) !== f.sha256) {
        throw new BackupError('corrupt', `${f.path} in ${o.file} does not match its checksum: the archive is damaged; use another copy`);
      }
      found.delete(f.path);
    }
    if (found.size) throw new BackupError('corrupt', `${o.file} holds files its manifest does not list (${[...found.keys()].slice(0, 3).join(', ')}): it was altered; use another copy`);
    try {
      checkLibraryCopy(join(staging, DATA_PART, LIBRARY_FILE));
    } catch (error) {
      if (error instanceof LibraryError) throw new BackupError(error.code, error.message);
      throw error;
    }

    // Everything checks out: now the target changes. The library goes in last, so a restore cut short
    // leaves no library that would start a half-restored station.
    await mkdir(dirname(dataDir), { recursive: true });
    for (const f of LIBRARY_FILES) await rm(join(dataDir, f), { force: true });
    const library = join(staging, LIBRARY_FILE);
    await rename(join(staging, DATA_PART, LIBRARY_FILE), library);
    await moveInto(join(staging, DATA_PART), dataDir);
    if (existsSync(join(staging, PLAYLISTS_PART))) await moveInto(join(staging, PLAYLISTS_PART), playlistsDir);
    await rename(library, join(dataDir, LIBRARY_FILE)).catch(() => cp(library, join(dataDir, LIBRARY_FILE)));
    return { songs: manifest.library.tables.songs ?? 0, files: manifest.files.length, bytes: total, createdAt: manifest.createdAt };
  } finally {
    await rm(staging, { recursive: true, force: true, maxRetries: 5 });
  }
}
