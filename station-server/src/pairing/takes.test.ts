// Takes with the song queue and the store at the unit's edge: the same words each time with a new
// seed, at most MAX_TAKES a group, only the phone's own group, and sending hands over that exact song.
import { describe, expect, it } from '@jest/globals';
import { MAX_TAKES, type SongRequest } from '@radio-optimism/shared';
import type { PhoneRecord, SongRecord, Store } from '../library/store.js';
import type { SongQueue, SongJobSpec } from '../songs/song-queue.js';
import type { Dedications } from './dedications.js';
import { createTakes } from './takes.js';

const phone = { id: 'p1', tvId: 'tv1' } as PhoneRecord;
const other = { id: 'p2', tvId: 'tv1' } as PhoneRecord;
const request: SongRequest = { message: 'thank you', to: 'Ana', genre: 'pop', vibe: 'calm', language: 'en' };

function setup() {
  const submitted: SongJobSpec[] = [];
  const frames: { phoneId: string; frame: Record<string, unknown> }[] = [];
  const delivered: { songId: string; target: string; seed?: number }[] = [];
  let n = 0;
  const queue = {
    listen: () => () => undefined,
    full: async () => undefined,
    submit: async (spec: SongJobSpec) => {
      submitted.push(spec);
      return { id: spec.id! };
    },
    wait: async (id: string) => {
      const spec = submitted.find((s) => s.id === id)! as Extract<SongJobSpec, { type: 'song' }>;
      const song = { id, title: `T ${id}`, language: 'en', genre: 'pop', vibe: 'calm', theme: 'x', relation: null, durationSec: 60, seed: spec.request.seed!, recipient: 'Ana', sender: null, createdAt: '', kind: 'private', request: spec.request, lastAired: null } satisfies SongRecord;
      return { type: 'song' as const, song };
    },
  } as unknown as SongQueue;
  const store = { songs: { newId: async () => `s${++n}` } } as unknown as Store;
  const dedications = { deliver: async (_p: PhoneRecord, r: SongRequest, target: string, song: SongRecord) => void delivered.push({ songId: song.id, target, seed: r.seed }) } as unknown as Dedications;
  const takes = createTakes({ store, queue, dedications: () => dedications, toPhone: (phoneId, frame) => frames.push({ phoneId, frame: frame as Record<string, unknown> }), draft: async () => 'the drafted words for Ana', log: () => undefined });
  const settled = () => new Promise((r) => setTimeout(r, 10));
  return { takes, submitted, frames, delivered, settled };
}

describe('takes', () => {
  it('sings the same words with a new seed each take, up to the limit', async () => {
    const { takes, submitted, frames, settled } = setup();
    expect(await takes.create(phone, { ...request, seed: 5 })).toBeUndefined();
    const group = frames.find((f) => f.frame.type === 'take.accepted')!.frame.group as string;
    for (let i = 1; i < MAX_TAKES; i++) expect(await takes.another(phone, group)).toBeUndefined();
    expect(await takes.another(phone, group)).toMatchObject({ code: 'too-many-takes' });
    const requests = submitted.map((s) => (s as Extract<SongJobSpec, { type: 'song' }>).request);
    expect(requests.length).toBe(MAX_TAKES);
    expect(requests[0]!.seed).toBe(5);
    expect(new Set(requests.map((r) => r.seed)).size).toBe(MAX_TAKES);
    // The writer's words are fixed with the first take, so every take sings them.
    expect(requests.every((r) => r.lyrics === 'the drafted words for Ana')).toBe(true);
    expect(submitted.every((s) => s.type === 'song' && s.kind === 'private')).toBe(true);
    await settled();
    expect(frames.filter((f) => f.frame.type === 'take.ready').map((f) => f.frame.take)).toEqual([1, 2, 3]);
  });

  it('keeps a phone to its own takes, and sends the exact song chosen', async () => {
    const { takes, frames, delivered, settled } = setup();
    await takes.create(phone, { ...request, lyrics: 'my own words for Ana' });
    const group = frames[0]!.frame.group as string;
    expect(await takes.another(other, group)).toMatchObject({ code: 'unknown-take' });
    await takes.another(phone, group);
    await settled();
    expect(await takes.send(other, 's2', 'tv')).toMatchObject({ code: 'unknown-take' });
    expect(await takes.send(phone, 's2', 'tv')).toBeUndefined();
    expect(await takes.send(phone, 's2', 'tv')).toMatchObject({ code: 'unknown-take' });
    const take2 = frames.find((f) => f.frame.type === 'take.ready' && f.frame.take === 2)!.frame;
    expect(delivered).toEqual([{ songId: 's2', target: 'tv', seed: take2.seed }]);
  });
});
