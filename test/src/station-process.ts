// A real station server in its own process, on a library of short tone songs (packaged by real
// ffmpeg), so playout tests reach item boundaries in seconds without waiting for the composer.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openLibrary } from '@radio-optimism/station-server/dist/library/library.js';
import { addToneSong } from '@radio-optimism/station-server/dist/testing/fixtures.js';
import { ROOT } from './run.js';

export interface StationFixture {
  dir: string;
  dataDir: string;
  playlistsDir: string;
}

export async function toneStation(songs: { title: string; seconds: number; frequency: number; to?: string }[]): Promise<StationFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'station-e2e-'));
  const dataDir = join(dir, 'data');
  const playlistsDir = join(dir, 'playlists');
  await cp(resolve(ROOT, 'playlists'), playlistsDir, { recursive: true });
  const library = openLibrary(dataDir);
  for (const s of songs) await addToneSong(library, s);
  library.close();
  return { dir, dataDir, playlistsDir };
}

export interface RunningStation {
  child: ChildProcess;
  port: number;
  base: string;
  output: () => string;
}

export async function startStation(fixture: StationFixture, port: number): Promise<RunningStation> {
  const child = spawn(process.execPath, ['station-server/dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: fixture.dataDir, PLAYLISTS_DIR: fixture.playlistsDir, SEED_CATALOG: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { child, port, base, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the station did not start:\n${output}`);
}

export { freePort } from '@radio-optimism/station-server/dist/testing/free-port.js';
