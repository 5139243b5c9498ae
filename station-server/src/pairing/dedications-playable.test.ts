// A TV dedication's song can be played while it is made: once the composer says its first part is
// packaged, the paired TV is offered the growing playlist (dedication.playable); a radio one is not.
// The song queue is stubbed at this edge; the library is a real file.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerMessage, songStreamPath } from '@radio-optimism/shared';
import { openParts } from '../testing/test-parts.js';
import type { JobResult, QueueListener, SongJobSpec, SongQueue } from '../songs/song-queue.js';
import { createDedications } from './dedications.js';

const request = { message: 'Thank you for everything', to: 'Mom', from: 'Alex', relation: 'family', genre: 'ballad', vibe: 'heartfelt', language: 'en' } as const;

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A queue whose songs start, become playable, and never finish (or, `failing`, fail once playable). */
function playableJobs(failing = false): SongQueue {
  const listeners = new Set<QueueListener>();
  const offered = new Map<string, () => void>();
  return {
    async submit(spec: SongJobSpec) {
      const id = spec.id ?? 'job';
      setImmediate(() => {
        for (const l of listeners) l.started?.(id);
        for (const l of listeners) l.playable?.(id, { title: 'Thank You, Mom', durationSec: 95.5 });
        offered.get(id)?.();
      });
      return { id };
    },
    full: async () => undefined,
    state: async (id: string) => ({ id, type: 'song' as const, status: 'queued' as const, priority: 'dedication' as const, position: 0 }),
    wait: (id: string) => new Promise<JobResult>((_, reject) => {
      if (failing) offered.set(id, () => setImmediate(() => reject(new Error('the encoder died'))));
    }),
    listen(listener: QueueListener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    destroy: async () => undefined,
  };
}

describe('a dedication whose song can be played while it is made', () => {
  for (const target of ['tv', 'radio'] as const) {
    it(`${target === 'tv' ? 'is offered to the paired TV with its growing playlist' : 'is not offered to a TV when it goes to the radio'}`, async () => {
      dir = await mkdtemp(join(tmpdir(), 'dedications-playable-'));
      const parts = openParts(dir);
      const toTv: { tvId: string; frame: Record<string, unknown> }[] = [];
      const dedications = createDedications({ store: parts.store, media: parts.media, queue: playableJobs(), toPhone: () => undefined, toTv: (tvId, frame) => toTv.push({ tvId, frame: frame as Record<string, unknown> }), onAir: () => undefined, log: () => undefined });
      try {
        const tv = await parts.store.pairing.addTv();
        const phone = (await parts.store.pairing.pairPhone(tv.id, 'Alex')).phone;
        const made = (await dedications.create(phone, request, target))!;
        await new Promise((r) => setTimeout(r, 50));
        if (target === 'radio') {
          expect(toTv).toEqual([]);
          return;
        }
        expect(toTv).toHaveLength(1);
        expect(toTv[0]!.tvId).toBe(tv.id);
        const frame = toTv[0]!.frame as { type: string; id: string; song: { id: string; stream: string; title: string; to: string; from: string; durationSec: number } };
        expect(frame.type).toBe(ServerMessage.DedicationPlayable);
        expect(frame.id).toBe(made.id);
        expect(frame.song).toEqual({ id: frame.song.id, title: 'Thank You, Mom', durationSec: 95.5, to: 'Mom', from: 'Alex', stream: songStreamPath(frame.song.id) });
        expect(frame.song.stream).toMatch(/^\/media\/songs\/[^/]+\/hls\/128k\/index\.m3u8$/);
      } finally {
        dedications.destroy();
        await parts.close();
      }
    });
  }

  it('tells the TV when the song it was offered fails, at once for that try and again when it is given up', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dedications-playable-'));
    const parts = openParts(dir);
    const toTv: Record<string, unknown>[] = [];
    const toPhone: Record<string, unknown>[] = [];
    const dedications = createDedications({ store: parts.store, media: parts.media, queue: playableJobs(true), maxAttempts: 2, toPhone: (_, frame) => toPhone.push(frame as Record<string, unknown>), toTv: (_, frame) => toTv.push(frame as Record<string, unknown>), onAir: () => undefined, log: () => undefined });
    try {
      const tv = await parts.store.pairing.addTv();
      const phone = (await parts.store.pairing.pairPhone(tv.id, 'Alex')).phone;
      const made = (await dedications.create(phone, request, 'tv'))!;
      for (let i = 0; i < 200 && !toPhone.some((f) => f.type === ServerMessage.DedicationFailed); i++) await new Promise((r) => setTimeout(r, 10));
      // Two tries, each offered and each failed: the TV hears of each failed song, then that it was given up.
      expect(toTv.map((f) => f.type)).toEqual([ServerMessage.DedicationPlayable, ServerMessage.DedicationFailed, ServerMessage.DedicationPlayable, ServerMessage.DedicationFailed, ServerMessage.DedicationFailed]);
      const songs = toTv.filter((f) => f.type === ServerMessage.DedicationPlayable).map((f) => (f.song as { id: string }).id);
      expect(toTv[1]).toMatchObject({ id: made.id, songId: songs[0], code: 'composition-failed' });
      expect(toTv[3]).toMatchObject({ id: made.id, songId: songs[1] });
      expect(toTv[4]).toEqual({ type: ServerMessage.DedicationFailed, id: made.id, code: 'composition-failed', message: expect.any(String) });
      expect(toPhone.filter((f) => f.type === ServerMessage.DedicationFailed)).toHaveLength(1);
      expect((await parts.store.dedications.get(made.id))?.status).toBe('failed');
    } finally {
      dedications.destroy();
      await parts.close();
    }
  });
});
