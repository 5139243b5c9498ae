// The last programme the station accepted, kept under DATA_DIR as a copy of the operators' files, so
// a start-up that finds them broken (an editor killed mid-save, a half-copied file) still goes on
// air with what last worked, and says which file it refused. Written whole or not at all: a new copy
// goes to its own folder and is marked complete last; older copies are removed after.
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const COMPLETE = '.complete';
const folder = (dataDir: string) => join(dataDir, 'programme');

/** Copies channels.yaml and playlists/*.yaml from `playlistsDir`; returns the copy's folder. */
export async function saveProgrammeSnapshot(dataDir: string, playlistsDir: string): Promise<string> {
  const root = folder(dataDir);
  const dir = join(root, `${Date.now().toString().padStart(15, '0')}-${process.pid}`);
  await mkdir(join(dir, 'playlists'), { recursive: true });
  await cp(join(playlistsDir, 'channels.yaml'), join(dir, 'channels.yaml'));
  for (const f of (await readdir(join(playlistsDir, 'playlists'))).filter((f) => /\.ya?ml$/.test(f))) {
    await cp(join(playlistsDir, 'playlists', f), join(dir, 'playlists', f), { dereference: true });
  }
  await writeFile(join(dir, COMPLETE), '');
  for (const old of await readdir(root)) if (join(root, old) !== dir) await rm(join(root, old), { recursive: true, force: true });
  return dir;
}

/** Complete copies, newest first (usually one; more if a removal was cut short). */
export async function programmeSnapshots(dataDir: string): Promise<string[]> {
  const root = folder(dataDir);
  if (!existsSync(root)) return [];
  return (await readdir(root))
    .sort()
    .reverse()
    .map((name) => join(root, name))
    .filter((dir) => existsSync(join(dir, COMPLETE)));
}
