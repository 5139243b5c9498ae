// The composer thread against the real pipeline: a whole song, its stages as they happen, and a
// failure that arrives as a typed error rather than a crash.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComposerError } from './errors.js';
import { STAGES, type StageEvent } from './pipeline.js';
import { startComposerThread } from './composer-thread.js';

const thread = startComposerThread();
let work = '';

afterAll(async () => {
  await thread.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('composer thread', () => {
  it('makes a whole song off the main thread and reports every stage', async () => {
    work = await mkdtemp(join(tmpdir(), 'composer-thread-'));
    const events: StageEvent[] = [];
    const { manifest, timings } = await thread.composeSong(
      { message: 'Thank you for the music, every single day.', to: 'Sam', genre: 'acoustic', vibe: 'calm', language: 'en' },
      7,
      join(work, 'song'),
      { onStage: (e) => events.push(e) },
    );
    expect(manifest.title.length).toBeGreaterThan(0);
    expect(manifest.seed).toBe(7);
    expect(existsSync(join(work, 'song', 'song.m4a'))).toBe(true);
    // A stage may run once per part of the song (see in-parts/split.ts): each is reported, every one at least once.
    expect([...new Set(events.filter((e) => e.phase === 'done').map((e) => e.stage))].sort()).toEqual([...STAGES].sort());
    expect(Object.keys(timings).sort()).toEqual([...STAGES].sort());
  }, 120_000);

  it('turns a failed song into a ComposerError, not a crash', async () => {
    const blocked = join(work, 'not-a-folder');
    writeFileSync(blocked, 'a file where the song folder should go');
    const failed = thread.composeSong({ message: 'Hello there, friend.', to: 'Kim', genre: 'pop', vibe: 'upbeat', language: 'en' }, 1, join(blocked, 'song'));
    await expect(failed).rejects.toBeInstanceOf(ComposerError);
    await expect(failed).rejects.toMatchObject({ code: expect.stringMatching(/stage-failed|output-failed/) });
  }, 120_000);

  it('fails only the job on a composer process that dies, and opens a new one for the next', async () => {
    const dying = thread.composeAnnouncement({ text: 'You are listening to Radio Optimism.', language: 'en' }, join(work, 'dying'));
    const pid = thread.pid();
    expect(pid).toBeDefined();
    process.kill(pid!, 'SIGKILL');
    await expect(dying).rejects.toMatchObject({ code: 'stage-failed', message: expect.stringMatching(/the composer stopped \(signal SIGKILL\)/) });
    const next = await thread.composeAnnouncement({ text: 'You are listening to Radio Optimism.', language: 'en' }, join(work, 'next'));
    expect(next.durationSec).toBeGreaterThan(2);
    expect(thread.pid()).not.toBe(pid);
  }, 120_000);
});
