// Dedications across restarts, on a real library file: a song that never finishes (the station dies
// while making it, or it fails) is given up after a cap, recorded with the reason, and the phone told.
// The song queue is stubbed at this edge: the test decides whether a song starts, finishes or fails.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerMessage } from '@radio-optimism/shared';
import { openLibrary, type Library } from '../library/library.js';
import type { SongJob, SongJobs, SubmitOptions } from '../library/song-jobs.js';
import { createDedications } from './dedications.js';

const request = { message: 'Thank you for everything', to: 'Mom', from: 'Alex', relation: 'family', genre: 'ballad', vibe: 'heartfelt', language: 'en' } as const;

let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Outcome = 'hang-after-start' | 'hang-in-queue' | 'fail' | 'disk-full-then-hang';
function stubJobs(outcome: Outcome): SongJobs & { submitted: number } {
  let n = 0;
  const jobs = {
    submitted: 0,
    submit(_request: unknown, options: SubmitOptions = {}): SongJob {
      jobs.submitted++;
      const id = `job${++n}`;
      if (outcome === 'disk-full-then-hang') {
        options.onStart?.();
        if (n > 1) return { id, status: 'composing', priority: 'dedication', done: new Promise(() => undefined) };
        const done = Promise.reject(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: 'ENOSPC' }));
        done.catch(() => undefined);
        return { id, status: 'failed', priority: 'dedication', done };
      }
      if (outcome === 'hang-in-queue') return { id, status: 'queued', priority: 'dedication', done: new Promise(() => undefined) };
      options.onStart?.();
      if (outcome === 'hang-after-start') return { id, status: 'composing', priority: 'dedication', done: new Promise(() => undefined) };
      const done = Promise.reject(new Error('the voice crashed'));
      done.catch(() => undefined);
      return { id, status: 'failed', priority: 'dedication', done };
    },
    full: () => undefined,
    get: () => undefined,
    position: () => 0,
    size: () => 0,
    destroy: async () => undefined,
  };
  return jobs;
}

/** One run of the station: opens the library, resumes what is unfinished, then "dies" (closes without finishing). */
function startStation(outcome: Outcome, lines: string[], frames: object[]) {
  const library: Library = openLibrary(dir, { log: () => undefined });
  const jobs = stubJobs(outcome);
  const dedications = createDedications({ library, jobs, toPhone: (_id, f) => frames.push(f), toTv: () => undefined, onAir: () => undefined, log: (l) => lines.push(l), diskRetryMs: 50 });
  return { library, jobs, dedications };
}

const phoneOf = (library: Library) => {
  const tv = library.pairing.addTv();
  return library.pairing.pairPhone(tv.id, 'Alex').phone;
};

describe('a dedication that never finishes', () => {
  it('is given up after 3 starts that the station died during, with the reason, and the phone is told', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dedications-test-'));
    const lines: string[] = [];
    const frames: object[] = [];
    let run = startStation('hang-after-start', lines, frames);
    const d = run.dedications.create(phoneOf(run.library), request, 'tv')!;
    run.library.close(); // killed while making it: start 1
    for (let start = 2; start <= 3; start++) {
      run = startStation('hang-after-start', lines, frames);
      run.dedications.resume();
      expect(run.jobs.submitted).toBe(1);
      run.library.close();
    }
    // The fourth start does not make it again.
    run = startStation('hang-after-start', lines, frames);
    frames.length = 0;
    run.dedications.resume();
    expect(run.jobs.submitted).toBe(0);
    const stored = run.library.pairing.dedication(d.id)!;
    expect(stored).toMatchObject({ status: 'failed', error: 'composition-failed', attempts: 3 });
    expect(stored.failure).toMatch(/stopped 3 times/);
    expect(frames).toEqual([{ type: ServerMessage.DedicationFailed, id: d.id, code: 'composition-failed', message: expect.any(String) }]);
    expect(lines.join('\n')).toMatch(new RegExp(`dedication ${d.id} failed: the station stopped 3 times`));
    // A phone that comes back later hears it too.
    expect(run.dedications.catchUp(d.phoneId)).toEqual([expect.objectContaining({ type: ServerMessage.DedicationFailed, id: d.id })]);
    // And the next start leaves it alone.
    run.library.close();
    run = startStation('hang-after-start', lines, frames);
    run.dedications.resume();
    expect(run.jobs.submitted).toBe(0);
    run.library.close();
  });

  it('keeps its tries while it only waited in the queue (the station was stopped, not by it)', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dedications-test-'));
    const lines: string[] = [];
    const frames: object[] = [];
    let run = startStation('hang-in-queue', lines, frames);
    const d = run.dedications.create(phoneOf(run.library), request, 'tv')!;
    run.library.close();
    for (let start = 0; start < 6; start++) {
      run = startStation('hang-in-queue', lines, frames);
      run.dedications.resume();
      expect(run.jobs.submitted).toBe(1);
      run.library.close();
    }
    run = startStation('hang-in-queue', lines, frames);
    expect(run.library.pairing.dedication(d.id)).toMatchObject({ status: 'queued', attempts: 0 });
    run.library.close();
  });

  it('fails for good after 3 failed makings in one run, with the last reason', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dedications-test-'));
    const lines: string[] = [];
    const frames: { type: string }[] = [];
    const run = startStation('fail', lines, frames);
    const d = run.dedications.create(phoneOf(run.library), request, 'tv')!;
    const deadline = Date.now() + 5000;
    while (run.library.pairing.dedication(d.id)!.status !== 'failed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(run.jobs.submitted).toBe(3);
    expect(run.library.pairing.dedication(d.id)).toMatchObject({ status: 'failed', attempts: 3, failure: expect.stringMatching(/failed 3 times; the last time: the voice crashed/) });
    expect(frames.filter((f) => f.type === ServerMessage.DedicationAccepted)).toHaveLength(1);
    expect(frames.filter((f) => f.type === ServerMessage.DedicationFailed)).toHaveLength(1);
    run.library.close();
  });

  it('is not failed by a full disk: the try is given back and it is made again later', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dedications-test-'));
    const lines: string[] = [];
    const frames: { type: string }[] = [];
    const run = startStation('disk-full-then-hang', lines, frames);
    const d = run.dedications.create(phoneOf(run.library), request, 'tv')!;
    const deadline = Date.now() + 5000;
    while (run.jobs.submitted < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(run.jobs.submitted).toBe(2);
    expect(lines.join('\n')).toMatch(new RegExp(`dedication ${d.id}: .*the disk is full`));
    expect(run.library.pairing.dedication(d.id)).toMatchObject({ status: 'composing', attempts: 1 });
    expect(frames.filter((f) => f.type === ServerMessage.DedicationFailed)).toEqual([]);
    run.dedications.destroy();
    run.library.close();
  });
});
