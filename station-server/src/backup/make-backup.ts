// `npm run backup -- FILE`: one tar.gz of the embedded station (SQLite + local files) while it runs.
// The library is copied as one consistent moment (SQLite's online backup); song folders are hard-linked
// into a staging folder beside them (their files never change under their name), so what is hashed is
// what is packed; the archive is written under a temporary name and renamed whole at the end.
import { chmod, copyFile, link, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as tar from 'tar';
import { LIBRARY_FILES, LIBRARY_FILE, snapshotLibrary } from '../library/sqlite-snapshot.js';
import { BackupError, BACKUP_FORMAT, BACKUP_VERSION, DATA_PART, listFiles, MANIFEST_FILE, PLAYLISTS_PART, sha256File, type BackupManifest, type ManifestFile } from './backup-manifest.js';

export type BackupPhase = 'copying' | 'checking' | 'packing';

export interface BackupOptions {
  dataDir: string;
  playlistsDir: string;
  /** The archive to write (its folder is made). */
  file: string;
  /** Called as bytes are hashed and packed. */
  progress?: (phase: BackupPhase, done: number, total: number) => void;
  /** Folders or files under DATA_DIR left out (the backups folder, the archive itself). */
  exclude?: readonly string[];
}

export interface BackupSummary {
  file: string;
  /** The archive's size. */
  bytes: number;
  /** Files in it (besides the manifest). */
  files: number;
  songs: number;
  manifest: BackupManifest;
}

/** Names in DATA_DIR that are never backed up: the live library (copied consistently instead), caches
 *  of what is elsewhere, and this command's own staging folders. */
const skipInData = (rel: string): boolean => (LIBRARY_FILES as readonly string[]).includes(rel) || rel === 'cache' || /^\.(backup|restore)-/.test(rel) || rel.startsWith('.write-check-');

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Staging folders a backup killed half-way left behind (its process is gone). */
async function removeStaleStaging(dataDir: string): Promise<void> {
  for (const name of await readdir(dataDir)) {
    const m = /^\.backup-(\d+)-\d+$/.exec(name);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) await rm(join(dataDir, name), { recursive: true, force: true });
  }
}

export async function makeBackup(o: BackupOptions): Promise<BackupSummary> {
  const dataDir = resolve(o.dataDir);
  const file = resolve(o.file);
  const progress = o.progress ?? (() => undefined);
  const excluded = [...(o.exclude ?? []), file].map((p) => relative(dataDir, resolve(p))).filter((rel) => rel && !rel.startsWith('..'));
  const skip = (rel: string) => skipInData(rel) || excluded.some((x) => rel === x.split(sep).join('/') || rel.startsWith(`${x.split(sep).join('/')}/`));
  if (!existsSync(join(dataDir, LIBRARY_FILE))) throw new BackupError('no-library', `${dataDir} holds no library (${LIBRARY_FILE}): check DATA_DIR`);
  await removeStaleStaging(dataDir);
  const staging = join(dataDir, `.backup-${process.pid}-${Date.now()}`);
  await mkdir(join(staging, DATA_PART), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  try {
    const library = await snapshotLibrary(dataDir, join(staging, DATA_PART, LIBRARY_FILE));
    const dataFiles = await listFiles(dataDir, skip);
    const playlistFiles = existsSync(o.playlistsDir) ? await listFiles(resolve(o.playlistsDir)) : [];
    let copied = 0;
    const copyTotal = dataFiles.length + playlistFiles.length;
    for (const f of dataFiles) {
      const to = join(staging, DATA_PART, f.rel);
      await mkdir(dirname(to), { recursive: true });
      // A hard link costs no space and no time; another file system (or no links allowed) gets a copy.
      await link(join(dataDir, f.rel), to).catch(() => copyFile(join(dataDir, f.rel), to));
      progress('copying', ++copied, copyTotal);
    }
    for (const f of playlistFiles) {
      const to = join(staging, PLAYLISTS_PART, f.rel);
      await mkdir(dirname(to), { recursive: true });
      await copyFile(join(resolve(o.playlistsDir), f.rel), to);
      progress('copying', ++copied, copyTotal);
    }

    const staged = await listFiles(staging);
    const total = staged.reduce((n, f) => n + f.size, 0);
    let hashed = 0;
    const files: ManifestFile[] = [];
    for (const f of staged) {
      files.push({ path: f.rel, size: f.size, sha256: await sha256File(join(staging, f.rel), (n) => progress('checking', (hashed += n), total)) });
    }
    const manifest: BackupManifest = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), library, files };
    await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);

    await mkdir(dirname(file), { recursive: true });
    let packed = 0;
    const parts = [MANIFEST_FILE, DATA_PART, ...(playlistFiles.length ? [PLAYLISTS_PART] : [])];
    await tar.c({ gzip: true, file: partial, cwd: staging, portable: true, filter: (_path, st) => (progress('packing', (packed += 'isFile' in st && st.isFile() ? st.size : 0), total), true) }, parts);
    // The archive holds password hashes, webhook secrets and the operator token: for its owner only.
    await chmod(partial, 0o600);
    await rename(partial, file);
    return { file, bytes: (await stat(file)).size, files: files.length, songs: library.tables.songs ?? 0, manifest };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}
