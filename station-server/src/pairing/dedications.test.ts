// Dedications across restarts, on a real library file: a song that never finishes (the station dies
// while making it, or it fails) is given up after a cap, recorded with the reason, and the phone told.
// The song queue is stubbed at this edge: the test decides whether a song starts, finishes or fails.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerMessage } from '@radio-optimism/shared';
import { openParts, type TestParts as Library } from '../testing/test-parts.js';
import type { JobResult, QueueListener, SongJobSpec, SongQueue } from '../songs/song-queue.js';
import { addToneSong } from '../testing/fixtures.js';
import { createDedications } from './dedications.js';

const request = { message: 'Thank you for everything', to: 'Mom', from: 'Alex', relation: 'family', genre: 'ballad', vibe: 'heartfelt', language: 'en' } as const;

let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Outcome = 'hang-after-start' | 'hang-in-queue' | 'fail' | 'disk-full-then-hang';
function stubJobs(outcome: Outcome): SongQueue & { submitted: number } {
  let n = 0;
  const listeners = new Set<QueueListener>();
  const results = new Map<string, Promise<JobResult>>();
  const never = () => new Promise<JobResult>(() => undefined);
  const failing = (error: Error) => {
    const done = Promise.reject(error);
    done.catch(() => undefined);
    return done;
  };
  const jobs = {
    submitted: 0,
    async submit(spec: SongJobSpec) {
      jobs.submitted++;
      n++;
      const id = spec.id ?? `job${n}`;
      const start = () => {
        for (const l of listeners) l.started?.(id);
      };
      let done: Promise<JobResult>;
      if (outcome === 'disk-full-then-hang') {
        start();
        done = n > 1 ? never() : failing(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      } else if (outcome === 'hang-in-queue') done = never();
      else {
        start();
        done = outcome === 'hang-after-start' ? never() : failing(new Error('the voice crashed'));
      }
      results.set(id, done);
      return { id };
    },
    full: async () => undefined,
    state: async (id: string) => ({ id, type: 'song' as const, status: 'queued' as const, priority: 'dedication' as const, position: 0 }),
    wait: (id: string) => results.get(id) ?? Promise.reject(new Error('unknown job')),
    listen(listener: QueueListener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    destroy: async () => undefined,
  };
  return jobs;
}

/** One run of the station: opens the library, resumes what is unfinished, then "dies" (closes without finishing). */
function startStation(outcome: Outcome, lines: string[], frames: object[]) {
  const library: Library = openParts(dir);
  const jobs = stubJobs(outcome);
  const dedications = createDedications({ store: library.store, media: library.media, queue: jobs, toPhone: (_id, f) => frames.push(f), toTv: () => undefined, onAir: () => undefined, log: (l) => lines.push(l), diskRetryMs: 50 });
  return { library, jobs, dedications };
}

const phoneOf = async (library: Library) => {
  const tv = await library.store.pairing.addTv();
  return (await library.store.pairing.pairPhone(tv.id, 'Alex')).phone;
};

describe('a dedication that never finishes', () => {
  it('is given up after 3 starts that the station died during, with the reason, and the phone is told', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dedications-test-'));
    const lines: string[] = [];
    const frames: object[] = [];
    let run = startStation('hang-after-start', lines, frames);
    const d = (await run.dedications.create(await phoneOf(run.library), request, 'tv'))!;
    await run.library.close(); // killed while making it: start 1
    for (let start = 2; start <= 3; start++) {
      run = startStation('hang-after-start', lines, frames);
      await run.dedications.resume();
      expect(run.jobs.submitted).toBe(1);
      await run.library.close();
    }
    // The fourth start does not make it again.
    run = startStation('hang-after-start', lines, frames);
    frames.length = 0;
    await run.dedications.resume();
    expect(run.jobs.submitted).toBe(0);
    const stored = (await run.library.store.dedications.get(d.id))!;
    expect(stored).toMatchObject({ status: 'failed', error: 'composition-failed', attempts: 3 });
    expect(stored.failure).toMatch(/stopped 3 times/);
    expect(frames).toEqual([{ type: ServerMessage.DedicationFailed, id: d.id, code: 'composition-failed', message: expect.any(String) }]);
    expect(lines.join('\n')).toMatch(new RegExp(`dedication ${d.id} failed: the station stopped 3 times`));
    // A phone that comes back later hears it too.
    expect(await run.dedications.catchUp(d.phoneId)).toEqual([expect.objectContaining({ type: ServerMessage.DedicationFailed, id: d.id })]);
    // And the next start leaves it alone.
    await run.library.close();
    run = startStation('hang-after-start', lines, frames);
    await run.dedications.resume();
    expect(run.jobs.submitted).toBe(0);
    await run.library.close();
  });

  it('keeps its tries while it only waited in the queue (the station was stopped, not by it)', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dedications-test-'));
    const lines: string[] = [];
    const frames: object[] = [];
    let run = startStation('hang-in-queue', lines, frames);
    const d = (await run.dedications.create(await phoneOf(run.library), request, 'tv'))!;
    await run.library.close();
    for (let start = 0; start < 6; start++) {
      run = startStation('hang-in-queue', lines, frames);
      await run.dedications.resume();
      expect(run.jobs.submitted).toBe(1);
      await run.library.close();
    }
    run = startStation('hang-in-queue', lines, frames);
    expect(await run.library.store.dedications.get(d.id)).toMatchObject({ status: 'queued', attempts: 0 });
    await run.library.close();
  });

  it('fails for good after 3 failed makings in one run, with the last reason', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dedications-test-'));
    const lines: string[] = [];
    const frames: { type: string }[] = [];
    const run = startStation('fail', lines, frames);
    const d = (await run.dedications.create(await phoneOf(run.library), request, 'tv'))!;
    const deadline = Date.now() + 5000;
    while ((await run.library.store.dedications.get(d.id))!.status !== 'failed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(run.jobs.submitted).toBe(3);
    expect(await run.library.store.dedications.get(d.id)).toMatchObject({ status: 'failed', attempts: 3, failure: expect.stringMatching(/failed 3 times; the last time: the voice crashed/) });
    expect(frames.filter((f) => f.type === ServerMessage.DedicationAccepted)).toHaveLength(1);
    expect(frames.filter((f) => f.type === ServerMessage.DedicationFailed)).toHaveLength(1);
    await run.library.close();
  });

  it('is not failed by a full disk: the try is given back and it is made again later', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dedications-test-'));
    const lines: string[] = [];
    const frames: { type: string }[] = [];
    const run = startStation('disk-full-then-hang', lines, frames);
    const d = (await run.dedications.create(await phoneOf(run.library), request, 'tv'))!;
    const deadline = Date.now() + 5000;
    while (run.jobs.submitted < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(run.jobs.submitted).toBe(2);
    expect(lines.join('\n')).toMatch(new RegExp(`dedication ${d.id}: .*the disk is full`));
    expect(await run.library.store.dedications.get(d.id)).toMatchObject({ status: 'composing', attempts: 1 });
    expect(frames.filter((f) => f.type === ServerMessage.DedicationFailed)).toEqual([]);
    run.dedications.destroy();
    await run.library.close();
  });
});

describe('a radio dedication the moderators decide', () => {
  it('tells its phone the outcome at once, and again when the phone comes back', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dedications-test-'));
    const frames: { type: string; id?: string; moderation?: string }[] = [];
    const aired: string[] = [];
    const library = openParts(dir);
    const dedications = createDedications({ store: library.store, media: library.media, queue: stubJobs('hang-in-queue'), toPhone: (_id, f) => frames.push(f as (typeof frames)[number]), toTv: () => undefined, onAir: (id) => void aired.push(id), log: () => undefined });
    const phone = await phoneOf(library);
    const take = async (title: string) => (await library.store.songs.get(await addToneSong(library, { title, seconds: 2, kind: 'private' })))!;
    const yes = await dedications.deliver(phone, request, 'radio', await take('Yes'));
    const no = await dedications.deliver(phone, request, 'radio', await take('No'));
    frames.length = 0;

    expect(await dedications.approve(yes.id)).toMatchObject({ moderation: 'approved' });
    expect(await dedications.reject(no.id)).toMatchObject({ moderation: 'rejected' });
    expect(aired).toEqual([yes.songId]);
    expect(frames).toEqual([
      { type: ServerMessage.DedicationModerated, id: yes.id, moderation: 'approved' },
      { type: ServerMessage.DedicationModerated, id: no.id, moderation: 'rejected' },
    ]);
    // A decision is made once: a second click changes nothing and tells nobody.
    expect(await dedications.approve(yes.id)).toBeUndefined();
    expect(frames).toHaveLength(2);

    // Coming back later: the approved one is ready and approved; the rejected one (its song deleted) says so.
    const back = (await dedications.catchUp(phone.id)) as { type: string; id: string; moderation?: string }[];
    expect(back.find((f) => f.id === yes.id)).toMatchObject({ type: ServerMessage.DedicationReady, moderation: 'approved' });
    expect(back.find((f) => f.id === no.id)).toEqual({ type: ServerMessage.DedicationModerated, id: no.id, moderation: 'rejected' });
    dedications.destroy();
    await library.close();
  });
});

describe('what dedications tell the statistics', () => {
  it('counts radio dedications sent, made and approved, and what every dedication made is about', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dedications-test-'));
    const library: Library = openParts(dir);
    const told: string[] = [];
    const stats = {
      sent: (target: 'tv' | 'radio') => told.push(`sent ${target}`),
      made: (target: 'tv' | 'radio', song: { theme: string; relation: string | null; language: string }) => told.push(`made ${target} ${song.theme}/${song.relation}/${song.language}`),
      approved: () => told.push('approved'),
    };
    const dedications = createDedications({ store: library.store, media: library.media, queue: stubJobs('hang-in-queue'), toPhone: () => undefined, toTv: () => undefined, onAir: () => undefined, log: () => undefined, stats });
    const phone = await phoneOf(library);
    // Sent and queued: not made yet.
    await dedications.create(phone, request, 'radio');
    expect(told).toEqual(['sent radio']);
    // A take the sender chose is sent made; approving it is the next step.
    const id = await library.store.songs.newId();
    const song = await library.store.songs.add(id, { title: 'For Mom', language: 'ko', genre: 'ballad', vibe: 'heartfelt', theme: 'gratitude', durationSec: 60, seed: 1, request: { ...request, language: 'ko' } }, 'private');
    const sent = await dedications.deliver(phone, request, 'radio', song);
    await dedications.deliver(phone, request, 'tv', song);
    expect(await dedications.approve(sent.id)).toBeDefined();
    expect(await dedications.approve(sent.id)).toBeUndefined(); // approved once, counted once
    expect(told).toEqual(['sent radio', 'sent radio', 'made radio gratitude/family/ko', 'sent tv', 'made tv gratitude/family/ko', 'approved']);
    dedications.destroy();
    await library.close();
  });
});
