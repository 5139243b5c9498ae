// The store's schema in PostgreSQL, as numbered steps (the same entities as the SQLite steps, in this
// dialect). schema_migrations holds the steps applied; each step runs in its own transaction with its
// row, under a transaction-scoped advisory lock, so two stations starting at once apply each step
// once and a kill between steps leaves a database the next start finishes. Never edit a step that
// has shipped: add the next one.
import { LibraryError } from '../library-error.js';
import type { Db } from './connection.js';

// Ids and ISO times are compared byte by byte (COLLATE "C"): keyset pages and their indexes then
// order them the same way whatever the database's locale is.
const MIGRATIONS: readonly { step: number; what: string; sql: string }[] = [
  {
    step: 1,
    // rand is a random key drawn once per song: a seeded pick is "the first key at or after a point
    // drawn from the seed", one index seek, repeatable while the rows stay the same.
    what: 'songs, with what the feed filters by and what playlists pick by',
    sql: `
CREATE TABLE songs (
  id TEXT COLLATE "C" PRIMARY KEY, title TEXT NOT NULL, language TEXT NOT NULL, genre TEXT NOT NULL, vibe TEXT NOT NULL,
  theme TEXT NOT NULL, relation TEXT, duration_sec DOUBLE PRECISION NOT NULL, seed BIGINT NOT NULL, recipient TEXT NOT NULL,
  sender TEXT, request JSONB NOT NULL, created_at TEXT COLLATE "C" NOT NULL, kind TEXT NOT NULL,
  last_aired_ms BIGINT NOT NULL DEFAULT 0, last_aired_channel TEXT, rand INTEGER NOT NULL
);
CREATE INDEX songs_by_kind_created ON songs (kind, created_at, id);
CREATE INDEX songs_by_kind_language ON songs (kind, language, created_at, id);
CREATE INDEX songs_by_kind_theme ON songs (kind, theme, created_at, id);
CREATE INDEX songs_by_kind_relation ON songs (kind, relation, created_at, id);
CREATE INDEX songs_by_kind_genre ON songs (kind, genre, created_at, id);
CREATE INDEX songs_by_kind_vibe ON songs (kind, vibe, created_at, id);
CREATE INDEX songs_by_kind_rand ON songs (kind, rand);
CREATE INDEX songs_by_kind_aired ON songs (kind, last_aired_ms, rand);
`,
  },
  {
    step: 2,
    what: "channels' timelines",
    sql: 'CREATE TABLE air_items (channel TEXT NOT NULL, idx BIGINT NOT NULL, item JSONB NOT NULL, PRIMARY KEY (channel, idx));',
  },
  {
    step: 3,
    // Tokens and sessions are kept only as SHA-256 hashes: a copy of the database cannot pair.
    what: 'TVs and the phones paired with them',
    sql: `
CREATE TABLE tvs (id TEXT PRIMARY KEY, token_hash TEXT NOT NULL, created_ms BIGINT NOT NULL, last_seen_ms BIGINT NOT NULL);
CREATE INDEX tvs_by_last_seen ON tvs (last_seen_ms);
CREATE TABLE phones (
  id TEXT PRIMARY KEY, tv_id TEXT NOT NULL, name TEXT NOT NULL, session_hash TEXT NOT NULL UNIQUE, paired_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX phones_by_tv ON phones (tv_id, paired_at);
`,
  },
  {
    step: 4,
    what: 'dedications, with the moderation queue and the on-air wall',
    sql: `
CREATE TABLE dedications (
  id TEXT COLLATE "C" PRIMARY KEY, phone_id TEXT NOT NULL, tv_id TEXT NOT NULL, target TEXT NOT NULL, request JSONB NOT NULL,
  status TEXT NOT NULL, song_id TEXT, error TEXT, failure TEXT, attempts INTEGER NOT NULL DEFAULT 0,
  moderation TEXT NOT NULL DEFAULT 'none', flags JSONB NOT NULL DEFAULT '[]', created_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX dedications_by_phone ON dedications (phone_id, created_at, id);
CREATE INDEX dedications_unfinished ON dedications (created_at, id) WHERE status IN ('queued', 'composing');
CREATE INDEX dedications_to_moderate ON dedications (created_at, id) WHERE moderation = 'pending' AND status = 'ready';
CREATE INDEX dedications_on_air ON dedications (created_at, id) WHERE moderation = 'approved';
`,
  },
  {
    step: 5,
    what: 'song requests accepted through the API and not yet made, and the rate-limit windows that keep attacks out',
    sql: `
CREATE TABLE song_requests (id TEXT COLLATE "C" PRIMARY KEY, request JSONB NOT NULL, priority TEXT NOT NULL, created_at TEXT COLLATE "C" NOT NULL);
CREATE INDEX song_requests_by_created ON song_requests (created_at, id);
CREATE TABLE limit_windows (kind TEXT NOT NULL, key TEXT NOT NULL, start BIGINT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (kind, key));
CREATE INDEX limit_windows_by_start ON limit_windows (kind, start);
`,
  },
  {
    step: 6,
    what: "operators' accounts, their sessions and the audit log",
    sql: `
CREATE TABLE operators (name TEXT COLLATE "C" PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT COLLATE "C" NOT NULL, updated_at TEXT COLLATE "C" NOT NULL);
CREATE TABLE operator_sessions (token_hash TEXT COLLATE "C" PRIMARY KEY, name TEXT COLLATE "C" NOT NULL REFERENCES operators (name) ON DELETE CASCADE, expires_at_ms BIGINT NOT NULL, last_seen_ms BIGINT NOT NULL);
CREATE INDEX operator_sessions_by_name ON operator_sessions (name);
CREATE INDEX operator_sessions_by_expiry ON operator_sessions (expires_at_ms);
CREATE TABLE audit_log (id TEXT COLLATE "C" PRIMARY KEY, at TEXT COLLATE "C" NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT, before_json JSONB, after_json JSONB);
CREATE INDEX audit_log_page ON audit_log (at DESC, id DESC);
`,
  },
  {
    step: 7,
    what: 'songs taken down by moderators, restorable until their files are purged',
    sql: `
CREATE TABLE takedowns (song_id TEXT COLLATE "C" PRIMARY KEY, kind_before TEXT NOT NULL, by_name TEXT NOT NULL, at_ms BIGINT NOT NULL, purged_at_ms BIGINT);
CREATE INDEX takedowns_due ON takedowns (at_ms) WHERE purged_at_ms IS NULL;
`,
  },
  {
    step: 8,
    what: 'listener and song statistics in minute buckets',
    sql: 'CREATE TABLE stat_buckets (metric TEXT COLLATE "C" NOT NULL, day INTEGER NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (metric, day));',
  },
  {
    step: 9,
    what: 'webhooks and their deliveries',
    sql: `
CREATE TABLE webhooks (id TEXT COLLATE "C" PRIMARY KEY, url TEXT NOT NULL, events JSONB NOT NULL, format TEXT NOT NULL, secret TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT COLLATE "C" NOT NULL);
CREATE TABLE webhook_deliveries (id TEXT COLLATE "C" PRIMARY KEY, hook_id TEXT COLLATE "C" NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE, event TEXT NOT NULL, body TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL, next_at_ms BIGINT NOT NULL, last_status INTEGER, last_error TEXT, created_at TEXT COLLATE "C" NOT NULL);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_at_ms) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_page ON webhook_deliveries (created_at DESC, id DESC);
CREATE INDEX webhook_deliveries_by_hook ON webhook_deliveries (hook_id, created_at DESC, id DESC);
`,
  },
  {
    step: 10,
    what: 'the channels\' air queues and the TVs\' pairing codes',
    sql: `
CREATE TABLE air_queue (channel TEXT COLLATE "C" NOT NULL, song_id TEXT COLLATE "C" NOT NULL, queued_ms BIGINT NOT NULL, aired_ms BIGINT, PRIMARY KEY (channel, song_id));
CREATE INDEX air_queue_waiting ON air_queue (channel, queued_ms) WHERE aired_ms IS NULL;
CREATE TABLE pairing_codes (code TEXT COLLATE "C" PRIMARY KEY, tv_id TEXT COLLATE "C" NOT NULL, expires_ms BIGINT NOT NULL);
CREATE INDEX pairing_codes_by_tv ON pairing_codes (tv_id);
CREATE INDEX pairing_codes_by_expiry ON pairing_codes (expires_ms);
`,
  },
  {
    step: 11,
    what: "a phone's takes of one request; dedications played on their TV",
    sql: `
ALTER TABLE dedications ADD COLUMN played_on_tv BOOLEAN NOT NULL DEFAULT false;
CREATE TABLE take_groups (id TEXT COLLATE "C" PRIMARY KEY, phone_id TEXT COLLATE "C" NOT NULL, request JSONB NOT NULL, created_at_ms BIGINT NOT NULL);
CREATE INDEX take_groups_by_age ON take_groups (created_at_ms);
CREATE TABLE takes (song_id TEXT COLLATE "C" PRIMARY KEY, group_id TEXT COLLATE "C" NOT NULL REFERENCES take_groups (id) ON DELETE CASCADE, n INTEGER NOT NULL, seed BIGINT NOT NULL, sent_tv BOOLEAN NOT NULL DEFAULT false, sent_radio BOOLEAN NOT NULL DEFAULT false, UNIQUE (group_id, n));
`,
  },
];

export const PG_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.step;

// One number for "the station's schema" in pg_advisory_xact_lock; any constant that other software
// on the same database is unlikely to use.
const LOCK_KEY = 7_263_011_301;

/** Applies the steps this database lacks; refuses one written by a newer station. */
export async function migratePostgres(db: Db, log: (line: string) => void): Promise<void> {
  for (;;) {
    const done = await db.transaction(async (q) => {
      // Serialises concurrent starters; released with the transaction.
      await q('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      await q('CREATE TABLE IF NOT EXISTS schema_migrations (step INTEGER PRIMARY KEY, what TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const version = Number((await q('SELECT COALESCE(MAX(step), 0) AS v FROM schema_migrations'))[0]!.v);
      if (version > PG_SCHEMA_VERSION) {
        throw new LibraryError('schema-too-new', `PostgreSQL at ${db.where} was written by a newer station (schema ${version}; this one knows ${PG_SCHEMA_VERSION}): run the newer version or restore a backup`);
      }
      const next = MIGRATIONS.find((m) => m.step > version);
      if (!next) return true;
      await q(next.sql);
      await q('INSERT INTO schema_migrations (step, what) VALUES ($1, $2)', [next.step, next.what]);
      log(`store: PostgreSQL schema step ${next.step} applied (${next.what})`);
      return false;
    });
    if (done) return;
  }
}
