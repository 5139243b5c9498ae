// The store's contract, as one suite every implementation runs (SQLite, PostgreSQL): what a caller
// may rely on, whatever engine is behind the Store interface. `open` gives a new, empty store for each
// test; `cleanup` runs once after the suite (stop a server, remove folders).
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { SongRequest } from '@radio-optimism/shared';
import type { Store } from './store.js';
import { describeSongContract } from './store-contract-songs.js';
import { describeOperatorContract } from './store-contract-operators.js';
import { describeWebhookContract } from './store-contract-webhooks.js';
import { describeStatsContract } from './store-contract-stats.js';
import { describeAiringContract } from './store-contract-airing.js';
import { describeCodeContract } from './store-contract-codes.js';
import { describeTakeContract } from './store-contract-takes.js';

const tick = () => new Promise((done) => setTimeout(done, 3)); // distinct created_at milliseconds

const request = (over: Partial<SongRequest> = {}): SongRequest => ({ message: 'For the long nights', to: 'Ana', genre: 'pop', vibe: 'heartfelt', language: 'en', ...over });

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

    it('names its engine and closes', async () => {
      expect(typeof store.engine).toBe('string');
      expect(store.engine.length).toBeGreaterThan(0);
    });

    describeSongContract(() => store);
    describeOperatorContract(() => store);
    describeWebhookContract(() => store);
    describeStatsContract(() => store);
    describeAiringContract(() => store);
    describeCodeContract(() => store);
    describeTakeContract(() => store);

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
        expect(added).toMatchObject({ id: 'd1', phoneId: 'ph_a', tvId: 'tv_a', target: 'radio', status: 'queued', songId: null, error: null, failure: null, attempts: 0, moderation: 'none', flags: [], playedOnTv: false });
        expect(added.request).toEqual(dedication('d1').request);
        expect(new Date(added.createdAt).toISOString()).toBe(added.createdAt);
        expect(await store.dedications.get('d1')).toEqual(added);
        const changed = await store.dedications.update('d1', { status: 'failed', songId: 'song1', error: 'composition-failed', failure: 'the voice crashed', attempts: 2, moderation: 'pending', flags: ['link', 'caps'] });
        expect(changed).toEqual({ ...added, status: 'failed', songId: 'song1', error: 'composition-failed', failure: 'the voice crashed', attempts: 2, moderation: 'pending', flags: ['link', 'caps'] });
        expect(await store.dedications.get('d1')).toEqual(changed);
        expect(await store.dedications.update('d1', { error: null, failure: null })).toEqual({ ...changed, error: null, failure: null });
        expect(await store.dedications.update('d1', {})).toEqual({ ...changed, error: null, failure: null });
        expect(await store.dedications.update('d1', { playedOnTv: true })).toEqual({ ...changed, error: null, failure: null, playedOnTv: true });
        expect((await store.dedications.get('d1'))?.playedOnTv).toBe(true);
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
