// The song library: one SQLite file (the index) and one folder of media per song, under DATA_DIR.
// Only this folder touches the database.
//
// What a write promises (better-sqlite3, WAL, checked at start; see sqlite.ts):
// - Every write is one transaction: after any crash it is there whole or not at all, and the file is
//   never left corrupt or locked (SQLite's locks are the kernel's, released when a process dies).
// - A write that has returned survives the process being killed at any instant (SIGKILL, OOM): the
//   commit is in library.sqlite-wal, which the OS keeps and the next open replays.
// - Writes a person has been told about (a song added, a song made public or private, a phone paired
//   or removed, a dedication and each change of its status) are also fsynced before they return
//   (synchronous = FULL for that commit): they survive an OS crash or a power cut.
// - Bookkeeping (the channels' timelines, TV rows) commits with synchronous = NORMAL, without an
//   fsync on the event loop: a power cut can roll back the newest of it (never corrupt the file); the
//   next durable write or checkpoint fsyncs it too. After such a loss the station reschedules from
//   the last timeline item it has, and a TV with no paired phone gets a new identity.
// - When the disk refuses writes (full, read-only, failing), reads go on; timeline writes are skipped
//   and logged so the channels stay on air; other writes throw a LibraryError saying why.
import { mkdirSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { SongRequest } from '@radio-optimism/shared';
import type { SongManifest } from '../composer/manifest.js';
import type { AirItem } from '../station/timeline.js';
import { createPairingStore, type PairingStore } from './pairing-store.js';
import { createSongRequestStore, type SongRequestStore } from './song-request-store.js';
import { checkWritable, openSqlite, type Row } from './sqlite.js';
import { diskProblem } from './library-error.js';

export type { SqliteDatabase } from './sqlite.js';
export { LibraryError } from './library-error.js';

/** What a library entry is: a song in the radio's rotation, a station ID, a private song (sent to a
 *  TV, made by an operator, or waiting for an operator) that no channel plays and no feed lists, or a
 *  removed one (turned down by an operator: its files are deleted and its page answers 410 Gone). */
export type SongKind = 'song' | 'jingle' | 'private' | 'removed';

export interface SongRecord {
  id: string;
  title: string;
  language: string;
  genre: string;
  vibe: string;
  theme: string;
  durationSec: number;
  seed: number;
  recipient: string;
  sender: string | null;
  createdAt: string;
  kind: SongKind;
  /** The request the song was made from (its message is the dedication's words). */
  request: SongRequest;
  /** Folder holding the song's files (song.m4a, cover.png, lyrics.vtt...). */
  dir: string;
}

export interface Library {
  readonly mediaDir: string;
  /** A new, empty folder for a song about to be made, and its id. */
  reserve(): { id: string; dir: string };
  /** A fresh song id, with no folder yet (the song queue makes it when composing starts). */
  newId(): string;
  /** Where a song's files live. */
  dirOf(id: string): string;
  /** Deletes song folders that no library entry owns (left by a crash mid-compose); returns their ids. */
  removeOrphanFolders(): string[];
  add(id: string, manifest: SongManifest, kind?: SongKind): SongRecord;
  get(id: string): SongRecord | undefined;
  list(kind?: SongKind): SongRecord[];
  count(kind?: SongKind): number;
  setKind(id: string, kind: SongKind): void;
  /** Takes a song down for good: its entry stays (so its page answers 410 Gone) and its files are deleted. */
  removeSong(id: string): void;
  /** A channel's timeline, persisted as it is scheduled so a restart picks up where it was. */
  appendAirItem(channel: string, item: AirItem): void;
  /** The last `limit` items of a channel, oldest first. */
  airItems(channel: string, limit: number): AirItem[];
  /** Pairings and dedications, in the same file. */
  readonly pairing: PairingStore;
  /** Songs the API accepted and the composer has not finished. */
  readonly songRequests: SongRequestStore;
  close(): void;
}


export interface LibraryOptions {
  /** Where the library reports what it skipped or cleaned up (default: stderr). */
  log?: (line: string) => void;
}

/** Opens the library; throws a LibraryError with one line naming the folder if DATA_DIR takes no writes. */
export function openLibrary(dataDir: string, options: LibraryOptions = {}): Library {
  const log = options.log ?? ((line: string) => console.error(line));
  const mediaDir = join(dataDir, 'media', 'songs');
  checkWritable(dataDir);
  try {
    mkdirSync(mediaDir, { recursive: true });
  } catch (error) {
    throw diskProblem(mediaDir, error) ?? error;
  }
  const db = openSqlite(join(dataDir, 'library.sqlite'), log);
  // Timeline writes that the disk refused: logged when they start failing and when they work again.
  let timelineRefused: string | undefined;
  const toRecord = (row: Row): SongRecord => ({
    id: String(row.id),
    title: String(row.title),
    language: String(row.language),
    genre: String(row.genre),
    vibe: String(row.vibe),
    theme: String(row.theme),
    durationSec: Number(row.duration_sec),
    seed: Number(row.seed),
    recipient: String(row.recipient),
    sender: row.sender === null ? null : String(row.sender),
    createdAt: String(row.created_at),
    kind: row.kind === 'jingle' || row.kind === 'private' || row.kind === 'removed' ? row.kind : 'song',
    request: JSON.parse(String(row.request)) as SongRequest,
    dir: join(mediaDir, String(row.id)),
  });
  const pairing = createPairingStore(db);
  const songRequests = createSongRequestStore(db);
  return {
    mediaDir,
    pairing,
    songRequests,
    reserve() {
      const id = this.newId();
      const dir = join(mediaDir, id);
      try {
        mkdirSync(dir, { recursive: true });
      } catch (error) {
        throw diskProblem(mediaDir, error) ?? error;
      }
      return { id, dir };
    },
    newId() {
      let id: string;
      do id = randomBytes(6).toString('base64url');
      while (existsSync(join(mediaDir, id)) || this.get(id));
      return id;
    },
    dirOf: (id) => join(mediaDir, id),
    removeOrphanFolders() {
      const removed: string[] = [];
      for (const entry of readdirSync(mediaDir, { withFileTypes: true })) {
        const song = entry.isDirectory() ? this.get(entry.name) : undefined;
        if (!entry.isDirectory() || (song && song.kind !== 'removed')) continue;
        rmSync(join(mediaDir, entry.name), { recursive: true, force: true });
        removed.push(entry.name);
      }
      return removed;
    },
    add(id, m, kind = 'song') {
      db.durable(() =>
        db.run(
          `INSERT INTO songs (id, title, language, genre, vibe, theme, duration_sec, seed, recipient, sender, request, created_at, kind)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [id, m.title, m.language, m.genre, m.vibe, m.theme, m.durationSec, m.seed, m.request.to, m.request.from ?? null, JSON.stringify(m.request), new Date().toISOString(), kind],
        ),
      );
      return this.get(id)!;
    },
    get(id) {
      const row = db.get('SELECT * FROM songs WHERE id = ?', [id]);
      return row ? toRecord(row) : undefined;
    },
    list(kind = 'song') {
      return db.all('SELECT * FROM songs WHERE kind = ? ORDER BY created_at, id', [kind]).map(toRecord);
    },
    count(kind = 'song') {
      return Number(db.get('SELECT COUNT(*) AS n FROM songs WHERE kind = ?', [kind])!.n);
    },
    setKind(id, kind) {
      db.durable(() => db.run('UPDATE songs SET kind = ? WHERE id = ?', [kind, id]));
    },
    removeSong(id) {
      this.setKind(id, 'removed');
      rmSync(join(mediaDir, id), { recursive: true, force: true });
    },
    appendAirItem(channel, item) {
      try {
        db.transaction(() => {
          db.run('INSERT OR REPLACE INTO air_items (channel, idx, item) VALUES (?, ?, ?)', [channel, item.index, JSON.stringify(item)]);
          // Keep a day or so of history; older items only matter as counts, which the newest carry.
          db.run('DELETE FROM air_items WHERE channel = ? AND idx < ?', [channel, item.index - 2000]);
        });
        if (timelineRefused) log(`library: timeline writes work again (${channel} item ${item.index} saved)`);
        timelineRefused = undefined;
      } catch (error) {
        // The channel plays from memory; only a restart's pick-up point is lost, so it stays on air.
        const problem = diskProblem(dataDir, error);
        if (!problem) throw error;
        if (timelineRefused !== problem.code) log(`library: could not save ${channel}'s timeline, playing on from memory: ${problem.message}`);
        timelineRefused = problem.code;
      }
    },
    airItems(channel, limit) {
      const rows = db.all('SELECT item FROM air_items WHERE channel = ? ORDER BY idx DESC LIMIT ?', [channel, limit]);
      return rows.map((r) => JSON.parse(String(r.item)) as AirItem).reverse();
    },
    close() {
      pairing.flush();
      db.close();
    },
  };
}
