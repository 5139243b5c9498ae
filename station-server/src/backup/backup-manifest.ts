// What a backup archive holds: manifest.json first, then `data/` (DATA_DIR: the library as one
// consistent SQLite copy, the songs' folders, the operator token, whatever else the station keeps
// there) and `playlists/` (PLAYLISTS_DIR). The manifest lists every file with its size and SHA-256,
// so a restore can tell a whole archive from a damaged or altered one before it touches anything.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';

export const BACKUP_FORMAT = 'radio-optimism-backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const DATA_PART = 'data';
export const PLAYLISTS_PART = 'playlists';

export interface ManifestFile {
  /** Inside the archive, with `/` (e.g. `data/media/songs/abc/song.m4a`). */
  path: string;
  size: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** The library's schema step and rows per table when it was copied. */
  library: { schema: number; tables: Record<string, number> };
  files: ManifestFile[];
}

/** A typed failure with one line for the person running the command. */
export class BackupError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Every regular file under `root`, as paths relative to it with `/`; links and other kinds are skipped. */
export async function listFiles(root: string, skip: (rel: string) => boolean = () => false): Promise<{ rel: string; size: number }[]> {
  const out: { rel: string; size: number }[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      const full = join(dir, name);
      const rel = relative(root, full).split(sep).join(posix.sep);
      if (skip(rel)) continue;
      const st = await lstat(full);
      if (st.isDirectory()) await walk(full);
      else if (st.isFile()) out.push({ rel, size: st.size });
    }
  };
  await walk(root);
  return out;
}

export function sha256File(file: string, onBytes: (n: number) => void = () => undefined): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => {
        hash.update(chunk);
        onBytes(chunk.length);
      })
      .on('error', fail)
      .on('end', () => done(hash.digest('hex')));
  });
}

/** The manifest in `text`, or a BackupError saying why it is not one. */
export function parseManifest(text: string): BackupManifest {
  let m: Partial<BackupManifest>;
  try {
    m = JSON.parse(text) as Partial<BackupManifest>;
  } catch {
    throw new BackupError('bad-manifest', 'the archive\'s manifest is not JSON: the file is damaged');
  }
  if (m.format !== BACKUP_FORMAT) throw new BackupError('not-a-backup', 'this archive was not made by `npm run backup`');
  if (m.version !== BACKUP_VERSION) throw new BackupError('backup-too-new', `this archive is backup format ${String(m.version)}; this station reads format ${BACKUP_VERSION}`);
  const files = m.files;
  if (!Array.isArray(files) || files.some((f) => typeof f?.path !== 'string' || typeof f.size !== 'number' || !/^[0-9a-f]{64}$/.test(String(f.sha256)))) {
    throw new BackupError('bad-manifest', 'the archive\'s manifest is damaged (its file list is not as written)');
  }
  return m as BackupManifest;
}
