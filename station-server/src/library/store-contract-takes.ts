// The store contract for takes: a group and its takes numbered in order, capped, found by a take's
// song id, each sent once per target, and forgotten when old, on every engine.
import { describe, expect, it } from '@jest/globals';
import type { SongRequest } from '@radio-optimism/shared';
import type { Store } from './store.js';

const request: SongRequest = { message: 'Thank you for everything', to: 'Ana', from: 'Ben', genre: 'pop', vibe: 'calm', language: 'en', lyrics: 'Ana, thank you\nfor everything' };

export function describeTakeContract(store: () => Store): void {
  describe('takes', () => {
    it('keeps a group with its request and its takes in order, up to the cap', async () => {
      const t = store().takes;
      const g = await t.addGroup({ id: 't_one', phoneId: 'ph_1', request }, 1_000);
      expect(g).toEqual({ id: 't_one', phoneId: 'ph_1', request, createdAtMs: 1_000, takes: [] });
      expect(await t.addTake('t_one', 's_a', 7, 3)).toEqual({ songId: 's_a', n: 1, seed: 7, sent: [] });
      expect(await t.addTake('t_one', 's_b', 2_147_000_000, 3)).toMatchObject({ n: 2, seed: 2_147_000_000 });
      expect(await t.addTake('t_one', 's_c', 9, 3)).toMatchObject({ n: 3 });
      expect(await t.addTake('t_one', 's_d', 10, 3)).toBeUndefined();
      expect(await t.addTake('t_nobody', 's_e', 10, 3)).toBeUndefined();
      const back = (await t.get('t_one'))!;
      expect(back.request).toEqual(request);
      expect(back.takes.map((x) => [x.songId, x.n, x.seed])).toEqual([['s_a', 1, 7], ['s_b', 2, 2_147_000_000], ['s_c', 3, 9]]);
      expect((await t.groupOf('s_b'))?.id).toBe('t_one');
      expect(await t.groupOf('s_d')).toBeUndefined();
      expect(await t.get('t_nobody')).toBeUndefined();
    });

    it('never passes the cap when takes are added at once', async () => {
      const t = store().takes;
      await t.addGroup({ id: 't_race', phoneId: 'ph_1', request }, 1_000);
      const added = await Promise.all(['s_r1', 's_r2', 's_r3', 's_r4', 's_r5'].map((id, i) => t.addTake('t_race', id, i, 3)));
      expect(added.filter(Boolean)).toHaveLength(3);
      expect((await t.get('t_race'))!.takes.map((x) => x.n)).toEqual([1, 2, 3]);
    });

    it('forgets a take never queued, so the next one takes its number', async () => {
      const t = store().takes;
      await t.addGroup({ id: 't_undo', phoneId: 'ph_1', request }, 1_000);
      await t.addTake('t_undo', 's_u1', 1, 3);
      await t.addTake('t_undo', 's_u2', 2, 3);
      await t.removeTake('s_u2');
      expect(await t.addTake('t_undo', 's_u3', 3, 3)).toMatchObject({ n: 2 });
      expect((await t.get('t_undo'))!.takes.map((x) => x.songId)).toEqual(['s_u1', 's_u3']);
    });

    it('marks a take sent once per target', async () => {
      const t = store().takes;
      await t.addGroup({ id: 't_sent', phoneId: 'ph_1', request }, 1_000);
      await t.addTake('t_sent', 's_s1', 1, 3);
      expect(await t.markSent('s_s1', 'tv')).toBe(true);
      expect(await t.markSent('s_s1', 'tv')).toBe(false);
      expect(await t.markSent('s_s1', 'radio')).toBe(true);
      expect(await t.markSent('s_nothing', 'tv')).toBe(false);
      expect((await t.get('t_sent'))!.takes[0]!.sent).toEqual(['tv', 'radio']);
    });

    it('forgets groups begun before a time, with their takes', async () => {
      const t = store().takes;
      await t.addGroup({ id: 't_old', phoneId: 'ph_1', request }, 1_000);
      await t.addTake('t_old', 's_o1', 1, 3);
      await t.addGroup({ id: 't_new', phoneId: 'ph_1', request }, 5_000);
      await t.addTake('t_new', 's_n1', 1, 3);
      expect(await t.expire(2_000)).toBe(1);
      expect(await t.get('t_old')).toBeUndefined();
      expect(await t.groupOf('s_o1')).toBeUndefined();
      expect((await t.get('t_new'))!.takes).toHaveLength(1);
      expect(await t.expire(2_000)).toBe(0);
    });
  });
}
