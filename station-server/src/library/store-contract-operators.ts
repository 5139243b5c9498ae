// The store contract for operators: accounts, sessions and the audit log, on every engine.
import { describe, expect, it } from '@jest/globals';
import type { Store } from './store.js';
import { LibraryError } from './library-error.js';

export function describeOperatorContract(store: () => Store): void {
  describe('takedowns', () => {
    const song = async (kind: 'song' | 'private') => {
      const id = await store().songs.newId();
      await store().songs.add(id, { title: 't', language: 'en', genre: 'pop', vibe: 'calm', theme: 'love', durationSec: 30, seed: 1, request: { message: 'm', to: 'A', genre: 'pop', vibe: 'calm', language: 'en' } }, kind);
      return id;
    };

    it('takes a song down keeping its kind, restores it, and refuses twice or an unknown song', async () => {
      const s = store();
      const a = await song('song');
      const p = await song('private');
      expect(await s.takedowns.takeDown(a, 'mo', 1_000)).toEqual({ songId: a, kindBefore: 'song', by: 'mo', atMs: 1_000, purgedAtMs: null });
      expect((await s.songs.get(a))!.kind).toBe('removed');
      expect(await s.takedowns.takeDown(a, 'mo', 2_000)).toBeUndefined();
      expect(await s.takedowns.takeDown('no-such-song', 'mo', 2_000)).toBeUndefined();
      expect((await s.songs.page('song', {}, { limit: 10 })).items.map((x) => x.id)).not.toContain(a);
      await s.takedowns.takeDown(p, 'mo', 1_500);
      expect((await s.takedowns.restore(a))!.kindBefore).toBe('song');
      expect((await s.songs.get(a))!.kind).toBe('song');
      expect(await s.takedowns.get(a)).toBeUndefined();
      expect(await s.takedowns.restore(a)).toBeUndefined();
      await s.takedowns.restore(p);
      expect((await s.songs.get(p))!.kind).toBe('private');
    });

    it('lists takedowns due for purging, oldest first, and none once purged, which cannot be restored', async () => {
      const s = store();
      const ids = [await song('song'), await song('song'), await song('song')];
      for (const [i, id] of ids.entries()) await s.takedowns.takeDown(id, 'mo', 1_000 * (3 - i));
      expect((await s.takedowns.due(2_500, 10)).map((t) => t.songId)).toEqual([ids[2], ids[1]]);
      expect((await s.takedowns.due(10_000, 1)).map((t) => t.songId)).toEqual([ids[2]]);
      await s.takedowns.purged(ids[2]!, 5_000);
      expect((await s.takedowns.get(ids[2]!))!.purgedAtMs).toBe(5_000);
      expect((await s.takedowns.due(10_000, 10)).map((t) => t.songId)).toEqual([ids[1], ids[0]]);
      expect(await s.takedowns.restore(ids[2]!)).toBeUndefined();
      expect((await s.songs.get(ids[2]!))!.kind).toBe('removed');
    });
  });

  describe('operators', () => {
    it('adds an account once per name, lists them by name, changes a role and removes one', async () => {
      const ops = store().operators;
      const zed = await ops.add('zed', 'viewer', 'scrypt$hash-z');
      expect(zed).toMatchObject({ name: 'zed', role: 'viewer', passwordHash: 'scrypt$hash-z' });
      expect(zed.createdAt).toBe(zed.updatedAt);
      await ops.add('ana', 'admin', 'scrypt$hash-a');
      const taken = await ops.add('ana', 'viewer', 'other').catch((e: unknown) => e);
      expect(taken).toBeInstanceOf(LibraryError);
      expect((taken as LibraryError).code).toBe('name-taken');
      expect((await ops.get('ana'))!.passwordHash).toBe('scrypt$hash-a');
      expect((await ops.list()).map((o) => o.name)).toEqual(['ana', 'zed']);
      expect((await ops.setRole('zed', 'moderator'))!.role).toBe('moderator');
      expect((await ops.setPassword('zed', 'scrypt$new'))!.passwordHash).toBe('scrypt$new');
      expect(await ops.setRole('nobody', 'admin')).toBeUndefined();
      expect((await ops.remove('zed'))!.name).toBe('zed');
      expect(await ops.remove('zed')).toBeUndefined();
      expect(await ops.get('zed')).toBeUndefined();
    });

    it('finds an unexpired session with its account\'s current role, and forgets it when ended, expired or the account goes', async () => {
      const ops = store().operators;
      await ops.add('mo', 'moderator', 'h');
      await ops.openSession('mo', 'hash-1', 10_000, 1_000);
      await ops.openSession('mo', 'hash-2', 2_000, 1_000);
      expect(await ops.session('hash-1', 5_000)).toEqual({ tokenHash: 'hash-1', name: 'mo', role: 'moderator', expiresAtMs: 10_000, lastSeenMs: 1_000 });
      await ops.setRole('mo', 'viewer');
      expect((await ops.session('hash-1', 5_000))!.role).toBe('viewer');
      await ops.touchSession('hash-1', 6_000, 20_000);
      expect(await ops.session('hash-1', 15_000)).toMatchObject({ lastSeenMs: 6_000, expiresAtMs: 20_000 });
      expect(await ops.session('hash-2', 2_000)).toBeUndefined();
      expect(await ops.session('no-such', 0)).toBeUndefined();
      expect(await ops.expireSessions(2_000)).toBe(1);
      await ops.endSession('hash-1');
      expect(await ops.session('hash-1', 5_000)).toBeUndefined();
      await ops.openSession('mo', 'hash-3', 10_000, 1_000);
      await ops.remove('mo');
      expect(await ops.session('hash-3', 5_000)).toBeUndefined();
      await ops.add('mo', 'admin', 'h');
      expect(await ops.session('hash-3', 5_000)).toBeUndefined();
    });

    it('keeps the audit log with before and after, newest first, a page at a time', async () => {
      const ops = store().operators;
      const written = [];
      for (let i = 0; i < 7; i++) written.push(await ops.audit({ actor: 'ana', action: 'song.takedown', target: `s${i}`, before: { kind: 'song', i }, after: { kind: 'removed' } }));
      await ops.audit({ actor: 'ana', action: 'login' });
      const seen = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await ops.auditPage({ limit: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items);
        if (!page.next) break;
        cursor = page.next;
      }
      expect(seen).toHaveLength(8);
      expect(seen[0]).toMatchObject({ actor: 'ana', action: 'login', target: null, before: null, after: null });
      expect(seen.slice(1).map((e) => e.target)).toEqual(['s6', 's5', 's4', 's3', 's2', 's1', 's0']);
      expect(seen[1]).toMatchObject({ before: { kind: 'song', i: 6 }, after: { kind: 'removed' } });
      expect(new Set(seen.map((e) => e.id)).size).toBe(8);
      const bad = await ops.auditPage({ limit: 3, cursor: 'not-a-cursor' }).catch((e: unknown) => e);
      expect((bad as LibraryError).code).toBe('bad-cursor');
    });
  });
}
