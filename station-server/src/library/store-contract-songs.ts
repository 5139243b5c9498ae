// The store contract for songs (see store-contract.ts): adding, counting, pages with filters and
// cursors, and the next song for a playlist in each mode.
import { describe, expect, it } from '@jest/globals';
import type { SongRequest } from '@radio-optimism/shared';
import type { NewSong, SongKind, SongMatch, SongRecord, Store } from './store.js';

const tick = () => new Promise((done) => setTimeout(done, 3)); // distinct created_at milliseconds

const request = (over: Partial<SongRequest> = {}): SongRequest => ({ message: 'For the long nights', to: 'Ana', genre: 'pop', vibe: 'heartfelt', language: 'en', ...over });

function newSong(over: Partial<NewSong> & { relation?: SongRequest['relation'] } = {}): NewSong {
  const { relation, ...rest } = over;
  const language = rest.language ?? 'en';
  const genre = (rest.genre ?? 'pop') as SongRequest['genre'];
  const vibe = (rest.vibe ?? 'heartfelt') as SongRequest['vibe'];
  return {
    title: 'A song',
    language,
    genre,
    vibe,
    theme: 'love',
    durationSec: 42.5,
    seed: 7,
    request: request({ genre, vibe, language: language as SongRequest['language'], ...(relation ? { relation } : {}) }),
    ...rest,
  };
}

async function expectBadCursor(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  // By name and code rather than instanceof: an implementation may come from another build of library/.
  expect(error).toMatchObject({ name: 'LibraryError', code: 'bad-cursor' });
}

export function describeSongContract(current: () => Store): void {
  // The store of the running test (a new one each test).
  const store = {
    get songs() {
      return current().songs;
    },
    get dedications() {
      return current().dedications;
    },
  };
  /** Adds songs one by one (distinct creation times), oldest first. */
  const addAll = async (songs: (Partial<NewSong> & { relation?: SongRequest['relation']; kind?: SongKind })[]): Promise<SongRecord[]> => {
    const added: SongRecord[] = [];
    for (const { kind, ...s } of songs) {
      added.push(await store.songs.add(await store.songs.newId(), newSong(s), kind ?? 'song'));
      await tick();
    }
    return added;
  };
  /** Every page of a list, following cursors. */
  const allPages = async (kind: SongKind, match: SongMatch, limit: number) => {
    const pages: SongRecord[][] = [];
    let cursor: string | undefined;
    do {
      const page = await store.songs.page(kind, match, { limit, cursor });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      pages.push(page.items);
      cursor = page.next;
    } while (cursor && pages.length < 100);
    return pages;
  };
  const ids = (songs: readonly { id: string }[]) => songs.map((s) => s.id);
  const newestFirst = (songs: readonly SongRecord[]) => ids([...songs].reverse());

  describe('songs', () => {
    it('gives fresh ids and keeps what was added', async () => {
      const a = await store.songs.newId();
      const b = await store.songs.newId();
      expect(a).not.toBe(b);
      expect(await store.songs.get(a)).toBeUndefined();
      const song = newSong({ title: 'Ana, always', relation: 'friend' });
      song.request.from = 'Ben';
      const added = await store.songs.add(a, song, 'song');
      expect(added).toMatchObject({ id: a, title: 'Ana, always', language: 'en', genre: 'pop', vibe: 'heartfelt', theme: 'love', relation: 'friend', durationSec: 42.5, seed: 7, recipient: 'Ana', sender: 'Ben', kind: 'song' });
      expect(added.request).toEqual(song.request);
      expect(new Date(added.createdAt).toISOString()).toBe(added.createdAt);
      expect(await store.songs.get(a)).toEqual(added);
      expect(await store.songs.newId()).not.toBe(a);
    });

    it('keeps no relation or sender when the request had none', async () => {
      const [s] = await addAll([{}]);
      expect(s).toMatchObject({ relation: null, sender: null });
      expect(await store.songs.get(s!.id)).toMatchObject({ relation: null, sender: null });
    });

    it('counts by kind (songs when no kind is given) and moves a song between kinds', async () => {
      const [a] = await addAll([{}, {}, { kind: 'jingle' }, { kind: 'private' }]);
      expect(await store.songs.count('song')).toBe(2);
      expect(await store.songs.count()).toBe(2);
      expect(await store.songs.count('jingle')).toBe(1);
      expect(await store.songs.count('private')).toBe(1);
      expect(await store.songs.count('removed')).toBe(0);
      await store.songs.setKind(a!.id, 'removed');
      expect((await store.songs.get(a!.id))!.kind).toBe('removed');
      expect(await store.songs.count('song')).toBe(1);
      expect(await store.songs.count('removed')).toBe(1);
      await store.songs.setKind('no-such-song', 'removed');
      expect(await store.songs.count('removed')).toBe(1);
    });

    it('pages newest first with cursors, and the last page has no cursor', async () => {
      const songs = await addAll(Array.from({ length: 7 }, (_, i) => ({ title: `Song ${i}` })));
      const pages = await allPages('song', {}, 3);
      expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
      expect(ids(pages.flat())).toEqual(newestFirst(songs));
      // A page that ends exactly at the last song says so: no cursor to an empty page.
      const exact = await allPages('song', {}, 7);
      expect(exact).toHaveLength(1);
      expect(ids(exact[0]!)).toEqual(newestFirst(songs));
      const big = await store.songs.page('song', {}, { limit: 1_000_000 });
      expect(big.items).toHaveLength(7);
      expect(big.next).toBeUndefined();
    });

    it('pages an empty library as one empty page', async () => {
      expect(await store.songs.page('song', {}, { limit: 10 })).toEqual({ items: [] });
    });

    it('pages one kind only', async () => {
      const [song, jingle, priv] = await addAll([{}, { kind: 'jingle' }, { kind: 'private' }]);
      expect(ids((await store.songs.page('song', {}, { limit: 10 })).items)).toEqual([song!.id]);
      expect(ids((await store.songs.page('jingle', {}, { limit: 10 })).items)).toEqual([jingle!.id]);
      expect(ids((await store.songs.page('private', {}, { limit: 10 })).items)).toEqual([priv!.id]);
    });

    it('filters pages by each rule, by several values, and by rules together, across pages', async () => {
      const songs = await addAll([
        { language: 'en', genre: 'pop', vibe: 'heartfelt', theme: 'love', relation: 'friend' },
        { language: 'ko', genre: 'rock', vibe: 'upbeat', theme: 'gratitude', relation: 'family' },
        { language: 'es', genre: 'pop', vibe: 'calm', theme: 'love' },
        { language: 'ko', genre: 'pop', vibe: 'heartfelt', theme: 'love', relation: 'friend' },
        { language: 'en', genre: 'jazz', vibe: 'heartfelt', theme: 'celebration', relation: 'partner' },
        { language: 'ko', genre: 'pop', vibe: 'calm', theme: 'gratitude', relation: 'friend' },
      ]);
      const expectMatch = async (match: SongMatch, want: (s: SongRecord) => boolean) => {
        for (const limit of [1, 2, 10]) {
          const got = (await allPages('song', match, limit)).flat();
          expect([match, ids(got)]).toEqual([match, newestFirst(songs.filter(want))]);
        }
      };
      await expectMatch({ language: ['ko'] }, (s) => s.language === 'ko');
      await expectMatch({ genre: ['pop'] }, (s) => s.genre === 'pop');
      await expectMatch({ vibe: ['heartfelt'] }, (s) => s.vibe === 'heartfelt');
      await expectMatch({ theme: ['gratitude'] }, (s) => s.theme === 'gratitude');
      await expectMatch({ relation: ['friend'] }, (s) => s.relation === 'friend');
      await expectMatch({ language: ['ko', 'es'] }, (s) => s.language === 'ko' || s.language === 'es');
      await expectMatch({ relation: ['family', 'partner'] }, (s) => s.relation === 'family' || s.relation === 'partner');
      await expectMatch({ language: ['ko'], theme: ['love'], genre: ['pop'] }, (s) => s.language === 'ko' && s.theme === 'love' && s.genre === 'pop');
      await expectMatch({ language: ['fr'] }, () => false);
      // An absent rule matches every song; an empty list, none.
      await expectMatch({ language: [] }, () => false);
    });

    it('filters pages by when a song was made and whether it aired, and says where and when it last aired', async () => {
      const songs = await addAll([{}, {}, {}, {}]);
      const [a, b, c, d] = songs as [SongRecord, SongRecord, SongRecord, SongRecord];
      expect(a.lastAired).toBeNull();
      await store.songs.aired(b.id, 'radio-optimism', Date.parse('2026-11-01T10:00:00.000Z'));
      await store.songs.aired(d.id, 'late-night', Date.parse('2026-11-02T23:30:00.000Z'));
      expect((await store.songs.get(b.id))!.lastAired).toEqual({ at: '2026-11-01T10:00:00.000Z', channel: 'radio-optimism' });
      expect((await store.songs.get(c.id))!.lastAired).toBeNull();
      const got = async (match: SongMatch) => ids((await allPages('song', match, 2)).flat());
      expect(await got({ aired: true })).toEqual([d.id, b.id]);
      expect(await got({ aired: false })).toEqual([c.id, a.id]);
      // From b's creation (inclusive) to d's (exclusive).
      expect(await got({ since: b.createdAt, before: d.createdAt })).toEqual([c.id, b.id]);
      expect(await got({ since: b.createdAt, aired: false })).toEqual([c.id]);
      expect(await got({ before: a.createdAt })).toEqual([]);
    });

    it('refuses a cursor it did not make with a bad-cursor LibraryError', async () => {
      await addAll([{}, {}, {}]);
      const first = await store.songs.page('song', {}, { limit: 1 });
      expect(first.next).toBeDefined();
      await expectBadCursor(store.songs.page('song', {}, { limit: 1, cursor: 'not a cursor' }));
      await expectBadCursor(store.songs.page('song', {}, { limit: 1, cursor: Buffer.from('{"x":1}').toString('base64url') }));
      await expectBadCursor(store.songs.page('song', {}, { limit: 1, cursor: '' }));
      await expectBadCursor(store.songs.page('song', {}, { limit: 1, cursor: `${first.next!.slice(0, -3)}!!` }));
      await expectBadCursor(store.dedications.moderationQueue({ limit: 1, cursor: 'not a cursor' }));
    });

    describe('the next song', () => {
      it('plays in order, oldest first, after the last one aired, and loops', async () => {
        const [a, b, c] = await addAll([{}, {}, {}]);
        const next = (after?: string, exclude: string[] = []) => store.songs.next({ kind: 'song', match: {}, mode: 'normal', exclude, after, seed: 1 });
        expect((await next())!.id).toBe(a!.id);
        expect((await next(a!.id))!.id).toBe(b!.id);
        expect((await next(b!.id))!.id).toBe(c!.id);
        expect((await next(c!.id))!.id).toBe(a!.id);
        expect((await next(a!.id, [b!.id]))!.id).toBe(c!.id);
        expect((await next('gone-song'))!.id).toBe(a!.id);
        expect(await next(undefined, [a!.id, b!.id, c!.id])).toBeUndefined();
      });

      it('plays a playlist list in its own order, skipping excluded and unknown ids, ignoring the rules', async () => {
        const [a, b, c, j] = await addAll([{ language: 'en' }, { language: 'ko' }, { language: 'es' }, { kind: 'jingle' }]);
        const list = [c!.id, 'no-such-song', a!.id, b!.id];
        const next = (after?: string, exclude: string[] = []) => store.songs.next({ kind: 'song', match: { language: ['fr'] }, ids: list, mode: 'normal', exclude, after, seed: 1 });
        expect((await next())!.id).toBe(c!.id);
        expect((await next(c!.id))!.id).toBe(a!.id);
        expect((await next(a!.id))!.id).toBe(b!.id);
        expect((await next(b!.id))!.id).toBe(c!.id);
        expect((await next(c!.id, [a!.id]))!.id).toBe(b!.id);
        // Another kind's id in the list is not this kind's to play.
        expect(await store.songs.next({ kind: 'song', match: {}, ids: [j!.id], mode: 'normal', exclude: [], seed: 1 })).toBeUndefined();
      });

      it('chooses by the rules and the kind, and nothing when nothing matches', async () => {
        const [, ko, jingle] = await addAll([{ language: 'en' }, { language: 'ko' }, { kind: 'jingle' }]);
        for (const mode of ['normal', 'randomize', 'random'] as const) {
          expect((await store.songs.next({ kind: 'song', match: { language: ['ko'] }, mode, exclude: [], seed: 3 }))!.id).toBe(ko!.id);
          expect((await store.songs.next({ kind: 'jingle', match: {}, mode, exclude: [], seed: 3 }))!.id).toBe(jingle!.id);
          expect(await store.songs.next({ kind: 'song', match: { language: ['fr'] }, mode, exclude: [], seed: 3 })).toBeUndefined();
          expect(await store.songs.next({ kind: 'song', match: {}, mode, exclude: [], ids: [], seed: 3 })).toBeUndefined();
        }
      });

      it('chooses at random repeatably by seed, never an excluded song, within the ids given', async () => {
        const songs = await addAll(Array.from({ length: 12 }, () => ({})));
        const pick = async (seed: number, exclude: string[] = [], only?: string[]) => (await store.songs.next({ kind: 'song', match: {}, mode: 'random', exclude, ids: only, seed }))!.id;
        const chosen = new Set<string>();
        for (let seed = 0; seed < 40; seed++) {
          const id = await pick(seed);
          expect(await pick(seed)).toBe(id);
          chosen.add(id);
        }
        expect(chosen.size).toBeGreaterThan(1);
        const excluded = ids(songs.slice(0, 9));
        const only = ids(songs.slice(4, 11));
        for (let seed = 0; seed < 30; seed++) {
          expect(excluded).not.toContain(await pick(seed, excluded));
          expect(only).toContain(await pick(seed, [], only));
        }
      });

      it('randomizes least recently aired first, with ties in a repeatable seeded order', async () => {
        const songs = await addAll(Array.from({ length: 8 }, () => ({})));
        const pick = async (seed: number, exclude: string[] = []) => (await store.songs.next({ kind: 'song', match: {}, mode: 'randomize', exclude, seed }))!.id;
        const chosen = new Set<string>();
        for (let seed = 0; seed < 40; seed++) {
          const id = await pick(seed);
          expect(await pick(seed)).toBe(id);
          chosen.add(id);
        }
        expect(chosen.size).toBeGreaterThan(1);
        // Songs that aired go behind every song that has not.
        for (const [i, s] of songs.slice(0, 6).entries()) await store.songs.aired(s.id, 'radio', 1_000_000 + i * 1000);
        const fresh = ids(songs.slice(6));
        for (let seed = 0; seed < 20; seed++) expect(fresh).toContain(await pick(seed));
        await store.songs.aired(songs[6]!.id, 'radio', 2_000_000);
        await store.songs.aired(songs[7]!.id, 'radio', 2_000_001);
        // All aired: the one aired longest ago, then the next.
        expect(await pick(5)).toBe(songs[0]!.id);
        expect(await pick(5, [songs[0]!.id])).toBe(songs[1]!.id);
        await store.songs.aired(songs[0]!.id, 'radio', 3_000_000);
        expect(await pick(5)).toBe(songs[1]!.id);
      });
      it("randomizes within a playlist's ids, least recently aired first", async () => {
        const songs = await addAll(Array.from({ length: 6 }, () => ({})));
        const only = ids(songs.slice(1, 5));
        const pick = async (seed: number, exclude: string[] = []) => (await store.songs.next({ kind: 'song', match: { language: ['fr'] }, ids: only, mode: 'randomize', exclude, seed }))!.id;
        for (let seed = 0; seed < 20; seed++) expect(only).toContain(await pick(seed));
        await store.songs.aired(songs[1]!.id, 'radio', 5000);
        await store.songs.aired(songs[2]!.id, 'radio', 6000);
        await store.songs.aired(songs[3]!.id, 'radio', 7000);
        expect(await pick(1)).toBe(songs[4]!.id);
        expect(await pick(1, [songs[4]!.id])).toBe(songs[1]!.id);
      });
    });
  });
}
