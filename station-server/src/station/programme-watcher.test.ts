import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { StationEvent, StationEvents } from '../events.js';
import type { Programme } from './programme.js';
import { watchProgramme, type ProgrammeWatcher } from './programme-watcher.js';
import { aliasBomb } from '../testing/playlist-bombs.js';

const waitFor = async (check: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return check();
};

describe('programme reload', () => {
  let dir: string;
  let watcher: ProgrammeWatcher;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'watch-'));
    await cp(resolve(process.cwd(), 'playlists'), dir, { recursive: true });
  });
  afterEach(async () => {
    watcher?.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('applies a saved change by itself, and refuses a broken one while the last good programme stays', async () => {
    const events = new StationEvents();
    const applied: Programme[] = [];
    const refused: string[] = [];
    events.on(StationEvent.ProgrammeRejected, ({ problems }) => refused.push(...problems.map((p) => `${p.file}:${p.line} ${p.message}`)));
    watcher = watchProgramme(dir, events, (p) => applied.push(p), 100);
    const channels = join(dir, 'channels.yaml');
    const text = await readFile(channels, 'utf8');

    await writeFile(channels, text.replace('name: Calm', 'name: Calm Waters'));
    expect(await waitFor(() => applied.some((p) => p.channels.some((c) => c.name === 'Calm Waters')))).toBe(true);

    const before = applied.length;
    await writeFile(channels, text.replace('playlist: calm', 'playlist: nowhere'));
    expect(await waitFor(() => refused.length > 0)).toBe(true);
    expect(refused.join('\n')).toMatch(/channels\.yaml:\d+ no playlist "nowhere"/);
    expect(applied.length).toBe(before); // nothing broken was applied
  });

  it('refuses a bomb or a folder named x.yaml dropped in while running: reload resolves false, names the file, and nothing is applied', async () => {
    const events = new StationEvents();
    const applied: Programme[] = [];
    const refused: string[] = [];
    const errors: string[] = [];
    events.on(StationEvent.ProgrammeRejected, ({ problems }) => refused.push(...problems.map((p) => `${p.file}: ${p.message}`)));
    events.on(StationEvent.Error, ({ message }) => errors.push(message));
    watcher = watchProgramme(dir, events, (p) => applied.push(p), 60_000); // only explicit reloads here
    await writeFile(join(dir, 'playlists', 'bomb.yaml'), aliasBomb());
    await mkdir(join(dir, 'playlists', 'notes.yaml'));
    // Several at once, as a burst of saves gives: one runs, the rest share one more reload.
    const results = await Promise.all([watcher.reload(), watcher.reload(), watcher.reload()]);
    expect(results).toEqual([false, false, false]);
    expect(refused).toContainEqual(expect.stringMatching(/bomb\.yaml: too many aliases/));
    expect(refused).toContainEqual(expect.stringMatching(/notes\.yaml: is a folder, not a file/));
    expect(applied).toEqual([]);
    expect(errors).toEqual([]);
    await rm(join(dir, 'playlists', 'bomb.yaml'));
    await rm(join(dir, 'playlists', 'notes.yaml'), { recursive: true });
    expect(await watcher.reload()).toBe(true);
    expect(applied.length).toBe(1);
  });

  it('never rejects, even when applying the programme throws', async () => {
    const events = new StationEvents();
    const errors: string[] = [];
    events.on(StationEvent.Error, ({ code, message }) => errors.push(`${code}: ${message}`));
    watcher = watchProgramme(dir, events, () => {
      throw new Error('apply failed');
    }, 60_000);
    await expect(watcher.reload()).resolves.toBe(false);
    expect(errors).toEqual([expect.stringMatching(/^programme-reload-failed: .*apply failed; the last good programme stays on air$/)]);
  });
});
