// npm run bench:store: fills a store with 1,000,000 synthetic song rows (rows only, no audio), then
// measures p50/p99 of the lists (songs.page: first page and deep pages through cursors, with and
// without filters) and of choosing the next song (each mode, with an exclude window, a playlist's
// ids, rules), and this process's RSS. `benchStore` takes any store; the command runs it on SQLite
// (a fresh folder) and on PostgreSQL (DATABASE_URL, an empty database, or a throwaway server started here).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { GENRES, LANGUAGES, RELATIONS, THEMES, VIBES, type SongRequest } from '@radio-optimism/shared';
import type { NextSongQuery, SongKind, SongMatch, SongRecord, Store } from '../library/store.js';
import { machineLine, writeSection } from './report.js';
import { timeHttpLists } from './http-lists.js';

/** A store to measure, and how to fill it fast (a bulk path outside the Store interface). */
export interface StoreBenchSubject {
  store: Store;
  /** Inserts these rows as fast as the engine allows (COPY / multi-row INSERT; one transaction). */
  fill(batches: Iterable<SongRecord[]>): Promise<number>;
  close(): Promise<void>;
}

export interface StoreBenchOptions {
  songs?: number;
  log?: (line: string) => void;
}

export interface Measured {
  what: string;
  n: number;
  p50: number;
  p99: number;
}

export interface StoreBenchResult {
  engine: string;
  songs: number;
  fillSeconds: number;
  measured: Measured[];
  rssMb: { beforeFill: number; afterFill: number; afterQueries: number };
}

// A small fixed generator: the same rows on every run.
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const T0 = Date.parse('2024-01-01T00:00:00.000Z');
export const syntheticId = (i: number) => `b${i.toString(36).padStart(7, '0')}`;

/** `total` synthetic songs, oldest first, in batches: 1 in 100 a station ID, 1 in 50 private. */
export function* syntheticSongs(total: number, batchSize = 5000): Generator<SongRecord[]> {
  const random = prng(13);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  for (let start = 0; start < total; start += batchSize) {
    const batch: SongRecord[] = [];
    for (let i = start; i < Math.min(total, start + batchSize); i++) {
      const language = pick(LANGUAGES);
      const genre = pick(GENRES);
      const vibe = pick(VIBES);
      const relation = random() < 0.125 ? undefined : pick(RELATIONS);
      const kind: SongKind = i % 100 === 0 ? 'jingle' : i % 50 === 1 ? 'private' : 'song';
      const request: SongRequest = { message: `Synthetic message ${i}`, to: `Name ${i % 997}`, genre, vibe, language, ...(relation ? { relation } : {}) };
      batch.push({
        id: syntheticId(i), title: `Synthetic ${i}`, language, genre, vibe, theme: pick(THEMES), relation: relation ?? null,
        durationSec: 60 + (i % 120), seed: i, recipient: request.to, sender: null, createdAt: new Date(T0 + i * 30_000).toISOString(), kind, request, lastAired: null,
      });
    }
    yield batch;
  }
}

const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export async function benchStore(open: () => Promise<StoreBenchSubject>, options: StoreBenchOptions = {}): Promise<StoreBenchResult> {
  const total = options.songs ?? 1_000_000;
  const log = options.log ?? ((line: string) => console.error(line));
  let subject = await open();
  const measured: Measured[] = [];
  const time = async (what: string, n: number, run: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < Math.min(5, n); i++) await run(i); // warm: plans cached, pages in memory
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await run(i);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const m = { what, n, p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
    measured.push(m);
    log(`store-bench: ${what}: p50 ${m.p50.toFixed(2)} ms, p99 ${m.p99.toFixed(2)} ms (${n} runs)`);
  };
  try {
    const beforeFill = rssMb();
    const t = performance.now();
    const filled = await subject.fill(syntheticSongs(total));
    const fillSeconds = (performance.now() - t) / 1000;
    log(`store-bench: ${filled} rows in ${fillSeconds.toFixed(1)} s`);
    const afterFill = rssMb();
    // Measured as a restarted station would: SQLite plans with the statistics the fill measured
    // (ANALYZE) only on a connection opened after it, and those plans are the ones that matter.
    await subject.close();
    subject = await open();
    const { store } = subject;
    const songs = await store.songs.count('song');
    log(`store-bench: ${songs} songs of kind song`);

    const LIMIT = 50;
    const none: SongMatch = {};
    const ko: SongMatch = { language: ['ko'] };
    const rare: SongMatch = { language: ['ko'], theme: ['pride'], relation: ['pet'] };
    await time('page: first page, no filter', 300, () => store.songs.page('song', none, { limit: LIMIT }));
    await time('page: first page, language', 300, () => store.songs.page('song', ko, { limit: LIMIT }));
    await time('page: first page, two languages + genre', 300, () => store.songs.page('song', { language: ['ko', 'de'], genre: ['rock'] }, { limit: LIMIT }));
    await time('page: first page, language + theme + relation (1 in ~340)', 300, () => store.songs.page('song', rare, { limit: LIMIT }));
    // Deep pages: walk to about half the library with big pages, then measure pages from there.
    const deep = async (match: SongMatch, rows: number) => {
      let cursor: string | undefined;
      for (let seen = 0; seen < rows; seen += 500) cursor = (await store.songs.page('song', match, { limit: 500, cursor })).next;
      return cursor;
    };
    const half = await deep(none, Math.floor(total / 2));
    await time(`page: ${Math.floor(total / 2).toLocaleString('en')} songs deep, no filter`, 300, () => store.songs.page('song', none, { limit: LIMIT, cursor: half }));
    const koDeep = await deep(ko, Math.floor(total / 12));
    await time(`page: ${Math.floor(total / 12).toLocaleString('en')} songs deep, language`, 300, () => store.songs.page('song', ko, { limit: LIMIT, cursor: koDeep }));
    const rareDeep = await deep(rare, 1000);
    await time('page: 1,000 songs deep, language + theme + relation', 300, () => store.songs.page('song', rare, { limit: LIMIT, cursor: rareDeep }));
    let walk: string | undefined;
    await time('page: walking through cursors, 50 a page', 1000, async () => {
      walk = (await store.songs.page('song', none, { limit: LIMIT, cursor: walk })).next;
    });

    // A song id of kind 'song' near position i of the fill, spread over the library.
    const songId = (i: number) => {
      let n = Math.floor((i * 7919 * 127) % total);
      while (n % 100 === 0 || n % 50 === 1) n++;
      return syntheticId(n);
    };
    const exclude = Array.from({ length: 50 }, (_, i) => songId(i * 13 + 5));
    const playlist = Array.from({ length: 200 }, (_, i) => songId(i * 31 + 7));
    const next = (q: Partial<NextSongQuery> & Pick<NextSongQuery, 'mode'>, i: number) => store.songs.next({ kind: 'song', match: {}, exclude, seed: i * 2654435761, ...q });
    await time('next: normal, after a song, exclude 50', 300, (i) => next({ mode: 'normal', after: songId(i) }, i));
    await time('next: normal, after a song, language rule', 300, (i) => next({ mode: 'normal', after: songId(i), match: ko }, i));
    await time('next: randomize, exclude 50', 300, (i) => next({ mode: 'randomize' }, i));
    await time('next: randomize, language + genre rules', 300, (i) => next({ mode: 'randomize', match: { language: ['ko'], genre: ['rock'] } }, i));
    await time('next: random, exclude 50', 300, (i) => next({ mode: 'random' }, i));
    await time('next: random, language + theme + relation', 300, (i) => next({ mode: 'random', match: rare }, i));
    await time("next: a playlist's 200 ids, normal", 300, (i) => next({ mode: 'normal', ids: playlist, after: playlist[i % 200] }, i));
    await time("next: a playlist's 200 ids, random", 300, (i) => next({ mode: 'random', ids: playlist }, i));
    await time('next: jingle, random', 300, (i) => next({ mode: 'random', kind: 'jingle' }, i));
    let at = Date.now();
    await time('aired: note a song on air', 300, (i) => store.songs.aired(songId(i * 3 + 1), 'radio', (at += 1000)));
    await time('next: randomize after 300 songs aired', 300, (i) => next({ mode: 'randomize' }, i));
    await timeHttpLists(store, time);
    return { engine: store.engine, songs: total, fillSeconds, measured, rssMb: { beforeFill, afterFill, afterQueries: rssMb() } };
  } finally {
    await subject.close();
  }
}

export function report(result: StoreBenchResult): string {
  return [
    `### Store: ${result.songs.toLocaleString('en')} synthetic songs on ${result.engine}`,
    '',
    `Measured on ${machineLine()}. Filled in ${result.fillSeconds.toFixed(1)} s. RSS of the process using the store: ${result.rssMb.beforeFill} MB before the fill, ${result.rssMb.afterFill} MB after it, ${result.rssMb.afterQueries} MB after the queries.`,
    '',
    '| query | runs | p50 (ms) | p99 (ms) |',
    '| --- | ---: | ---: | ---: |',
    ...result.measured.map((m) => `| ${m.what} | ${m.n} | ${m.p50.toFixed(2)} | ${m.p99.toFixed(2)} |`),
  ].join('\n');
}

async function main(): Promise<void> {
  const { openPostgresStore } = await import('../library/postgres/postgres-store.js');
  const { bulkInsertSongs } = await import('../library/postgres/bulk-songs.js');
  const { startPostgres } = await import('../testing/postgres-server.js');
  const { openSqliteStore } = await import('../library/sqlite-store.js');
  const { bulkInsertSqliteSongs } = await import('../library/sqlite-bulk-songs.js');
  const songs = Number(process.env.BENCH_SONGS ?? 1_000_000);
  const sections: string[] = [];

  // The embedded engine, in a fresh folder.
  const dir = await mkdtemp(join(tmpdir(), 'bench-store-'));
  try {
    const result = await benchStore(async () => {
      const store = openSqliteStore(dir, { log: (line) => console.error(line) });
      return { store, fill: (batches) => bulkInsertSqliteSongs(store.file, batches), close: () => store.close() };
    }, { songs });
    console.log(report(result));
    sections.push(report(result));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  // A server like a production one (fsync on); DATABASE_URL must name an empty database.
  const server = process.env.DATABASE_URL ? undefined : await startPostgres({ durable: true, settings: { shared_buffers: '256MB' } });
  const url = process.env.DATABASE_URL ?? server!.url;
  try {
    const result = await benchStore(async () => {
      const store = await openPostgresStore(url, { log: (line) => console.error(line) });
      return { store, fill: (batches) => bulkInsertSongs(url, batches), close: () => store.close() };
    }, { songs });
    console.log(report(result));
    sections.push(report(result));
  } finally {
    await server?.stop();
  }
  const intro = 'Queries on the store itself, then the same lists as a client gets them over loopback HTTP through the station\'s express app (`GET /feed`, `GET /api/v1/songs`). Targets: the lists\' p99 under 50 ms, the next song under 5 ms, memory flat.';
  writeSection(resolve(process.cwd(), 'docs/BENCHMARKS.md'), 'store', ['## Store at a million songs (`npm run bench:store`)', intro, ...sections].join('\n\n'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(`store-bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
