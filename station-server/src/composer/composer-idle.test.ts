// The composer's thread closes when idle (its SoundFont and voice go with it) and opens again for
// the next song, which is made as well as ever: a folder with no WAV, under 5 MB with its HLS
// package, that the song check passes when it reads the folder back.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startComposerThread } from './composer-thread.js';
import { readSongFolder } from '../songcheck/read-song-folder.js';
import { checkSong } from '../songcheck/check-song.js';
import { readPackage } from '../station/hls-package.js';

const thread = startComposerThread({ idleMs: 300 });
let work = '';

afterAll(async () => {
  await thread.close();
  if (work) await rm(work, { recursive: true, force: true });
});

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function filesUnder(dir: string): Promise<{ name: string; bytes: number }[]> {
  const out: { name: string; bytes: number }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push({ name: entry.name, bytes: (await stat(join(entry.parentPath, entry.name))).size });
  }
  return out;
}

describe('composer thread when idle', () => {
  it('closes after the idle period and makes the next song on a new thread', async () => {
    work = await mkdtemp(join(tmpdir(), 'composer-idle-'));
    expect(thread.isOpen()).toBe(false);
    await thread.warm();
    expect(thread.isOpen()).toBe(true);
    await until(() => !thread.isOpen(), 30_000);

    const dir = join(work, 'song');
    // A song of about the catalog's average length (86 s; the catalog averages ~95 s).
    const song = thread.composeSong({ message: 'Happy birthday! You make every day brighter with your jokes.', to: 'Leo', genre: 'rock', vibe: 'upbeat', language: 'en' }, 5, dir);
    expect(thread.isOpen()).toBe(true);
    const { manifest } = await song;
    expect(manifest.check.passed).toBe(true);
    await until(() => !thread.isOpen(), 30_000);

    // Stored: no WAV, under 5 MB with the HLS package, the files the TV and the station read.
    const files = await filesUnder(dir);
    expect(files.filter((f) => f.name.endsWith('.wav'))).toEqual([]);
    const bytes = files.reduce((t, f) => t + f.bytes, 0);
    expect(bytes).toBeLessThan(5 * 1024 * 1024);
    for (const name of ['song.m4a', 'accompaniment.m4a', 'vocals.opus', 'score.mid', 'lyrics.vtt', 'cover.jpg', 'cover-small.jpg', 'song.json', 'segments.json'])
      expect(files.map((f) => f.name)).toContain(name);
    expect((await readPackage(dir))!.durationSec).toBeGreaterThan(40);

    // The song check reads the compressed forms back and measures what it measured in memory.
    const again = checkSong(await readSongFolder(dir));
    expect(again.passed).toBe(true);
    const value = (check: typeof again, name: string) => Number.parseFloat(check.results.find((r) => r.name === name)!.value);
    for (const [name, tolerance] of [['loudness', 0.3], ['peak', 1], ['duration', 0.1], ['vocal coverage', 5], ['vocal pitch', 5]] as const)
      expect({ name, diff: Math.abs(value(again, name) - value(manifest.check, name)) <= tolerance }).toEqual({ name, diff: true });
  }, 240_000);
});
