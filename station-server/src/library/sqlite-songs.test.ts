// The next song on a library with statistics (ANALYZE, as the bulk fill and a restarted station have
// them): the random orders walk their own index and filter by the rules, never sort what a rule's
// index matched. Without this, a million-song library took 0.1-1.3 s a song after a restart.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { syntheticSongs } from '../bench/store-bench.js';
import { openSqlite, type Param, type SqliteDatabase } from './sqlite.js';
import { bulkInsertSqliteSongs } from './sqlite-bulk-songs.js';
import { createSqliteSongs } from './sqlite-songs.js';
import { openSqliteStore } from './sqlite-store.js';
import type { NextSongQuery } from './store.js';

describe('the SQLite song store with statistics measured', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sqlite-songs-'));
    const store = openSqliteStore(dir, { log: () => undefined });
    await bulkInsertSqliteSongs(store.file, syntheticSongs(6000));
    await store.close();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('walks the random or least-aired index for random and randomize, with the rules as filters', async () => {
    // A connection opened after ANALYZE (a restart): the statements next() runs, and their plans.
    const db = openSqlite(join(dir, 'library.sqlite'), () => undefined);
    const ran: [string, readonly Param[]][] = [];
    const recording: SqliteDatabase = { ...db, get: (sql, params = []) => (ran.push([sql, params]), db.get(sql, params)) };
    const songs = createSqliteSongs(recording, { skipped: () => undefined });
    const reader = new Database(join(dir, 'library.sqlite'), { readonly: true });
    const plan = (sql: string, params: readonly Param[]) => (reader.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    const rules = [{ language: ['ko'], genre: ['rock'] }, { language: ['ko'], theme: ['pride'], relation: ['pet'] }, { language: ['ko', 'de'], vibe: ['calm'] }];
    try {
      for (const match of rules) {
        for (const mode of ['random', 'randomize'] as const) {
          ran.length = 0;
          const query: NextSongQuery = { kind: 'song', match, mode, exclude: ['b0000005'], seed: 11 };
          const found = await songs.next(query);
          expect(found?.language).toMatch(/^(ko|de)$/);
          expect(ran.length).toBeGreaterThan(0);
          for (const [sql, params] of ran) {
            const detail = plan(sql, params);
            expect(detail).toMatch(mode === 'random' ? /USING INDEX songs_random \(kind=\?/ : /USING INDEX songs_least_aired \(kind=\?/);
            expect(detail).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
          }
        }
      }
    } finally {
      reader.close();
      db.close();
    }
  });
});
