// A real station server in its own process, on a library of short tone songs (packaged by real
// ffmpeg), so playout tests reach item boundaries in seconds without waiting for the composer.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openParts as openLibrary } from '@radio-optimism/station-server/dist/testing/test-parts.js';
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
  await library.close();
  return { dir, dataDir, playlistsDir };
}

export interface RunningStation {
  child: ChildProcess;
  port: number;
  base: string;
  output: () => string;
}

// Every station a test starts, so none outlives the test run: a test that fails half-way through a
// sequence of restarts still leaves nothing running (the worker kills them when it exits).
const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Starts `station-server/dist/main.js` on the fixture with `env` added; resolves once /healthz answers. */
export async function startStation(fixture: StationFixture, port: number, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<RunningStation> {
  const child = spawn(process.execPath, ['station-server/dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: fixture.dataDir, PLAYLISTS_DIR: fixture.playlistsDir, SEED_CATALOG: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  child.once('exit', () => started.delete(child));
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
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

/** Stops every station this test file started and has not stopped (for afterAll). */
export async function stopAllStations(): Promise<void> {
  await Promise.all(
    [...started].map((child) => {
      if (child.exitCode !== null || child.signalCode !== null) return undefined;
      // 'close': its output's pipes closed too, so the test process holds nothing of it.
      const exited = new Promise((r) => child.once('close', r));
      child.kill('SIGKILL');
      return exited;
    }),
  );
}

export { freePort } from '@radio-optimism/station-server/dist/testing/free-port.js';
