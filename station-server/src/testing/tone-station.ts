// A whole station in this process, on a temporary copy of playlists/ and a library of tone songs, with
// settings of the test's choosing: for tests that drive the station's HTTP side from outside.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createStation, type Station } from '../station.js';
import { loadConfig } from '../config.js';
import { openSqliteStore } from '../library/sqlite-store.js';
import { createLocalMediaStore } from '../media/local-media.js';
import { addToneSong, type ToneSong } from './fixtures.js';

export interface ToneStation {
  station: Station;
  stop(): Promise<void>;
}

export async function startToneStation(name: string, songs: ToneSong[], env: Record<string, string> = {}): Promise<ToneStation> {
  const dir = await mkdtemp(join(tmpdir(), `${name}-`));
  await cp(resolve(process.cwd(), 'playlists'), join(dir, 'playlists'), { recursive: true });
  const store = openSqliteStore(join(dir, 'data'));
  const media = createLocalMediaStore(join(dir, 'data'));
  for (const song of songs) await addToneSong({ store, media }, song);
  await store.close();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SEED_CATALOG: 'false', DATA_DIR: join(dir, 'data'), PLAYLISTS_DIR: join(dir, 'playlists'), ...env }, dir);
  const station = await createStation(config, {}, () => undefined);
  await station.playout.tick();
  return {
    station,
    async stop() {
      await station.destroy();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
