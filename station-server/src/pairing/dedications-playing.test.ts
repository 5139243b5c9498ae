// The phone learns its TV plays the song: the TV says `tv.playing {id}`, and only the TV the
// dedication was sent to is believed; the phone is told once, and again when it catches up (also
// after a restart: it is kept in the library).
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerMessage } from '@radio-optimism/shared';
import { openParts } from '../testing/test-parts.js';
import type { JobResult, QueueListener, SongQueue } from '../songs/song-queue.js';
import { createDedications } from './dedications.js';

const request = { message: 'Thank you for everything', to: 'Mom', from: 'Alex', relation: 'family', genre: 'ballad', vibe: 'heartfelt', language: 'en' } as const;

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A queue whose songs never finish (the TV plays the growing start). */
function slowJobs(): SongQueue {
  const listeners = new Set<QueueListener>();
  return {
    submit: async (spec) => ({ id: spec.id ?? 'job' }),
    full: async () => undefined,
    state: async (id: string) => ({ id, type: 'song' as const, status: 'queued' as const, priority: 'dedication' as const, position: 0 }),
    wait: () => new Promise<JobResult>(() => undefined),
    listen(listener: QueueListener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    destroy: async () => undefined,
  };
}

describe('a TV dedication playing on its TV', () => {
  it('tells the phone once when its own TV plays it, and again on catch-up; another TV is not believed', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dedications-playing-'));
    const parts = openParts(dir);
    const toPhone: { phoneId: string; frame: Record<string, unknown> }[] = [];
    const dedications = createDedications({ store: parts.store, media: parts.media, queue: slowJobs(), toPhone: (phoneId, frame) => toPhone.push({ phoneId, frame: frame as Record<string, unknown> }), toTv: () => undefined, onAir: () => undefined, log: () => undefined });
    try {
      const tv = await parts.store.pairing.addTv();
      const other = await parts.store.pairing.addTv();
      const phone = (await parts.store.pairing.pairPhone(tv.id, 'Alex')).phone;
      const toTv = (await dedications.create(phone, request, 'tv'))!;
      const toRadio = (await dedications.create(phone, request, 'radio'))!;
      const playingFrames = () => toPhone.filter((p) => p.frame.type === ServerMessage.DedicationPlaying);

      await dedications.playing(other.id, toTv.id);
      await dedications.playing(tv.id, toRadio.id);
      await dedications.playing(tv.id, 'd_nothing');
      expect(playingFrames()).toEqual([]);

      await dedications.playing(tv.id, toTv.id);
      await dedications.playing(tv.id, toTv.id);
      expect(playingFrames()).toEqual([{ phoneId: phone.id, frame: { type: ServerMessage.DedicationPlaying, id: toTv.id } }]);

      const back = (await dedications.catchUp(phone.id)) as { type: string; id: string }[];
      expect(back.filter((f) => f.id === toTv.id).map((f) => f.type)).toEqual([ServerMessage.DedicationProgress, ServerMessage.DedicationPlaying]);
      expect(back.filter((f) => f.id === toRadio.id).map((f) => f.type)).toEqual([ServerMessage.DedicationProgress]);
      // Kept in the library: a station started again on it still tells the phone.
      const again = createDedications({ store: parts.store, media: parts.media, queue: slowJobs(), toPhone: () => undefined, toTv: () => undefined, onAir: () => undefined, log: () => undefined });
      try {
        const caught = (await again.catchUp(phone.id)) as { type: string; id: string }[];
        expect(caught.filter((f) => f.id === toTv.id).map((f) => f.type)).toEqual([ServerMessage.DedicationProgress, ServerMessage.DedicationPlaying]);
      } finally {
        again.destroy();
      }
    } finally {
      dedications.destroy();
      await parts.close();
    }
  });
});
