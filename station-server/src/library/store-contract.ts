// The store's contract, as one suite every implementation runs (SQLite, PostgreSQL): what a caller
// may rely on, whatever engine is behind the Store interface. `open` gives a new, empty store for each
// test; `cleanup` runs once after the suite (stop a server, remove folders).
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
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

export function describeStoreContract(name: string, open: () => Promise<Store>, cleanup: () => Promise<void>): void {
  describe(`the store contract on ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store?.close();
    });
    afterAll(cleanup);

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

    it('names its engine and closes', async () => {
      expect(typeof store.engine).toBe('string');
      expect(store.engine.length).toBeGreaterThan(0);
    });

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

    describe('timelines', () => {
      it('keeps items by index, replaces one at the same index, and gives the last ones oldest first', async () => {
        for (let i = 0; i < 5; i++) await store.timeline.append('radio', i, { index: i, songId: `s${i}`, nested: { at: i * 10 } });
        await store.timeline.append('radio', 2, { index: 2, songId: 'replaced', nested: { at: 20 } });
        await store.timeline.append('lofi', 0, { index: 0, songId: 'other' });
        expect(await store.timeline.recent('radio', 10)).toEqual([0, 1, 2, 3, 4].map((i) => ({ index: i, songId: i === 2 ? 'replaced' : `s${i}`, nested: { at: i * 10 } })));
        expect((await store.timeline.recent('radio', 2)).map((item) => (item as { index: number }).index)).toEqual([3, 4]);
        expect(await store.timeline.recent('lofi', 10)).toEqual([{ index: 0, songId: 'other' }]);
        expect(await store.timeline.recent('nowhere', 10)).toEqual([]);
      });

      it('keeps a bounded history per channel', async () => {
        await store.timeline.append('radio', 0, { index: 0 });
        await store.timeline.append('lofi', 0, { index: 0 });
        await store.timeline.append('radio', 1_000_000, { index: 1_000_000 });
        expect(await store.timeline.recent('radio', 10)).toEqual([{ index: 1_000_000 }]);
        expect(await store.timeline.recent('lofi', 10)).toEqual([{ index: 0 }]);
      });
    });

    describe('pairing', () => {
      it('finds a new TV by its token, before and after its batch is written', async () => {
        const tv = await store.pairing.addTv();
        expect(tv.token.length).toBeGreaterThanOrEqual(32);
        expect(await store.pairing.tv(tv.id, tv.token)).toEqual({ id: tv.id });
        expect(await store.pairing.tv(tv.id, 'wrong')).toBeUndefined();
        await store.pairing.flush();
        expect(await store.pairing.tv(tv.id, tv.token)).toEqual({ id: tv.id });
        expect(await store.pairing.tv(tv.id, 'wrong')).toBeUndefined();
        expect(await store.pairing.tv('tv_nobody', tv.token)).toBeUndefined();
        const other = await store.pairing.addTv();
        expect(other.id).not.toBe(tv.id);
        expect(other.token).not.toBe(tv.token);
      });

      it('pairs phones with sessions, lists them in pairing order, and removes them', async () => {
        const tv = await store.pairing.addTv();
        const first = await store.pairing.pairPhone(tv.id, 'Ana');
        await tick();
        const second = await store.pairing.pairPhone(tv.id, 'Ben');
        expect(first.phone).toMatchObject({ tvId: tv.id, name: 'Ana' });
        expect(first.sessionToken).not.toBe(second.sessionToken);
        expect(await store.pairing.phoneBySession(first.sessionToken)).toEqual(first.phone);
        expect(await store.pairing.phoneBySession('no-such-session')).toBeUndefined();
        expect(await store.pairing.phoneById(second.phone.id)).toEqual(second.phone);
        expect(await store.pairing.phoneById('ph_nobody')).toBeUndefined();
        expect(await store.pairing.phones(tv.id)).toEqual([first.phone, second.phone]);
        expect(await store.pairing.phones('tv_nobody')).toEqual([]);
        expect(await store.pairing.removePhone(first.phone.id)).toEqual(first.phone);
        expect(await store.pairing.phoneBySession(first.sessionToken)).toBeUndefined();
        expect(await store.pairing.phoneById(first.phone.id)).toBeUndefined();
        expect(await store.pairing.phones(tv.id)).toEqual([second.phone]);
        expect(await store.pairing.removePhone(first.phone.id)).toBeUndefined();
        // The TV a phone paired with was written with the pairing.
        expect(await store.pairing.tv(tv.id, tv.token)).toEqual({ id: tv.id });
      });

      it('forgets TVs with no phone that were not seen since the cutoff', async () => {
        const lonely = await store.pairing.addTv();
        const paired = await store.pairing.addTv();
        const seen = await store.pairing.addTv();
        await store.pairing.pairPhone(paired.id, 'Ana');
        await store.pairing.flush();
        expect(await store.pairing.expireUnpairedTvs(Date.now() - 3_600_000)).toBe(0);
        await tick();
        const cutoff = Date.now();
        await tick();
        store.pairing.tvSeen(seen.id);
        expect(await store.pairing.expireUnpairedTvs(cutoff)).toBe(1);
        expect(await store.pairing.tv(lonely.id, lonely.token)).toBeUndefined();
        expect(await store.pairing.tv(paired.id, paired.token)).toEqual({ id: paired.id });
        expect(await store.pairing.tv(seen.id, seen.token)).toEqual({ id: seen.id });
      });
    });

    describe('dedications', () => {
      const dedication = (id: string, phoneId = 'ph_a', target: 'tv' | 'radio' = 'tv') => ({ id, phoneId, tvId: 'tv_a', target, request: request({ message: `words ${id}` }) });
      const addAllDedications = async (list: ReturnType<typeof dedication>[]) => {
        for (const d of list) {
          await store.dedications.add(d);
          await tick();
        }
      };

      it('adds queued, changes any field, and reads back', async () => {
        const added = await store.dedications.add(dedication('d1', 'ph_a', 'radio'));
        expect(added).toMatchObject({ id: 'd1', phoneId: 'ph_a', tvId: 'tv_a', target: 'radio', status: 'queued', songId: null, error: null, failure: null, attempts: 0, moderation: 'none', flags: [] });
        expect(added.request).toEqual(dedication('d1').request);
        expect(new Date(added.createdAt).toISOString()).toBe(added.createdAt);
        expect(await store.dedications.get('d1')).toEqual(added);
        const changed = await store.dedications.update('d1', { status: 'failed', songId: 'song1', error: 'composition-failed', failure: 'the voice crashed', attempts: 2, moderation: 'pending', flags: ['link', 'caps'] });
        expect(changed).toEqual({ ...added, status: 'failed', songId: 'song1', error: 'composition-failed', failure: 'the voice crashed', attempts: 2, moderation: 'pending', flags: ['link', 'caps'] });
        expect(await store.dedications.get('d1')).toEqual(changed);
        expect(await store.dedications.update('d1', { error: null, failure: null })).toEqual({ ...changed, error: null, failure: null });
        expect(await store.dedications.update('d1', {})).toEqual({ ...changed, error: null, failure: null });
        expect(await store.dedications.update('nobody', { status: 'ready' })).toBeUndefined();
        expect(await store.dedications.get('nobody')).toBeUndefined();
      });

      it("lists a phone's latest, newest first, and the unfinished ones, oldest first", async () => {
        await addAllDedications([dedication('d1'), dedication('d2', 'ph_b'), dedication('d3'), dedication('d4'), dedication('d5')]);
        expect((await store.dedications.recent('ph_a', 2)).map((d) => d.id)).toEqual(['d5', 'd4']);
        expect((await store.dedications.recent('ph_a', 10)).map((d) => d.id)).toEqual(['d5', 'd4', 'd3', 'd1']);
        expect(await store.dedications.recent('ph_nobody', 10)).toEqual([]);
        await store.dedications.update('d1', { status: 'composing' });
        await store.dedications.update('d3', { status: 'ready' });
        await store.dedications.update('d4', { status: 'failed' });
        expect((await store.dedications.unfinished()).map((d) => d.id)).toEqual(['d1', 'd2', 'd5']);
      });

      it('pages the moderation queue oldest first and lists the approved ones newest first', async () => {
        const list = Array.from({ length: 7 }, (_, i) => dedication(`r${i}`, 'ph_a', 'radio'));
        await addAllDedications(list);
        for (const d of list.slice(0, 6)) await store.dedications.update(d.id, { status: 'ready', moderation: 'pending' });
        await store.dedications.update('r6', { moderation: 'pending' }); // not made yet: nothing to hear
        await store.dedications.update('r1', { moderation: 'approved' });
        await store.dedications.update('r4', { moderation: 'approved' });
        await store.dedications.update('r5', { moderation: 'rejected' });
        const seen: string[] = [];
        let cursor: string | undefined;
        const sizes: number[] = [];
        do {
          const page = await store.dedications.moderationQueue({ limit: 2, cursor });
          sizes.push(page.items.length);
          seen.push(...page.items.map((d) => d.id));
          cursor = page.next;
        } while (cursor && sizes.length < 10);
        expect(seen).toEqual(['r0', 'r2', 'r3']);
        expect(sizes).toEqual([2, 1]);
        expect((await store.dedications.onAir(10)).map((d) => d.id)).toEqual(['r4', 'r1']);
        expect((await store.dedications.onAir(1)).map((d) => d.id)).toEqual(['r4']);
      });
    });

    describe('song requests', () => {
      it('keeps accepted requests with their priority until removed, oldest first', async () => {
        await store.songRequests.add('q1', request({ to: 'One' }), 'operator');
        await tick();
        await store.songRequests.add('q2', request({ to: 'Two' }), 'starter');
        await tick();
        await store.songRequests.add('q3', request({ to: 'Three' }), 'operator');
        expect(await store.songRequests.pending()).toEqual([
          { id: 'q1', request: request({ to: 'One' }), priority: 'operator' },
          { id: 'q2', request: request({ to: 'Two' }), priority: 'starter' },
          { id: 'q3', request: request({ to: 'Three' }), priority: 'operator' },
        ]);
        await store.songRequests.remove('q2');
        await store.songRequests.remove('nobody');
        expect((await store.songRequests.pending()).map((r) => r.id)).toEqual(['q1', 'q3']);
      });
    });

    describe('limit windows', () => {
      const sorted = <T extends { key: string }>(w: T[]) => [...w].sort((a, b) => a.key.localeCompare(b.key));
      it('saves windows per kind, updates them, and forgets expired ones', async () => {
        expect(await store.limits.load('pair-code')).toEqual([]);
        await store.limits.save('pair-code', [{ key: '10.0.0.1', start: 1000, count: 3 }, { key: '10.0.0.2', start: 2000, count: 1 }], 0);
        await store.limits.save('dedication', [{ key: 'ph_a', start: 500, count: 9 }], 0);
        expect(sorted(await store.limits.load('pair-code'))).toEqual([{ key: '10.0.0.1', start: 1000, count: 3 }, { key: '10.0.0.2', start: 2000, count: 1 }]);
        await store.limits.save('pair-code', [{ key: '10.0.0.2', start: 2000, count: 4 }, { key: '10.0.0.3', start: 3000, count: 1 }], 1500);
        expect(sorted(await store.limits.load('pair-code'))).toEqual([{ key: '10.0.0.2', start: 2000, count: 4 }, { key: '10.0.0.3', start: 3000, count: 1 }]);
        // Another kind's windows are its own: not expired by this kind's cutoff.
        expect(await store.limits.load('dedication')).toEqual([{ key: 'ph_a', start: 500, count: 9 }]);
      });
    });
  });
}
