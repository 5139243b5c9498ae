// The operators' files as the console edits them: list them, read one, check an edit with the same
// loader as `npm run playlists:check` (the whole folder, with the edit standing in for the file), and
// save it atomically (temp file + rename, so the watcher never reads half a file). Only channels.yaml
// and the files of playlists/ are reachable, by name; a broken edit is refused and nothing is written.
import { createHash, randomBytes } from 'node:crypto';
import { lstat, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { loadProgramme, type ProgrammeProblem } from './programme.js';
import { decodeText, MAX_FILE_BYTES, readOperatorFile } from './programme-files.js';

export const CHANNELS_FILE = 'channels.yaml';
/** A playlist file's name: no folders, no dot first; what the loader reads (.yaml or .yml). */
const PLAYLIST_FILE = /^playlists\/([A-Za-z0-9][A-Za-z0-9_.-]{0,63}\.ya?ml)$/;

export interface OperatorFile {
  /** Its name relative to the playlists folder: `channels.yaml` or `playlists/<name>.yaml`. */
  file: string;
  kind: 'channels' | 'playlist';
  bytes: number;
}

export type FileErrorCode = 'bad-name' | 'not-found' | 'too-large' | 'not-text' | 'unreadable' | 'conflict' | 'invalid' | 'write-failed';

export class PlaylistFileError extends Error {
  constructor(readonly code: FileErrorCode, message: string, readonly problems: ProgrammeProblem[] = []) {
    super(message);
  }
}

export interface SavedFile {
  before: string;
  after: string;
  version: string;
}

export interface PlaylistFiles {
  list(): Promise<OperatorFile[]>;
  read(file: string): Promise<{ text: string; version: string }>;
  /** The loader's problems with the folder as it would be with `text` saved as `file` (empty: it would load). */
  check(file: string, text: string): Promise<ProgrammeProblem[]>;
  /** Checks, then writes; refuses with `conflict` when the file changed since `version` was read. */
  save(file: string, text: string, version?: string): Promise<SavedFile>;
}

/** What a version names: the exact text, so an edit made on an older text is not written over a newer one. */
export const versionOf = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

export function playlistFiles(dir: string): PlaylistFiles {
  const playlistDir = join(dir, 'playlists');
  const names = async (): Promise<string[]> => (await readdir(playlistDir).catch(() => [] as string[])).filter((f) => /\.ya?ml$/.test(f)).sort();

  /** The path of an existing operators' file named `file`, or a bad-name / not-found error. */
  const pathOf = async (file: string): Promise<string> => {
    if (file === CHANNELS_FILE) return join(dir, CHANNELS_FILE);
    const m = PLAYLIST_FILE.exec(file);
    if (!m) throw new PlaylistFileError('bad-name', `"${file.slice(0, 80)}" is not an operators' file: use channels.yaml or playlists/<name>.yaml`);
    if (!(await names()).includes(m[1]!)) throw new PlaylistFileError('not-found', `there is no ${file} in the playlists folder`);
    return join(playlistDir, m[1]!);
  };

  const readText = async (path: string, file: string) => {
    const got = await readOperatorFile(path, dir);
    if (!got.ok) throw new PlaylistFileError(/disappeared/.test(got.reason) ? 'not-found' : 'unreadable', `${file} ${got.reason}`);
    return got.text;
  };

  const checkDraft = async (path: string, file: string, text: string): Promise<ProgrammeProblem[]> => {
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_FILE_BYTES) throw new PlaylistFileError('too-large', `${file} would be ${Math.ceil(bytes / 1024)} KB; an operators' file may be at most ${MAX_FILE_BYTES / 1024} KB`);
    const decoded = decodeText(Buffer.from(text));
    if (!decoded.ok) throw new PlaylistFileError('not-text', `${file} ${decoded.reason}`);
    const result = await loadProgramme(dir, dir, new Map([[path, text]]));
    return result.ok ? [] : result.problems;
  };

  // One save at a time: two operators saving at once are checked and written in turn.
  let saving: Promise<unknown> = Promise.resolve();

  return {
    async list() {
      const out: OperatorFile[] = [];
      const size = async (path: string) => (await lstat(path).catch(() => undefined))?.size ?? 0;
      out.push({ file: CHANNELS_FILE, kind: 'channels', bytes: await size(join(dir, CHANNELS_FILE)) });
      for (const name of await names()) out.push({ file: `playlists/${name}`, kind: 'playlist', bytes: await size(join(playlistDir, name)) });
      return out;
    },
    async read(file) {
      const path = await pathOf(file);
      const text = await readText(path, file);
      return { text, version: versionOf(text) };
    },
    async check(file, text) {
      return checkDraft(await pathOf(file), file, text);
    },
    save(file, text, version) {
      const run = saving.then(async (): Promise<SavedFile> => {
        const path = await pathOf(file);
        const before = await readText(path, file);
        if (version !== undefined && version !== versionOf(before)) {
          throw new PlaylistFileError('conflict', `${file} changed since you opened it: reload it, then make your edit again`);
        }
        const problems = await checkDraft(path, file, text);
        if (problems.length) throw new PlaylistFileError('invalid', `${file} was not saved: ${problems.length} ${problems.length === 1 ? 'mistake' : 'mistakes'} to fix`, problems);
        await writeAtomically(path, text, file);
        return { before, after: text, version: versionOf(text) };
      });
      saving = run.catch(() => undefined);
      return run;
    },
  };
}

/** Writes beside the file and renames over it: a reader sees the old text or the new, never half. */
async function writeAtomically(path: string, text: string, file: string): Promise<void> {
  // A dot first and no .yaml ending: the loader never reads the temporary file.
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    const code = (error as { code?: string }).code;
    const why = code === 'EROFS' ? 'the folder is read-only' : code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error));
    throw new PlaylistFileError('write-failed', `${file} could not be written (${why}); the file on disk is unchanged`);
  }
}
