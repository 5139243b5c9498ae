// The song library: one SQLite file (the index) and one folder of media per song, under DATA_DIR.
// Only this module touches the database.
import { mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import sqlite from 'node-sqlite3-wasm';
import type { SongRequest } from '@radio-optimism/shared';
import type { SongManifest } from '../composer/manifest.js';
import type { AirItem } from '../station/timeline.js';
import { createPairingStore, type PairingStore } from './pairing-store.js';

/** What a library entry is: a song in the radio's rotation, a station ID, or a private song (sent to a
 *  TV, or waiting for an operator) that no channel plays and no feed lists. */
export type SongKind = 'song' | 'jingle' | 'private';

const { Database } = sqlite;

/** The SQLite handle, for the stores in this folder (nothing outside library/ touches the database). */
export type SqliteDatabase = InstanceType<typeof Database>;

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
  add(id: string, manifest: SongManifest, kind?: SongKind): SongRecord;
  get(id: string): SongRecord | undefined;
  list(kind?: SongKind): SongRecord[];
  count(kind?: SongKind): number;
  setKind(id: string, kind: SongKind): void;
  /** A channel's timeline, persisted as it is scheduled so a restart picks up where it was. */
  appendAirItem(channel: string, item: AirItem): void;
  /** The last `limit` items of a channel, oldest first. */
  airItems(channel: string, limit: number): AirItem[];
  /** Pairings and dedications, in the same file. */
  readonly pairing: PairingStore;
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS songs (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  language TEXT NOT NULL,
  genre TEXT NOT NULL,
  vibe TEXT NOT NULL,
  theme TEXT NOT NULL,
  duration_sec REAL NOT NULL,
  seed INTEGER NOT NULL,
  recipient TEXT NOT NULL,
  sender TEXT,
  request TEXT NOT NULL,
  created_at TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'song'
);
CREATE INDEX IF NOT EXISTS songs_by_created ON songs (created_at);
CREATE TABLE IF NOT EXISTS air_items (
  channel TEXT NOT NULL,
  idx INTEGER NOT NULL,
  item TEXT NOT NULL,
  PRIMARY KEY (channel, idx)
);
`;

type Row = Record<string, string | number | null>;

export function openLibrary(dataDir: string): Library {
  const mediaDir = join(dataDir, 'media', 'songs');
  mkdirSync(mediaDir, { recursive: true });
  const db = new Database(join(dataDir, 'library.sqlite'));
  // WAL with synchronous NORMAL: a commit survives the process being killed (what the restart tests
  // do); only a power cut can lose the newest commits. FULL would fsync on every commit, and this
  // library is synchronous on the station's event loop, where a slow disk stalled every listener.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
  db.exec(SCHEMA);
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
    kind: row.kind === 'jingle' || row.kind === 'private' ? row.kind : 'song',
    request: JSON.parse(String(row.request)) as SongRequest,
    dir: join(mediaDir, String(row.id)),
  });
  const pairing = createPairingStore(db);
  return {
    mediaDir,
    pairing,
    reserve() {
      let id: string;
      do id = randomBytes(6).toString('base64url');
      while (existsSync(join(mediaDir, id)));
      const dir = join(mediaDir, id);
      mkdirSync(dir, { recursive: true });
      return { id, dir };
    },
    add(id, m, kind = 'song') {
      db.run(
        `INSERT INTO songs (id, title, language, genre, vibe, theme, duration_sec, seed, recipient, sender, request, created_at, kind)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, m.title, m.language, m.genre, m.vibe, m.theme, m.durationSec, m.seed, m.request.to, m.request.from ?? null, JSON.stringify(m.request), new Date().toISOString(), kind],
      );
      return this.get(id)!;
    },
    get(id) {
      const row = db.get('SELECT * FROM songs WHERE id = ?', [id]) as Row | null;
      return row ? toRecord(row) : undefined;
    },
    list(kind = 'song') {
      return (db.all('SELECT * FROM songs WHERE kind = ? ORDER BY created_at, id', [kind]) as Row[]).map(toRecord);
    },
    count(kind = 'song') {
      return Number((db.get('SELECT COUNT(*) AS n FROM songs WHERE kind = ?', [kind]) as Row).n);
    },
    setKind(id, kind) {
      db.run('UPDATE songs SET kind = ? WHERE id = ?', [kind, id]);
    },
    appendAirItem(channel, item) {
      db.run('INSERT OR REPLACE INTO air_items (channel, idx, item) VALUES (?, ?, ?)', [channel, item.index, JSON.stringify(item)]);
      // Keep a day or so of history; older items only matter as counts, which the newest carry.
      db.run('DELETE FROM air_items WHERE channel = ? AND idx < ?', [channel, item.index - 2000]);
    },
    airItems(channel, limit) {
      const rows = db.all('SELECT item FROM air_items WHERE channel = ? ORDER BY idx DESC LIMIT ?', [channel, limit]) as Row[];
      return rows.map((r) => JSON.parse(String(r.item)) as AirItem).reverse();
    },
    close() {
      pairing.flush();
      db.close();
    },
  };
}
