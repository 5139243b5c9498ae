// Webhooks hear of a radio dedication waiting for an operator: `pending` is called once its song is
// ready (made by the queue, or a take the sender chose), and never for a dedication sent to a TV.
// The song queue is stubbed at this edge: each job finishes at once with a song row in a real library.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openParts, type TestParts } from '../testing/test-parts.js';
import type { JobResult, SongQueue } from '../songs/song-queue.js';
import type { DedicationRecord, SongRecord } from '../library/store.js';
import { createDedications } from './dedications.js';

const request = { message: 'Thank you for everything', to: 'Mom', from: 'Alex', relation: 'family', genre: 'ballad', vibe: 'heartfelt', language: 'en' } as const;

let dir: string;
let lib: TestParts;
afterEach(async () => {
  await lib?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const songRow = async (): Promise<SongRecord> => {
  const id = await lib.store.songs.newId();
  return lib.store.songs.add(id, { title: 'For Mom', language: 'en', genre: 'ballad', vibe: 'heartfelt', theme: 'gratitude', durationSec: 60, seed: 1, request }, 'private');
};

function madeAtOnce(): SongQueue {
  const results = new Map<string, Promise<JobResult>>();
  return {
    async submit(spec) {
      const id = spec.id ?? 'job';
      results.set(id, songRow().then((song) => ({ type: 'song', song })));
      return { id };
    },
    full: async () => undefined,
    state: async (id) => ({ id, type: 'song', status: 'queued', priority: 'dedication', position: 0 }),
    wait: (id) => results.get(id) ?? Promise.reject(new Error('unknown job')),
    listen: () => () => undefined,
    destroy: async () => undefined,
  } as SongQueue;
}

describe('a radio dedication waiting for an operator', () => {
  it('is told once its song is ready, by the queue or as a chosen take; a TV dedication is not', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dedications-pending-'));
    lib = openParts(dir);
    const pending: DedicationRecord[] = [];
    const dedications = createDedications({ store: lib.store, media: lib.media, queue: madeAtOnce(), toPhone: () => undefined, toTv: () => undefined, onAir: () => undefined, log: () => undefined, pending: (d) => pending.push(d) });
    const tv = await lib.store.pairing.addTv();
    const { phone } = await lib.store.pairing.pairPhone(tv.id, 'Alex');

    const radio = (await dedications.create(phone, request, 'radio'))!;
    await dedications.create(phone, request, 'tv');
    const deadline = Date.now() + 20_000;
    while (pending.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const take = await dedications.deliver(phone, request, 'radio', await songRow());
    await dedications.deliver(phone, request, 'tv', await songRow());
    await new Promise((r) => setTimeout(r, 100)); // a TV dedication's call would have come by now

    expect(pending.map((d) => d.id)).toEqual([radio.id, take.id]);
    expect(pending.every((d) => d.moderation === 'pending' && d.status === 'ready' && d.songId)).toBe(true);
    dedications.destroy();
  }, 60_000);
});
