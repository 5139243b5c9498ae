// The library's schema, as numbered steps. PRAGMA user_version holds the last step applied; each step
// runs in its own transaction with the version bump, so a kill between steps leaves a file that the
// next start finishes. Never edit a step that has shipped: add the next one.
import type Database from 'better-sqlite3';
import { LibraryError } from './library-error.js';

const MIGRATIONS: readonly { step: number; what: string; sql: string }[] = [
  {
    step: 1,
    // The schema the first versions made ad hoc, with IF NOT EXISTS: a data folder made by them (by
    // node-sqlite3-wasm, user_version 0, same file format) takes this step as a no-op.
    what: 'songs, channel timelines, TVs, phones and dedications',
    sql: `
CREATE TABLE IF NOT EXISTS songs (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, language TEXT NOT NULL, genre TEXT NOT NULL, vibe TEXT NOT NULL,
  theme TEXT NOT NULL, duration_sec REAL NOT NULL, seed INTEGER NOT NULL, recipient TEXT NOT NULL, sender TEXT,
  request TEXT NOT NULL, created_at TEXT NOT NULL, kind TEXT NOT NULL DEFAULT 'song'
);
CREATE INDEX IF NOT EXISTS songs_by_created ON songs (created_at);
CREATE TABLE IF NOT EXISTS air_items (channel TEXT NOT NULL, idx INTEGER NOT NULL, item TEXT NOT NULL, PRIMARY KEY (channel, idx));
CREATE TABLE IF NOT EXISTS tvs (id TEXT PRIMARY KEY, token_hash TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS phones (
  id TEXT PRIMARY KEY, tv_id TEXT NOT NULL, name TEXT NOT NULL, session_hash TEXT NOT NULL UNIQUE, paired_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS dedications (
  id TEXT PRIMARY KEY, phone_id TEXT NOT NULL, tv_id TEXT NOT NULL, target TEXT NOT NULL, request TEXT NOT NULL,
  status TEXT NOT NULL, song_id TEXT, error TEXT, attempts INTEGER NOT NULL DEFAULT 0,
  moderation TEXT NOT NULL DEFAULT 'none', flags TEXT NOT NULL DEFAULT '[]', created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dedications_by_status ON dedications (status);
`,
  },
  {
    step: 2,
    what: 'why a dedication failed, in words (its error column keeps the code)',
    sql: 'ALTER TABLE dedications ADD COLUMN failure TEXT;',
  },
  {
    step: 3,
    // TVs are seen in batches and forgotten when unpaired and unseen; a missing last_seen reads as the
    // TV's creation time. Wrong-code windows outlive a restart so a guesser gets no fresh budget.
    what: 'when each TV was last seen, and the rate-limit windows that keep attacks out',
    sql: `
ALTER TABLE tvs ADD COLUMN last_seen TEXT;
CREATE TABLE limit_windows (kind TEXT NOT NULL, key TEXT NOT NULL, start INTEGER NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (kind, key));
`,
  },
  {
    step: 4,
    // A song the API answered 202 for is kept until it is made or has failed, so a restart makes it.
    what: 'song requests accepted through the API and not yet made',
    sql: 'CREATE TABLE song_requests (id TEXT PRIMARY KEY, request TEXT NOT NULL, created_at TEXT NOT NULL);',
  },
  {
    step: 5,
    // Lists are read a page at a time (keyset on created_at, id) and the next song of a playlist is
    // one indexed query: the feed's filters and the rotation's rules each have an index. `rnd` is a
    // stored random key, so a seeded random pick is a range look-up, not a shuffle of every row.
    // Song requests remember their queue class, so the starter catalog resumes like an operator's song.
    what: 'paged lists, the next song by index, and the class of an accepted song request',
    sql: `
ALTER TABLE songs ADD COLUMN relation TEXT;
UPDATE songs SET relation = json_extract(request, '$.relation');
ALTER TABLE songs ADD COLUMN last_aired_ms INTEGER;
ALTER TABLE songs ADD COLUMN rnd INTEGER NOT NULL DEFAULT 0;
UPDATE songs SET rnd = abs(random() % 2147483648);
CREATE INDEX songs_page ON songs (kind, created_at DESC, id DESC);
CREATE INDEX songs_page_language ON songs (kind, language, created_at DESC, id DESC);
CREATE INDEX songs_page_theme ON songs (kind, theme, created_at DESC, id DESC);
CREATE INDEX songs_page_relation ON songs (kind, relation, created_at DESC, id DESC);
CREATE INDEX songs_random ON songs (kind, rnd);
CREATE INDEX songs_least_aired ON songs (kind, last_aired_ms, rnd);
ALTER TABLE song_requests ADD COLUMN priority TEXT NOT NULL DEFAULT 'operator';
CREATE INDEX dedications_moderation ON dedications (moderation, status, created_at, id);
CREATE INDEX dedications_by_phone ON dedications (phone_id, created_at);
`,
  },
  {
    step: 6,
    // Sessions are kept by the SHA-256 of their token (a stolen file signs nobody in); the audit log
    // is read newest first a page at a time.
    what: "operators' accounts, their sessions and the audit log",
    sql: `
CREATE TABLE operators (name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE operator_sessions (token_hash TEXT PRIMARY KEY, name TEXT NOT NULL, expires_at_ms INTEGER NOT NULL, last_seen_ms INTEGER NOT NULL);
CREATE INDEX operator_sessions_by_name ON operator_sessions (name);
CREATE INDEX operator_sessions_by_expiry ON operator_sessions (expires_at_ms);
CREATE TABLE audit_log (id TEXT PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT, before_json TEXT, after_json TEXT);
CREATE INDEX audit_log_page ON audit_log (at DESC, id DESC);
`,
  },
  {
    step: 7,
    // A takedown keeps the files for a while (a mistake can be undone); the purge finds the due ones by index.
    what: 'songs taken down by moderators, restorable until their files are purged',
    sql: `
CREATE TABLE takedowns (song_id TEXT PRIMARY KEY, kind_before TEXT NOT NULL, by_name TEXT NOT NULL, at_ms INTEGER NOT NULL, purged_at_ms INTEGER);
CREATE INDEX takedowns_due ON takedowns (at_ms) WHERE purged_at_ms IS NULL;
`,
  },
  {
    step: 8,
    // A day of one metric per row, its minutes packed (stat-buckets.ts): a year takes a few MB.
    what: 'listener and song statistics in minute buckets',
    sql: 'CREATE TABLE stat_buckets (metric TEXT NOT NULL, day INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (metric, day)) WITHOUT ROWID;',
  },
  {
    step: 9,
    // Deliveries are stored before they are tried, so a restart retries what was due; the log is read
    // newest first a page at a time.
    what: 'webhooks and their deliveries',
    sql: `
CREATE TABLE webhooks (id TEXT PRIMARY KEY, url TEXT NOT NULL, events TEXT NOT NULL, format TEXT NOT NULL, secret TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE webhook_deliveries (id TEXT PRIMARY KEY, hook_id TEXT NOT NULL, event TEXT NOT NULL, body TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL, next_at_ms INTEGER NOT NULL, last_status INTEGER, last_error TEXT, created_at TEXT NOT NULL);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_at_ms) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_page ON webhook_deliveries (created_at DESC, id DESC);
CREATE INDEX webhook_deliveries_by_hook ON webhook_deliveries (hook_id, created_at DESC, id DESC);
`,
  },
  {
    step: 10,
    // The feed filtered by two or three of language, theme and relation walked one filter's index and
    // skipped the rest (p99 81-101 ms at a million songs): a pair index finds them in page order, and
    // a third filter then skips few rows. The songs' indexes are measured again together: statistics
    // for some indexes and not the new ones made SQLite pick a pair index for the unfiltered feed and
    // sort a million rows. (Steps 8 and 9 are other features' tables.)
    what: "the feed's combined filters by index",
    sql: `
CREATE INDEX IF NOT EXISTS songs_page_language_theme ON songs (kind, language, theme, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS songs_page_language_relation ON songs (kind, language, relation, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS songs_page_theme_relation ON songs (kind, theme, relation, created_at DESC, id DESC);
ANALYZE songs;
`,
  },
  {
    step: 11,
    what: 'the channel a song last aired on, for the console\'s library',
    sql: 'ALTER TABLE songs ADD COLUMN last_aired_channel TEXT;',
  },
  {
    step: 12,
    // Approved radio dedications wait here until a channel's leader airs them (marked, so once only,
    // whoever leads); pairing codes live here so any instance, or a restarted one, can redeem them once.
    what: 'the channels\' air queues and the TVs\' pairing codes',
    sql: `
CREATE TABLE air_queue (channel TEXT NOT NULL, song_id TEXT NOT NULL, queued_ms INTEGER NOT NULL, aired_ms INTEGER, PRIMARY KEY (channel, song_id)) WITHOUT ROWID;
CREATE INDEX air_queue_waiting ON air_queue (channel, queued_ms) WHERE aired_ms IS NULL;
CREATE TABLE pairing_codes (code TEXT PRIMARY KEY, tv_id TEXT NOT NULL, expires_ms INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX pairing_codes_by_tv ON pairing_codes (tv_id);
CREATE INDEX pairing_codes_by_expiry ON pairing_codes (expires_ms);
`,
  },
  {
    step: 13,
    // Which takes belong together, so a restart while a phone is choosing keeps its takes; and whether
    // a dedication's TV played it, for the phone's catch-up.
    what: "a phone's takes of one request; dedications played on their TV",
    sql: `
ALTER TABLE dedications ADD COLUMN played_on_tv INTEGER NOT NULL DEFAULT 0;
CREATE TABLE take_groups (id TEXT PRIMARY KEY, phone_id TEXT NOT NULL, request TEXT NOT NULL, created_at_ms INTEGER NOT NULL);
CREATE INDEX take_groups_by_age ON take_groups (created_at_ms);
CREATE TABLE takes (song_id TEXT PRIMARY KEY, group_id TEXT NOT NULL, n INTEGER NOT NULL, seed INTEGER NOT NULL, sent_tv INTEGER NOT NULL DEFAULT 0, sent_radio INTEGER NOT NULL DEFAULT 0, UNIQUE (group_id, n));
`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.step;

export function migrate(db: Database.Database, file: string): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > SCHEMA_VERSION) {
    throw new LibraryError('schema-too-new', `${file} was written by a newer station (schema ${version}; this one knows ${SCHEMA_VERSION}): run the newer version or restore a backup`);
  }
  for (const m of MIGRATIONS) {
    if (m.step <= version) continue;
    // IMMEDIATE takes the write lock first; the version is read again under it, in case another
    // process opening the same file took this step meanwhile.
    db.transaction(() => {
      if (Number(db.pragma('user_version', { simple: true })) >= m.step) return;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.step}`);
    }).immediate();
  }
}
