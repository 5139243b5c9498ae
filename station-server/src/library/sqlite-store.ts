// The store on one SQLite file under DATA_DIR (the embedded default): the Store interface's
// asynchronous face over better-sqlite3. Only this folder touches the database.
//
// What a write promises (better-sqlite3, WAL, checked at start; see sqlite.ts):
// - Every write is one transaction: after any crash it is there whole or not at all, and the file is
//   never left corrupt or locked (SQLite's locks are the kernel's, released when a process dies).
// - A write that has resolved survives the process being killed at any instant (SIGKILL, OOM): the
//   commit is in library.sqlite-wal, which the OS keeps and the next open replays.
// - Writes a person has been told about (a song added, a song made public or private, a phone paired
//   or removed, a dedication and each change of its status, an accepted song request) are also
//   fsynced before they resolve (synchronous = FULL for that commit): they survive an OS crash or a
//   power cut.
// - Bookkeeping (the channels' timelines, when a song aired, TV rows) commits with synchronous =
//   NORMAL, without an fsync on the event loop: a power cut can roll back the newest of it (never
//   corrupt the file); the next durable write or checkpoint fsyncs it too. After such a loss the
//   station reschedules from the last timeline item it has, and a TV with no paired phone gets a new
//   identity. TVs are written behind, in batches (tv-store.ts).
// - When the disk refuses writes (full, read-only, failing), reads go on; timeline and "aired"
//   writes are skipped and logged so the channels stay on air; other writes reject with a
//   LibraryError saying why.
import { join } from 'node:path';
import { checkWritable, openSqlite, type SqliteDatabase } from './sqlite.js';
import { diskProblem } from './library-error.js';
import { createSqliteSongs } from './sqlite-songs.js';
import { createSqlitePairing } from './pairing-store.js';
import { createSqliteSongRequests } from './song-request-store.js';
import { createSqliteLimits } from './limit-store.js';
import { createSqliteOperators } from './operator-store.js';
import { createSqliteTakes } from './take-store.js';
import { createSqliteTakedowns } from './takedown-store.js';
import { createSqliteWebhooks } from './webhook-store.js';
import { createSqliteStats } from './stats-store.js';
import { createSqliteAirQueue } from './sqlite-air-queue.js';
import { createSqlitePairingCodes } from './sqlite-pairing-codes.js';
import { decodeCursor, encodeCursor, pageLimit } from './page-cursor.js';
import type { DedicationStore, PairingStore, Store, TimelineStore } from './store.js';

export { LibraryError } from './library-error.js';

export interface SqliteStoreOptions {
  /** Where the store reports what it skipped (default: stderr). */
  log?: (line: string) => void;
}

export interface SqliteStore extends Store {
  /** The database file. */
  readonly file: string;
  /** TVs known (rows and waiting writes), for tests and the operator's curiosity. */
  tvCount(): number;
}

/** Items of a channel's timeline kept: a day or so; older ones only matter as counts, which the newest carry. */
const TIMELINE_KEEP = 2000;

/** Opens (or makes) DATA_DIR/library.sqlite; throws a LibraryError with one line naming the folder if it takes no writes. */
export function openSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): SqliteStore {
  const log = options.log ?? ((line: string) => console.error(line));
  checkWritable(dataDir);
  const file = join(dataDir, 'library.sqlite');
  const db: SqliteDatabase = openSqlite(file, log);
  // Bookkeeping writes the disk refused: said when they start failing and when they work again.
  let refused: string | undefined;
  const skipped = (what: string, error: unknown): void => {
    // The channel plays from memory; only a restart's pick-up point is lost, so it stays on air.
    const problem = diskProblem(dataDir, error);
    if (!problem) throw error;
    if (refused !== problem.code) log(`library: could not save ${what}, playing on from memory: ${problem.message}`);
    refused = problem.code;
  };
  const worked = (what: string): void => {
    if (refused) log(`library: timeline writes work again (${what} saved)`);
    refused = undefined;
  };
  const sync = createSqlitePairing(db);

  const timeline: TimelineStore = {
    async append(channel, index, item) {
      try {
        db.transaction(() => {
          db.run('INSERT OR REPLACE INTO air_items (channel, idx, item) VALUES (?, ?, ?)', [channel, index, JSON.stringify(item)]);
          db.run('DELETE FROM air_items WHERE channel = ? AND idx < ?', [channel, index - TIMELINE_KEEP]);
        });
        worked(`${channel} item ${index}`);
      } catch (error) {
        skipped(`${channel}'s timeline`, error);
      }
    },
    async recent(channel, limit) {
      const rows = db.all('SELECT item FROM air_items WHERE channel = ? ORDER BY idx DESC LIMIT ?', [channel, limit]);
      return rows.map((r) => JSON.parse(String(r.item)) as unknown).reverse();
    },
  };

  const pairing: PairingStore = {
    tv: async (tvId, token) => sync.tv(tvId, token),
    addTv: async () => sync.addTv(),
    tvSeen: (tvId) => sync.tvs.seen(tvId),
    expireUnpairedTvs: async (before) => sync.tvs.expireUnpaired(before),
    pairPhone: async (tvId, name) => sync.pairPhone(tvId, name),
    phoneBySession: async (token) => sync.phoneBySession(token),
    phoneById: async (id) => sync.phoneById(id),
    phones: async (tvId) => sync.phones(tvId),
    removePhone: async (id) => sync.removePhone(id),
    flush: async () => sync.flush(),
    ...createSqlitePairingCodes(db),
  };

  const dedications: DedicationStore = {
    add: async (d) => sync.addDedication(d),
    update: async (id, change) => sync.updateDedication(id, change),
    get: async (id) => sync.dedication(id),
    recent: async (phoneId, limit) => sync.recentDedications(phoneId, limit),
    unfinished: async () => sync.unfinished(),
    async moderationQueue(page) {
      const limit = pageLimit(page.limit);
      const rows = sync.moderationQueue(limit + 1, page.cursor === undefined ? undefined : decodeCursor(page.cursor));
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return rows.length > limit && last ? { items, next: encodeCursor(last) } : { items };
    },
    onAir: async (limit) => sync.onAir(limit),
    ...createSqliteAirQueue(db),
  };

  return {
    engine: 'sqlite',
    file,
    songs: createSqliteSongs(db, { skipped }),
    timeline,
    pairing,
    dedications,
    songRequests: createSqliteSongRequests(db),
    limits: createSqliteLimits(db),
    operators: createSqliteOperators(db),
    takedowns: createSqliteTakedowns(db),
    takes: createSqliteTakes(db),
    webhooks: createSqliteWebhooks(db),
    stats: createSqliteStats(db),
    tvCount: () => sync.tvs.count(),
    async close() {
      try {
        sync.flush();
      } finally {
        db.close();
      }
    },
  };
}
