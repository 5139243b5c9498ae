// npm run -s bench:store-probe: the next-song and list queries of bench:store, timed on a store filled
// once and kept (so they can be timed again after a change without filling a million rows each time).
// PROBE_SQLITE_DIR names a folder for SQLite, DATABASE_URL an existing PostgreSQL database; either is
// filled with BENCH_SONGS synthetic songs (default 1,000,000) when it holds none. Prints p50/p99 per
// query, with a bare `SELECT 1` on PostgreSQL as the floor, and the GC pauses during each.
import { performance, PerformanceObserver } from 'node:perf_hooks';
import type { NextSongQuery, SongMatch, Store } from '../library/store.js';
import { syntheticId, syntheticSongs } from './store-bench.js';

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

let gcMs = 0;
let gcCount = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gcMs += e.duration;
    gcCount++;
  }
}).observe({ entryTypes: ['gc'] });

async function time(what: string, n: number, run: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < Math.min(5, n); i++) await run(i);
  const times: number[] = [];
  gcMs = 0;
  gcCount = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${what}: p50 ${quantile(times, 0.5).toFixed(2)} ms, p99 ${quantile(times, 0.99).toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(2)} ms (${n} runs; GC ${gcCount}× ${gcMs.toFixed(1)} ms)`);
}

async function probe(store: Store, total: number, only: RegExp | undefined, runs: number): Promise<void> {
  const songId = (i: number) => {
    let n = Math.floor((i * 7919 * 127) % total);
    while (n % 100 === 0 || n % 50 === 1) n++;
    return syntheticId(n);
  };
  const ko: SongMatch = { language: ['ko'] };
  const rare: SongMatch = { language: ['ko'], theme: ['pride'], relation: ['pet'] };
  const exclude = Array.from({ length: 50 }, (_, i) => songId(i * 13 + 5));
  const playlist = Array.from({ length: 200 }, (_, i) => songId(i * 31 + 7));
  const next = (q: Partial<NextSongQuery> & Pick<NextSongQuery, 'mode'>, i: number) => store.songs.next({ kind: 'song', match: {}, exclude, seed: i * 2654435761, ...q });
  let at = Date.now();
  const cases: [string, (i: number) => Promise<unknown>][] = [
    ['page: first page, no filter', () => store.songs.page('song', {}, { limit: 50 })],
    ['page: first page, language + theme + relation', () => store.songs.page('song', rare, { limit: 50 })],
    ['next: normal, after a song, exclude 50', (i) => next({ mode: 'normal', after: songId(i) }, i)],
    ['next: normal, after a song, language rule', (i) => next({ mode: 'normal', after: songId(i), match: ko }, i)],
    ['next: randomize, exclude 50', (i) => next({ mode: 'randomize' }, i)],
    ['next: randomize, language + genre rules', (i) => next({ mode: 'randomize', match: { language: ['ko'], genre: ['rock'] } }, i)],
    ['next: random, exclude 50', (i) => next({ mode: 'random' }, i)],
    ['next: random, language + theme + relation', (i) => next({ mode: 'random', match: rare }, i)],
    ["next: a playlist's 200 ids, normal", (i) => next({ mode: 'normal', ids: playlist, after: playlist[i % 200] }, i)],
    ["next: a playlist's 200 ids, random", (i) => next({ mode: 'random', ids: playlist }, i)],
    ['next: jingle, random', (i) => next({ mode: 'random', kind: 'jingle' }, i)],
    ['aired: note a song on air', (i) => store.songs.aired(songId(i * 3 + 1), 'radio', (at += 1000))],
  ];
  for (const [what, run] of cases) if (!only || only.test(what)) await time(what, runs, run);
}

async function main(): Promise<void> {
  const total = Number(process.env.BENCH_SONGS ?? 1_000_000);
  const only = process.env.PROBE_ONLY ? new RegExp(process.env.PROBE_ONLY) : undefined;
  const runs = Number(process.env.PROBE_RUNS ?? 300);
  const log = (line: string) => console.error(line);
  if (process.env.PROBE_SQLITE_DIR) {
    const { openSqliteStore } = await import('../library/sqlite-store.js');
    const { bulkInsertSqliteSongs } = await import('../library/sqlite-bulk-songs.js');
    const store = openSqliteStore(process.env.PROBE_SQLITE_DIR, { log });
    if ((await store.songs.count('song')) === 0) await bulkInsertSqliteSongs(store.file, syntheticSongs(total));
    console.log('sqlite');
    await probe(store, total, only, runs);
    await store.close();
  }
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    const { openPostgresStore } = await import('../library/postgres/postgres-store.js');
    const { bulkInsertSongs } = await import('../library/postgres/bulk-songs.js');
    const { openPool } = await import('../library/postgres/connection.js');
    const store = await openPostgresStore(url, { log });
    if ((await store.songs.count('song')) === 0) await bulkInsertSongs(url, syntheticSongs(total));
    console.log('postgres');
    const db = openPool(url, { log });
    if (!only || only.test('SELECT 1')) await time('floor: SELECT 1 through the pool', runs, () => db.query('SELECT 1'));
    await db.close();
    await probe(store, total, only, runs);
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(`store-probe: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
