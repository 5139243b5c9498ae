// The song library: one SQLite file (the index) and one folder of media per song, under DATA_DIR.
// Only this module touches the database.
import { mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import sqlite from 'node-sqlite3-wasm';
import type { SongManifest } from '../composer/manifest.js';

const { Database } = sqlite;

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
  /** Folder holding the song's files (song.m4a, cover.png, lyrics.vtt...). */
  dir: string;
}

export interface Library {
  readonly mediaDir: string;
  /** A new, empty folder for a song about to be made, and its id. */
  reserve(): { id: string; dir: string };
  add(id: string, manifest: SongManifest): SongRecord;
  get(id: string): SongRecord | undefined;
  list(): SongRecord[];
  count(): number;
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
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS songs_by_created ON songs (created_at);
`;

type Row = Record<string, string | number | null>;

export function openLibrary(dataDir: string): Library {
  const mediaDir = join(dataDir, 'media', 'songs');
  mkdirSync(mediaDir, { recursive: true });
  const db = new Database(join(dataDir, 'library.sqlite'));
  db.exec('PRAGMA journal_mode = WAL;');
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
    dir: join(mediaDir, String(row.id)),
  });
  return {
    mediaDir,
    reserve() {
      let id: string;
      do id = randomBytes(6).toString('base64url');
      while (existsSync(join(mediaDir, id)));
      const dir = join(mediaDir, id);
      mkdirSync(dir, { recursive: true });
      return { id, dir };
    },
    add(id, m) {
      db.run(
        `INSERT INTO songs (id, title, language, genre, vibe, theme, duration_sec, seed, recipient, sender, request, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, m.title, m.language, m.genre, m.vibe, m.theme, m.durationSec, m.seed, m.request.to, m.request.from ?? null, JSON.stringify(m.request), new Date().toISOString()],
      );
      return this.get(id)!;
    },
    get(id) {
      const row = db.get('SELECT * FROM songs WHERE id = ?', [id]) as Row | null;
      return row ? toRecord(row) : undefined;
    },
    list() {
      return (db.all('SELECT * FROM songs ORDER BY created_at, id') as Row[]).map(toRecord);
    },
    count() {
      return Number((db.get('SELECT COUNT(*) AS n FROM songs') as Row).n);
    },
    close() {
      db.close();
    },
  };
}
