// The SQLite store's lists and choices on a real file: keyset pages that neither skip nor repeat,
// filters, refused cursors, the next song of a playlist by its rules, and the query plans that keep
// them indexed (no scan of the songs table).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Relation, SongRequest } from '@radio-optimism/shared';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';
import { LibraryError } from './library-error.js';
import type { NewSong, SongRecord } from './store.js';
import { encodeCursor } from './page-cursor.js';
import { pageQuery } from './sqlite-songs.js';
import { bulkInsertSqliteSongs } from './sqlite-bulk-songs.js';
import { syntheticSongs } from '../bench/store-bench.js';

const LANGS = ['en', 'ko', 'es'] as const;
const THEMES = ['love', 'gratitude'] as const;
const RELS: Relation[] = ['family', 'friend', 'pet'];

function song(i: number): NewSong {
  const language = LANGS[i % 3]!;
  const request: SongRequest = { message: `m${i}`, to: `To ${i}`, relation: RELS[i % 3]!, genre: 'pop', vibe: 'calm', language };
  return { title: `Song ${i}`, language, genre: i % 2 ? 'pop' : 'ballad', vibe: 'calm', theme: THEMES[i % 2]!, durationSec: 60, seed: i, request };
}

let dir: string;
let store: SqliteStore;
const ids: string[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sqlite-store-'));
  store = openSqliteStore(dir, { log: () => undefined });
  ids.length = 0;
  // Added within the same millisecond too: the id breaks created_at ties, so pages stay exact.
  for (let i = 0; i < 25; i++) ids.push((await store.songs.add(await store.songs.newId(), song(i), 'song')).id);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function all(pageSize: number, match = {}): Promise<SongRecord[]> {
  const seen: SongRecord[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await store.songs.page('song', match, { limit: pageSize, ...(cursor ? { cursor } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(pageSize);
    seen.push(...page.items);
    if (!page.next) return seen;
    cursor = page.next;
  }
  throw new Error('pages never ended');
}

describe('the SQLite store', () => {
  it('pages songs newest first, each once, with the relation taken from the request', async () => {
    const pages = await all(7);
    expect(pages.map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(new Set(pages.map((s) => s.id)).size).toBe(25);
    for (let i = 1; i < pages.length; i++) expect(pages[i - 1]!.createdAt >= pages[i]!.createdAt).toBe(true);
    expect((await store.songs.get(ids[1]!))?.relation).toBe('friend');
    expect(await store.songs.page('jingle', {}, { limit: 5 })).toEqual({ items: [] });
  });

  it('filters pages by language, theme and relation', async () => {
    const korean = await all(3, { language: ['ko'] });
    expect(korean.length).toBe(8);
    expect(korean.every((s) => s.language === 'ko')).toBe(true);
    const petGratitude = await all(2, { relation: ['pet'], theme: ['gratitude'] });
    expect(petGratitude.map((s) => s.title).sort()).toEqual(['Song 11', 'Song 17', 'Song 23', 'Song 5']);
  });

  it('refuses a cursor it did not make with bad-cursor', async () => {
    for (const cursor of ['nope!', 'bm90LWEtY3Vyc29y', Buffer.from('2026-01-01T00:00:00.000Z|a|b').toString('base64url'), 'x'.repeat(300)]) {
      await expect(store.songs.page('song', {}, { limit: 5, cursor })).rejects.toMatchObject({ code: 'bad-cursor' });
    }
    await expect(store.dedications.moderationQueue({ limit: 5, cursor: 'nope' })).rejects.toBeInstanceOf(LibraryError);
    // One it made is taken as it is, even for a row that is gone since.
    const page = await store.songs.page('song', {}, { limit: 5, cursor: encodeCursor({ createdAt: '2999-01-01T00:00:00.000Z', id: 'zzzzzz' }) });
    expect(page.items.length).toBe(5);
  });

  it('chooses the next song by the rules: in order, least recently aired, seeded random, never an excluded one', async () => {
    // normal: oldest first, after the last one aired, round again at the end.
    const oldest = (await all(25)).reverse();
    expect((await store.songs.next({ kind: 'song', match: {}, mode: 'normal', exclude: [], seed: 1 }))?.id).toBe(oldest[0]!.id);
    expect((await store.songs.next({ kind: 'song', match: {}, mode: 'normal', exclude: [], after: oldest[3]!.id, seed: 1 }))?.id).toBe(oldest[4]!.id);
    expect((await store.songs.next({ kind: 'song', match: {}, mode: 'normal', exclude: [oldest[0]!.id], after: oldest[24]!.id, seed: 1 }))?.id).toBe(oldest[1]!.id);
    // An explicit list keeps its own order.
    const list = [ids[5]!, ids[2]!, ids[9]!];
    expect((await store.songs.next({ kind: 'song', match: {}, ids: list, mode: 'normal', exclude: [], after: ids[2]!, seed: 1 }))?.id).toBe(ids[9]);
    expect((await store.songs.next({ kind: 'song', match: {}, ids: list, mode: 'normal', exclude: [], after: ids[9]!, seed: 1 }))?.id).toBe(ids[5]);
    // randomize: never-aired first; each aired one goes to the back.
    const aired = new Set<string>();
    for (let i = 0; i < 25; i++) {
      const next = (await store.songs.next({ kind: 'song', match: { language: ['en', 'ko', 'es'] }, mode: 'randomize', exclude: [], seed: i }))!;
      expect(aired.has(next.id)).toBe(false);
      aired.add(next.id);
      await store.songs.aired(next.id, 'ch', 1000 + i);
    }
    expect(aired.size).toBe(25);
    expect((await store.songs.next({ kind: 'song', match: {}, mode: 'randomize', exclude: [], seed: 99 }))?.title).toBe((await store.songs.get([...aired][0]!))?.title);
    // random: the same seed gives the same song; the filters and exclusions hold.
    const a = await store.songs.next({ kind: 'song', match: { language: ['ko'] }, mode: 'random', exclude: [], seed: 42 });
    const b = await store.songs.next({ kind: 'song', match: { language: ['ko'] }, mode: 'random', exclude: [], seed: 42 });
    expect(a?.id).toBe(b?.id);
    expect(a?.language).toBe('ko');
    const korean = (await all(25, { language: ['ko'] })).map((s) => s.id);
    expect(await store.songs.next({ kind: 'song', match: { language: ['ko'] }, mode: 'random', exclude: korean, seed: 42 })).toBeUndefined();
    expect(await store.songs.next({ kind: 'jingle', match: {}, mode: 'random', exclude: [], seed: 1 })).toBeUndefined();
  });

  it('answers pages and next-song choices from indexes, not by scanning the songs table', () => {
    const db = new Database(join(dir, 'library.sqlite'), { readonly: true });
    const plan = (sql: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    const scans = (detail: string) => /SCAN songs(?! USING)/.test(detail);
    const page = plan("SELECT * FROM songs WHERE kind = ? AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?", 'song', 'x', 'y', 10);
    const feed = plan("SELECT * FROM songs WHERE kind = ? AND language IN (SELECT value FROM json_each(?)) ORDER BY created_at DESC, id DESC LIMIT ?", 'song', '["ko"]', 10);
    const random = plan("SELECT * FROM songs WHERE kind = ? AND id NOT IN (SELECT value FROM json_each(?)) AND rnd >= ? ORDER BY rnd LIMIT 1", 'song', '[]', 5);
    const least = plan("SELECT last_aired_ms FROM songs WHERE kind = ? AND id NOT IN (SELECT value FROM json_each(?)) ORDER BY last_aired_ms LIMIT 1", 'song', '[]');
    db.close();
    for (const detail of [page, feed, random, least]) {
      expect([detail, scans(detail)]).toEqual([detail, false]);
      expect(detail).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    }
  });

  it('walks a pair index in page order for the feed\'s combined filters, and the page index for none, with statistics measured', async () => {
    // Statistics as a grown library has them (the bulk fill runs ANALYZE): the plan SQLite picks then.
    await bulkInsertSqliteSongs(store.file, syntheticSongs(6000));
    const db = new Database(store.file, { readonly: true });
    const plan = (match: Parameters<typeof pageQuery>[1], after?: { createdAt: string; id: string }) => {
      const q = pageQuery('song', match, after, 51);
      return (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    };
    const cases: [Parameters<typeof pageQuery>[1], RegExp][] = [
      [{ language: ['ko'], theme: ['pride'], relation: ['pet'] }, /USING INDEX songs_page_(language_theme|language_relation|theme_relation) \(kind=\? AND \w+=\? AND \w+=\?/],
      [{ language: ['ko'], theme: ['pride'] }, /USING INDEX songs_page_language_theme \(kind=\? AND language=\? AND theme=\?/],
      [{ language: ['ko'], relation: ['pet'] }, /USING INDEX songs_page_language_relation /],
      [{ theme: ['pride'], relation: ['pet'] }, /USING INDEX songs_page_theme_relation /],
      [{}, /USING INDEX songs_page \(kind=\?/],
    ];
    const at = { createdAt: '2024-01-02T00:00:00.000Z', id: 'b0000100' };
    for (const [match, index] of cases) {
      for (const detail of [plan(match), plan(match, at)]) {
        expect(detail).toMatch(index);
        expect(detail).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
      }
    }
    db.close();
  });
});
