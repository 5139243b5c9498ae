import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { StationEvent, StationEvents } from '../events.js';
import type { Programme } from './programme.js';
import { watchProgramme, type ProgrammeWatcher } from './programme-watcher.js';

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
});
