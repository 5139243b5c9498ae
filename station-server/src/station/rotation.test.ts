// Rotation's rules over the store's indexed choice (a real SQLite file): the no-repeat window, which
// shrinks only as far as a short list needs; fallbacks with their reason; jingles in the channel's
// language; dedications first; a station ID when no song can play.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Language, Vibe } from '@radio-optimism/shared';
import { openSqliteStore, type SqliteStore } from '../library/sqlite-store.js';
import type { SongKind } from '../library/store.js';
import type { ChannelConfig, PlaylistConfig } from './programme-schema.js';
import type { Programme } from './programme.js';
import { chooseNext, type RotationInput, type SongInfo } from './rotation.js';

let dir: string;
let store: SqliteStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotation-'));
  store = openSqliteStore(dir, { log: () => undefined });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function add(title: string, vibe: Vibe, language: Language = 'en', kind: SongKind = 'song'): Promise<string> {
  const request = { message: 'm', to: 'A', genre: 'pop', vibe, language } as const;
  return (await store.songs.add(await store.songs.newId(), { title, language, genre: 'pop', vibe, theme: 'love', durationSec: 60, seed: 1, request }, kind)).id;
}

const playlist = (id: string, over: Partial<PlaylistConfig> = {}): PlaylistConfig => ({ id, name: id, mode: 'randomize', match: {}, noRepeat: 3, transition: { type: 'cut', seconds: 0 }, jingleEvery: 0, dedications: true, ...over });
const channel: ChannelConfig = { id: 'ch', name: 'Ch', description: '', playlist: 'main', shows: [] };
const programmeOf = (...lists: PlaylistConfig[]): Programme => ({ channels: [channel], playlists: new Map(lists.map((p) => [p.id, p])) });

function input(programme: Programme, history: string[], over: Partial<RotationInput> = {}): RotationInput {
  return {
    programme,
    channel,
    atMs: Date.parse('2026-11-23T12:00:00Z'),
    itemIndex: history.length,
    next: async (q) => {
      const s = await store.songs.next(q);
      return s && ({ id: s.id, title: s.title, genre: s.genre, vibe: s.vibe, language: s.language, theme: s.theme } satisfies SongInfo);
    },
    exclude: new Set(),
    dedications: [],
    history,
    songsSinceJingle: 0,
    ...over,
  };
}

/** Plays `n` items, noting each choice as aired, as playout does. */
async function play(programme: Programme, n: number): Promise<{ ids: string[]; playlists: string[]; reasons: string[] }> {
  const ids: string[] = [];
  const playlists: string[] = [];
  const reasons: string[] = [];
  for (let i = 0; i < n; i++) {
    const choice = (await chooseNext(input(programme, ids)))!;
    ids.push(choice.song.id);
    playlists.push(choice.playlist);
    if (choice.fallbackReason) reasons.push(choice.fallbackReason);
    await store.songs.aired(choice.song.id, 'ch', 1000 + i);
  }
  return { ids, playlists, reasons };
}

describe('rotation over the store', () => {
  it('never repeats within the window, and with fewer songs than the window keeps the longest gap', async () => {
    const calm = [await add('c1', 'calm'), await add('c2', 'calm')];
    for (let i = 0; i < 6; i++) await add(`u${i}`, 'upbeat');
    const wide = await play(programmeOf(playlist('main', { noRepeat: 4 })), 20);
    for (let i = 1; i < wide.ids.length; i++) expect(wide.ids.slice(Math.max(0, i - 4), i)).not.toContain(wide.ids[i]);
    // Two calm songs and a window of 3: they alternate (a gap of 1, the longest two songs allow).
    const narrow = await play(programmeOf(playlist('main', { noRepeat: 3, match: { vibe: ['calm'] } })), 6);
    expect(new Set(narrow.ids)).toEqual(new Set(calm));
    for (let i = 1; i < narrow.ids.length; i++) expect(narrow.ids[i]).not.toBe(narrow.ids[i - 1]);
  });

  it('plays an explicit list in order, continuing after the last one played', async () => {
    const a = await add('a', 'calm');
    const b = await add('b', 'calm');
    const c = await add('c', 'calm');
    const { ids } = await play(programmeOf(playlist('main', { mode: 'normal', songs: [c, a, b], noRepeat: 0 })), 5);
    expect(ids).toEqual([c, a, b, c, a]);
  });

  it('falls back along the chain, then to the whole library, and says why', async () => {
    const only = await add('up', 'upbeat');
    const programme = programmeOf(playlist('main', { match: { vibe: ['calm'] }, fallback: 'second' }), playlist('second', { match: { vibe: ['epic'] } }));
    const { ids, playlists, reasons } = await play(programme, 1);
    expect(ids).toEqual([only]);
    expect(playlists).toEqual(['library']);
    expect(reasons[0]).toBe('playlist "main" has no songs that match; playlist "second" has no songs that match; playing from the whole library');
  });

  it('puts a waiting dedication first, then a station ID in the channel language on the jingle cadence', async () => {
    await add('song', 'calm', 'ko');
    const en = await add('ID en', 'upbeat', 'en', 'jingle');
    const ko = await add('ID ko', 'upbeat', 'ko', 'jingle');
    const programme = programmeOf(playlist('main', { jingleEvery: 2, match: { language: ['ko'] } }));
    const dedication: SongInfo = { id: 'ded1', title: 'D', genre: 'pop', vibe: 'calm', language: 'ko', theme: 'love' };
    expect((await chooseNext(input(programme, [], { dedications: [dedication], songsSinceJingle: 5 })))?.kind).toBe('dedication');
    const jingle = await chooseNext(input(programme, [], { songsSinceJingle: 2 }));
    expect(jingle).toMatchObject({ kind: 'jingle', song: { id: ko } });
    expect(en).not.toBe(ko);
    expect((await chooseNext(input(programme, [], { songsSinceJingle: 1 })))?.kind).toBe('song');
  });

  it('airs a station ID when no song can be played, and nothing when there is none', async () => {
    const song = await add('s', 'calm');
    const id = await add('ID', 'upbeat', 'en', 'jingle');
    const programme = programmeOf(playlist('main'));
    const choice = await chooseNext(input(programme, [], { exclude: new Set([song]) }));
    expect(choice).toMatchObject({ kind: 'jingle', song: { id }, fallbackReason: expect.stringContaining('no song can be played') });
    expect(await chooseNext(input(programme, [], { exclude: new Set([song, id]) }))).toBeUndefined();
  });
});
