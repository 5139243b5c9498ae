// The next song is one statement on PostgreSQL in every mode, fallback included: each round trip on a
// busy machine is a wait for a core, which is what made the next song's p99 (bench:store). The hot
// song queries are named prepared statements, each distinct text once per connection.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startPostgres, type PostgresServer } from '../../testing/postgres-server.js';
import type { NextSongQuery, SongRecord } from '../store.js';
import { bulkInsertSongs } from './bulk-songs.js';
import { openPool, type Db } from './connection.js';
import { migratePostgres } from './migrations.js';
import { createSongStore } from './songs.js';

const quiet = () => undefined;

/** A Db that counts the statements it sends, and which of them were prepared. */
function counting(db: Db) {
  const sent: { sql: string; prepared: boolean }[] = [];
  const counted: Db = {
    where: db.where,
    query: (sql, params) => (sent.push({ sql, prepared: false }), db.query(sql, params)),
    prepared: (sql, params) => (sent.push({ sql, prepared: true }), db.prepared(sql, params)),
    transaction: (work) => db.transaction(work),
    close: () => db.close(),
  };
  return { db: counted, sent };
}

function song(i: number, language: string, kind: SongRecord['kind'] = 'song'): SongRecord {
  const request = { message: `m${i}`, to: 'Ana', genre: 'pop', vibe: 'calm', language } as SongRecord['request'];
  return {
    id: `s${String(i).padStart(3, '0')}`, title: `t${i}`, language, genre: 'pop', vibe: 'calm', theme: 'thanks', relation: 'friend', durationSec: 60, seed: i,
    recipient: 'Ana', sender: null, createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(), kind, request, lastAired: null,
  };
}

describe('the PostgreSQL song store', () => {
  let server: PostgresServer;
  let db: Db;
  beforeAll(async () => {
    server = await startPostgres();
    const url = await server.createDatabase();
    db = openPool(url, { log: quiet });
    await migratePostgres(db, quiet);
    await bulkInsertSongs(url, [[song(1, 'en'), song(2, 'fr'), song(3, 'en'), song(4, 'en', 'jingle')]]);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  it('chooses the next song in one statement in every mode, also when it has to start again from the top', async () => {
    const { db: counted, sent } = counting(db);
    const songs = createSongStore(counted);
    const queries: [NextSongQuery, string | undefined][] = [
      [{ kind: 'song', match: {}, mode: 'normal', exclude: [], seed: 1 }, 's001'],
      [{ kind: 'song', match: {}, mode: 'normal', exclude: [], after: 's001', seed: 1 }, 's002'],
      // The last song: round again from the top, in the same statement.
      [{ kind: 'song', match: {}, mode: 'normal', exclude: [], after: 's003', seed: 1 }, 's001'],
      [{ kind: 'song', match: {}, mode: 'normal', exclude: [], after: 'gone', seed: 1 }, 's001'],
      [{ kind: 'song', match: { language: ['en'] }, mode: 'normal', exclude: ['s001'], after: 's003', seed: 1 }, 's003'],
      [{ kind: 'song', match: { language: ['de'] }, mode: 'random', exclude: [], seed: 5 }, undefined],
      [{ kind: 'jingle', match: {}, mode: 'random', exclude: [], seed: 5 }, 's004'],
      [{ kind: 'song', match: { language: ['fr'] }, mode: 'randomize', exclude: [], seed: 9 }, 's002'],
      [{ kind: 'song', match: {}, mode: 'randomize', exclude: ['s001', 's002', 's003'], seed: 9 }, undefined],
      [{ kind: 'song', match: {}, ids: ['s003', 's001'], mode: 'normal', exclude: [], after: 's001', seed: 1 }, 's003'],
      [{ kind: 'song', match: {}, ids: ['s003', 's001'], mode: 'random', exclude: [], seed: 2 }, undefined],
    ];
    for (const [query, expected] of queries) {
      sent.length = 0;
      const found = await songs.next(query);
      if (expected !== undefined || query.mode !== 'random' || !query.ids) expect(found?.id).toBe(expected);
      expect(sent.length).toBe(1);
    }
    // Any seed over many tries still finds every song: the fallback branch is taken when no row
    // lies at or after the seed's point.
    const seen = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      sent.length = 0;
      seen.add((await songs.next({ kind: 'song', match: {}, mode: 'random', exclude: [], seed }))!.id);
      expect(sent.length).toBe(1);
    }
    expect([...seen].sort()).toEqual(['s001', 's002', 's003']);
  });

  it('sends the hot song queries as named prepared statements, but a playlist\'s ids unprepared', async () => {
    const { db: counted, sent } = counting(db);
    const songs = createSongStore(counted);
    await songs.get('s001');
    await songs.page('song', { language: ['en'] }, { limit: 2 });
    await songs.next({ kind: 'song', match: {}, mode: 'random', exclude: [], seed: 3 });
    await songs.aired('s001', 'radio', Date.now());
    expect(sent.map((s) => s.prepared)).toEqual([true, true, true, true]);
    sent.length = 0;
    await songs.next({ kind: 'song', match: {}, ids: ['s001'], mode: 'random', exclude: [], seed: 3 });
    await songs.next({ kind: 'song', match: {}, ids: ['s001'], mode: 'normal', exclude: [], seed: 3 });
    expect(sent.map((s) => s.prepared)).toEqual([false, false]);
  });

  it('gives a page\'s size as a parameter, so the size a client asks for adds no statement', async () => {
    const { db: counted, sent } = counting(db);
    const songs = createSongStore(counted);
    for (const limit of [1, 2, 3, 7]) await songs.page('song', {}, { limit });
    expect(new Set(sent.map((s) => s.sql)).size).toBe(1);
  });
});
