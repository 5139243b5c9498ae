// The store contract for webhooks: receivers, deliveries stored before they are tried, claimed once,
// settled, paged newest first and pruned, on every engine.
import { describe, expect, it } from '@jest/globals';
import type { Store } from './store.js';
import { LibraryError } from './library-error.js';

const tick = () => new Promise((done) => setTimeout(done, 3)); // distinct created_at milliseconds

export function describeWebhookContract(store: () => Store): void {
  describe('webhooks', () => {
    const hook = (url = 'http://127.0.0.1:9/hook') => store().webhooks.add({ url, events: ['song.changed', 'station.silent'], format: 'json', secret: 's3cret', createdBy: 'ana' });

    it('adds receivers, lists them oldest first, and removes one with its deliveries', async () => {
      const w = store().webhooks;
      const a = await hook('http://127.0.0.1:1/a');
      await tick();
      const b = await w.add({ url: 'https://example.test/b', events: ['dedication.pending'], format: 'discord', secret: 'x', createdBy: 'ben' });
      expect(a).toMatchObject({ url: 'http://127.0.0.1:1/a', events: ['song.changed', 'station.silent'], format: 'json', secret: 's3cret', createdBy: 'ana' });
      expect(await w.get(b.id)).toEqual(b);
      expect((await w.list()).map((h) => h.id)).toEqual([a.id, b.id]);
      await w.enqueue(a.id, 'song.changed', '{"n":1}', 0);
      await w.enqueue(b.id, 'dedication.pending', '{"n":2}', 0);
      expect(await w.remove(a.id)).toEqual(a);
      expect(await w.remove(a.id)).toBeUndefined();
      expect(await w.get(a.id)).toBeUndefined();
      expect((await w.list()).map((h) => h.id)).toEqual([b.id]);
      expect((await w.deliveries({ limit: 10 })).items.map((d) => d.hookId)).toEqual([b.id]);
    });

    it('claims due deliveries once, holds them, and gives a settled retry back when it is due', async () => {
      const w = store().webhooks;
      const h = await hook();
      const first = await w.enqueue(h.id, 'song.changed', '{"a":1}', 1_000);
      const second = await w.enqueue(h.id, 'station.silent', '{"b":2}', 2_000);
      await w.enqueue(h.id, 'song.changed', '{"c":3}', 9_000);
      expect(first).toMatchObject({ status: 'pending', attempts: 0, body: '{"a":1}', lastStatus: null, lastError: null });
      expect(await w.claimDue(500, 10, 60_000)).toEqual([]);
      const claimed = await w.claimDue(2_500, 10, 60_000);
      expect(claimed.map((d) => d.id)).toEqual([first.id, second.id]);
      expect(claimed[0]).toMatchObject({ body: '{"a":1}', event: 'song.changed', nextAtMs: 60_000 });
      // Held: another tick before the hold ends takes neither.
      expect((await w.claimDue(2_500, 10, 60_000)).map((d) => d.id)).toEqual([]);
      await w.settle(first.id, { status: 'delivered', attempts: 1, nextAtMs: 2_600, lastStatus: 204, lastError: null });
      await w.settle(second.id, { status: 'pending', attempts: 1, nextAtMs: 5_000, lastStatus: 500, lastError: 'the receiver answered 500' });
      expect((await w.claimDue(4_000, 10, 60_000)).map((d) => d.id)).toEqual([]);
      const retry = await w.claimDue(5_000, 10, 70_000);
      expect(retry.map((d) => d.id)).toEqual([second.id]);
      expect(retry[0]).toMatchObject({ attempts: 1, lastStatus: 500, lastError: 'the receiver answered 500' });
    });

    it('claims at most the limit, oldest due first', async () => {
      const w = store().webhooks;
      const h = await hook();
      const ids = [];
      for (let i = 0; i < 5; i++) ids.push((await w.enqueue(h.id, 'song.changed', `{"i":${i}}`, 100 - i)).id);
      expect((await w.claimDue(1_000, 2, 5_000)).map((d) => d.id).sort()).toEqual([ids[4], ids[3]].sort());
      expect(await w.claimDue(1_000, 0, 5_000)).toEqual([]);
    });

    it('pages the delivery log newest first, per receiver too, and refuses a cursor it did not make', async () => {
      const w = store().webhooks;
      const a = await hook();
      const b = await hook();
      const made = [];
      for (let i = 0; i < 5; i++) {
        made.push(await w.enqueue(i % 2 ? b.id : a.id, 'song.changed', `{"i":${i}}`, 0));
        await tick();
      }
      const first = await w.deliveries({ limit: 2 });
      expect(first.items.map((d) => d.id)).toEqual([made[4]!.id, made[3]!.id]);
      const second = await w.deliveries({ limit: 2, cursor: first.next! });
      expect(second.items.map((d) => d.id)).toEqual([made[2]!.id, made[1]!.id]);
      const third = await w.deliveries({ limit: 2, cursor: second.next! });
      expect(third.items.map((d) => d.id)).toEqual([made[0]!.id]);
      expect(third.next).toBeUndefined();
      expect((await w.deliveries({ limit: 10 }, b.id)).items.map((d) => d.id)).toEqual([made[3]!.id, made[1]!.id]);
      await expect(w.deliveries({ limit: 2, cursor: 'not-a-cursor!' })).rejects.toBeInstanceOf(LibraryError);
    });

    it('prunes finished deliveries older than a time, never pending ones', async () => {
      const w = store().webhooks;
      const h = await hook();
      const done = await w.enqueue(h.id, 'song.changed', '{}', 0);
      const failed = await w.enqueue(h.id, 'song.changed', '{}', 0);
      const waiting = await w.enqueue(h.id, 'song.changed', '{}', 0);
      await w.settle(done.id, { status: 'delivered', attempts: 1, nextAtMs: 1, lastStatus: 200, lastError: null });
      await w.settle(failed.id, { status: 'failed', attempts: 8, nextAtMs: 1, lastStatus: null, lastError: 'timed out' });
      expect(await w.prune('2000-01-01T00:00:00.000Z')).toBe(0);
      await tick();
      expect(await w.prune(new Date().toISOString())).toBe(2);
      expect((await w.deliveries({ limit: 10 })).items.map((d) => d.id)).toEqual([waiting.id]);
    });
  });
}
