// A first run killed (SIGKILL) while it makes the starter catalog: the next start makes the rest
// through the song queue, under the ids it stored, neither starting the catalog over nor making a
// song twice, and goes on air. A real station process, the real composer, a three-song catalog.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openParts } from '@radio-optimism/station-server/dist/testing/test-parts.js';
import { freePort } from '../station-process.js';
import { ROOT } from '../run.js';
import { assertOnAir } from './song-queue-station.js';

let dir: string;
const children = new Set<ChildProcess>();
afterAll(async () => {
  await Promise.all(
    [...children].filter((child) => child.exitCode === null && child.signalCode === null).map((child) => {
      const closed = new Promise((r) => child.once('close', r));
      child.kill('SIGKILL');
      return closed;
    }),
  );
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** `npm start` on a fresh data folder (SEED_CATALOG on): it makes the catalog before and while on air. */
function start(port: number): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['station-server/dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), PLAYLISTS_DIR: join(dir, 'playlists'), SEED_CATALOG: 'true', COMPOSE_CONCURRENCY: '1', TV_APP_DIR: join(dir, 'tv') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output };
}

const until = async (what: string, cond: () => boolean | Promise<boolean>, ms: number): Promise<void> => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('fault: killed while making the starter catalog', () => {
  it('makes the rest on the next start, each song once, and goes on air', async () => {
    dir = await mkdtemp(join(tmpdir(), 'starter-kill-'));
    await cp(resolve(ROOT, 'playlists'), join(dir, 'playlists'), { recursive: true });
    const prompts = join(dir, 'playlists', 'prompts', 'starter.json');
    const catalog = JSON.parse(await readFile(prompts, 'utf8')) as { songs: unknown[] };
    await writeFile(prompts, JSON.stringify({ songs: catalog.songs.slice(0, 3) }));
    const port = await freePort();

    // Run 1: killed once the first starter song is made (the other two are stored, queued or composing).
    const first = start(port);
    await until('the first starter song', () => /starter catalog 1\/3/.test(first.output()), 240_000);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    let parts = openParts(join(dir, 'data'));
    const pending = await parts.store.songRequests.pending();
    const stored = pending.map((r) => r.id);
    expect(stored.length).toBeGreaterThan(0);
    expect(pending.every((r) => r.priority === 'starter')).toBe(true);
    await parts.close();

    // Run 2: the stored requests are made under their ids; the catalog is not queued again.
    const second = start(port);
    await until('the catalog to complete', () => /Starter catalog complete: 3 songs on air/.test(second.output()), 300_000);
    expect(second.output()).not.toMatch(/The library is empty/);
    expect(second.output()).not.toMatch(/failed/);
    await assertOnAir(`http://127.0.0.1:${port}`);
    second.child.kill('SIGKILL');
    await new Promise((r) => second.child.once('exit', r));
    parts = openParts(join(dir, 'data'));
    try {
      expect(await parts.count('song')).toBe(3);
      for (const id of stored) expect((await parts.store.songs.get(id))?.kind).toBe('song');
      expect(await parts.store.songRequests.pending()).toEqual([]);
      expect(await parts.count('jingle')).toBe(6);
    } finally {
      await parts.close();
    }
  }, 600_000);
  it('says on Ctrl-C that the rest of the catalog is made at the next start, not that it is complete', async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = await mkdtemp(join(tmpdir(), 'starter-interrupt-'));
    await cp(resolve(ROOT, 'playlists'), join(dir, 'playlists'), { recursive: true });
    const prompts = join(dir, 'playlists', 'prompts', 'starter.json');
    const catalog = JSON.parse(await readFile(prompts, 'utf8')) as { songs: unknown[] };
    await writeFile(prompts, JSON.stringify({ songs: catalog.songs.slice(0, 5) }));
    const station = start(await freePort());
    // On air after the first two; the other three are still to make when Ctrl-C comes.
    await until('the station on air', () => /Radio Optimism is on air/.test(station.output()), 240_000);
    station.child.kill('SIGINT');
    await new Promise((r) => station.child.once('exit', r));
    expect(station.output()).toMatch(/Starter catalog: \d+ songs on air; \d+ more are made at the next start\./);
    expect(station.output()).not.toMatch(/Starter catalog complete/);
  }, 300_000);
});
