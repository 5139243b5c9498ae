// What only the PostgreSQL store has to show: migrations under concurrent starters, a database newer
// than the code, a server that cannot be reached or refuses us (named, never with the password),
// hashed sessions, a bounded pool, a capped page, and timeline writes skipped while the server is down.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { freePort } from '../../testing/free-port.js';
import { startPostgres, type PostgresServer } from '../../testing/postgres-server.js';
import { LibraryError } from '../library-error.js';
import type { SongRecord } from '../store.js';
import { bulkInsertSongs } from './bulk-songs.js';
import { PAGE_LIMIT_MAX } from './cursor.js';
import { PG_SCHEMA_VERSION } from './migrations.js';
import { openPostgresStore } from './postgres-store.js';

const quiet = { log: () => undefined };
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as LibraryError);

async function sql(url: string, text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

describe('the PostgreSQL store', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('applies each migration once when stations start at the same time', async () => {
    const url = await server.createDatabase();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(url, quiet)));
    await Promise.all(stores.map((s) => s.close()));
    const steps = await sql(url, 'SELECT step FROM schema_migrations ORDER BY step');
    expect(steps.map((r) => r.step)).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
    const again = await openPostgresStore(url, quiet); // an up-to-date database opens as it is
    await again.close();
  });

  it('refuses a database written by a newer station', async () => {
    const url = await server.createDatabase();
    await (await openPostgresStore(url, quiet)).close();
    await sql(url, "INSERT INTO schema_migrations (step, what) VALUES ($1, 'from the future')", [PG_SCHEMA_VERSION + 1]);
    const error = await failure(openPostgresStore(url, quiet));
    expect(error).toBeInstanceOf(LibraryError);
    expect(error!.code).toBe('schema-too-new');
    expect(error!.message).toContain(`schema ${PG_SCHEMA_VERSION + 1}`);
  });

  it('names the server it cannot reach, never the password', async () => {
    const port = await freePort();
    const error = await failure(openPostgresStore(`postgres://radio:hunter2@127.0.0.1:${port}/radio`, { ...quiet, connectTimeoutMs: 5000 }));
    expect(error).toBeInstanceOf(LibraryError);
    expect(error!.code).toBe('database-unreachable');
    expect(error!.message).toContain(`127.0.0.1:${port}/radio`);
    expect(error!.message).not.toContain('hunter2');
    expect(error!.message.split('\n')).toHaveLength(1);
  });

  it('says the server refused the station when the database is not there', async () => {
    const url = server.url.replace(/\/radio$/, '/no_such_db').replace('postgres@', 'postgres:hunter2@');
    const error = await failure(openPostgresStore(url, quiet));
    expect(error!.code).toBe('database-refused');
    expect(error!.message).toContain('no_such_db');
    expect(error!.message).not.toContain('hunter2');
  });

  it('refuses a DATABASE_URL that is not a postgres:// URL, naming the setting', async () => {
    for (const url of ['not a url', 'mysql://u:p@host/db']) {
      const error = await failure(openPostgresStore(url, quiet));
      expect(error!.code).toBe('bad-database-url');
      expect(error!.message).toMatch(/^DATABASE_URL /);
    }
  });

  it('keeps session tokens only as SHA-256 hashes', async () => {
    const url = await server.createDatabase();
    const store = await openPostgresStore(url, quiet);
    const tv = await store.pairing.addTv();
    const { sessionToken } = await store.pairing.pairPhone(tv.id, 'Ana');
    await store.close();
    const dump = JSON.stringify([...(await sql(url, 'SELECT * FROM phones')), ...(await sql(url, 'SELECT * FROM tvs'))]);
    expect(dump).not.toContain(sessionToken);
    expect(dump).not.toContain(tv.token);
    expect(dump).toContain(createHash('sha256').update(sessionToken).digest('base64url'));
  });

  it('holds at most maxConnections connections however many queries wait', async () => {
    const url = await server.createDatabase();
    const store = await openPostgresStore(url, { ...quiet, maxConnections: 2 });
    const db = url.split('/').pop();
    // The station's connections only (an autovacuum worker on the same database is not ours).
    const CLIENTS = "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'";
    let most = 0;
    const burst = Promise.all(Array.from({ length: 40 }, () => store.songs.count()));
    while (!(await Promise.race([burst.then(() => true), new Promise((done) => setTimeout(() => done(false), 5))]))) {
      const n = Number((await sql(server.url, CLIENTS, [db]))[0]!.n);
      most = Math.max(most, n);
    }
    expect(await burst).toEqual(Array(40).fill(0));
    const after = Number((await sql(server.url, CLIENTS, [db]))[0]!.n);
    await store.close();
    expect(Math.max(most, after)).toBeGreaterThanOrEqual(1);
    expect(Math.max(most, after)).toBeLessThanOrEqual(2);
  });

  it(`caps a page at ${PAGE_LIMIT_MAX} songs`, async () => {
    const url = await server.createDatabase();
    const store = await openPostgresStore(url, quiet);
    const request = { message: 'm', to: 'Ana', genre: 'pop', vibe: 'calm', language: 'en' } as const;
    const rows: SongRecord[] = Array.from({ length: PAGE_LIMIT_MAX + 20 }, (_, i) => ({
      id: `s${String(i).padStart(5, '0')}`, title: `t${i}`, language: 'en', genre: 'pop', vibe: 'calm', theme: 'love', relation: null,
      durationSec: 30, seed: i, recipient: 'Ana', sender: null, createdAt: new Date(1_700_000_000_000 + i * 1000).toISOString(), kind: 'song', request, lastAired: null,
    }));
    expect(await bulkInsertSongs(url, [rows.slice(0, 300), rows.slice(300)])).toBe(rows.length);
    const first = await store.songs.page('song', {}, { limit: 100_000 });
    expect(first.items).toHaveLength(PAGE_LIMIT_MAX);
    expect(first.items[0]!.id).toBe(rows[rows.length - 1]!.id);
    const rest = await store.songs.page('song', {}, { limit: 100_000, cursor: first.next });
    expect(rest.items).toHaveLength(20);
    expect(rest.next).toBeUndefined();
    await store.close();
  });

  it('skips timeline writes while the server is down, logging once, and other calls fail with a named LibraryError', async () => {
    const own = await startPostgres();
    const lines: string[] = [];
    const store = await openPostgresStore(own.url, { log: (l) => lines.push(l), connectTimeoutMs: 3000 });
    try {
      await store.timeline.append('radio', 1, { index: 1 });
      await own.stop();
      const before = lines.length;
      await store.timeline.append('radio', 2, { index: 2 });
      await store.timeline.append('radio', 3, { index: 3 });
      const logged = lines.slice(before).filter((l) => l.includes("could not save radio's timeline"));
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain(`127.0.0.1:${own.port}`);
      const error = await failure(store.songs.count());
      expect(error).toBeInstanceOf(LibraryError);
      expect(error!.code).toBe('database-unreachable');
    } finally {
      await store.close().catch(() => undefined);
      await own.stop();
    }
  });

  it('rides out a PostgreSQL crash: TVs wait in memory and are written, and queries work again, once it is back', async () => {
    const own = await startPostgres({ durable: true }); // a commit survives the crash, as in production
    const store = await openPostgresStore(own.url, { ...quiet, connectTimeoutMs: 3000, tvFlushMs: 50 });
    try {
      const before = await store.pairing.addTv();
      await store.pairing.flush();
      await own.kill();
      const tv = await store.pairing.addTv();
      const error = await failure(store.pairing.flush());
      expect(error!.code).toBe('database-unreachable');
      expect(await store.pairing.tv(tv.id, tv.token)).toEqual({ id: tv.id });
      await own.start();
      // The pool drops its dead connections and opens new ones; the batch is retried on its timer.
      const deadline = Date.now() + 60_000;
      let found: { id: string }[] = [];
      while (Date.now() < deadline) {
        found = (await sql(own.url, 'SELECT id FROM tvs ORDER BY id').catch(() => [])) as { id: string }[];
        if (found.length === 2 && (await store.songs.count().catch(() => -1)) === 0) break;
        await new Promise((done) => setTimeout(done, 200));
      }
      expect(found.map((r) => r.id).sort()).toEqual([before.id, tv.id].sort());
      expect(await store.pairing.tv(tv.id, tv.token)).toEqual({ id: tv.id });
      expect(await store.songs.count()).toBe(0);
    } finally {
      await store.close().catch(() => undefined);
      await own.stop();
    }
  });
});
