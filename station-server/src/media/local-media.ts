// The media store on a local folder (the default): DATA_DIR/media/<key>, one folder per key
// (`songs/<id>`, `intros/<id>`). A composer makes the files in the folder itself; the song becomes
// visible when the store indexes it, so publishing is only a check that the folder is there.
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { diskProblem } from '../library/library-error.js';
import type { MediaFile, MediaStore } from './media-store.js';

export interface LocalMediaStore extends MediaStore {
  /** The folder every key lives under (DATA_DIR/media). */
  readonly root: string;
  /** Where a key's files are (whether or not they exist). */
  dirOf(key: string): string;
}

const TYPES: Record<string, string> = {
  '.ts': 'video/mp2t',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.m4a': 'audio/mp4',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.json': 'application/json',
  '.vtt': 'text/vtt',
  '.wav': 'audio/wav',
  '.opus': 'audio/ogg',
  '.flac': 'audio/flac',
};
const typeOf = (file: string): string => TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';

/** Keys and file names are the station's own; one that climbs out of its folder is refused. */
function inside(root: string, ...parts: string[]): string {
  const path = normalize(join(root, ...parts));
  if (!path.startsWith(root + sep)) throw new Error(`media key outside the media folder: ${parts.join('/')}`);
  return path;
}

export function createLocalMediaStore(dataDir: string): LocalMediaStore {
  const root = normalize(join(dataDir, 'media'));
  try {
    mkdirSync(join(root, 'songs'), { recursive: true });
  } catch (error) {
    throw diskProblem(root, error) ?? error;
  }
  const dirOf = (key: string) => inside(root, key);
  const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR';
  return {
    kind: 'local',
    root,
    dirOf,
    workDir(key) {
      const dir = dirOf(key);
      try {
        mkdirSync(dir, { recursive: true });
      } catch (error) {
        throw diskProblem(root, error) ?? error;
      }
      return dir;
    },
    async publish(key) {
      if (!existsSync(dirOf(key))) throw new Error(`media ${key}: nothing was made to publish`);
    },
    // The folder is what is served, so a file already in it is in place; one from elsewhere appears whole.
    async put(key, file, source) {
      // Only into the key's own folder.
      const path = inside(dirOf(key), file);
      if ('path' in source && normalize(source.path) === path) return;
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.put-${process.pid}`;
      if ('data' in source) await writeFile(temp, source.data);
      else await copyFile(source.path, temp);
      await rename(temp, path);
    },
    async read(key, file) {
      try {
        return await readFile(inside(root, key, file));
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    async open(key, file, range): Promise<MediaFile | undefined> {
      const path = inside(root, key, file);
      try {
        const { size } = await stat(path);
        const body = range ? createReadStream(path, { start: range.start, end: range.end }) : createReadStream(path);
        return { body, size: range ? range.end - range.start + 1 : size, contentType: typeOf(file) };
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    has: async (key, file) => existsSync(inside(root, key, file)),
    async remove(key) {
      // Retried: a process killed mid-song can leave an ffmpeg still writing segments into the folder for a moment.
      await rm(dirOf(key), { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
    async *keys(prefix) {
      const folder = prefix.replace(/\/+$/, '');
      let entries;
      try {
        entries = await readdir(inside(root, folder), { withFileTypes: true });
      } catch (error) {
        if (missing(error)) return;
        throw error;
      }
      for (const e of entries) if (e.isDirectory()) yield `${folder}/${e.name}`;
    },
  };
}
