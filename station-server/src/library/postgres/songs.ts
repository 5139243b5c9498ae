// Songs in PostgreSQL: pages are keyset queries on (created_at, id) and the next song for a playlist
// is one or two index seeks, never a scan of the library.
import { randomBytes, randomInt } from 'node:crypto';
import type { SongRequest } from '@radio-optimism/shared';
import type { Page, SongKind, SongMatch, SongRecord, SongStore } from '../store.js';
import type { Db, PgRow } from './connection.js';
import { decodeCursor, encodeCursor, pageLimit } from './cursor.js';

const KINDS: readonly SongKind[] = ['song', 'jingle', 'private', 'removed'];
const MATCH_COLUMNS = ['genre', 'vibe', 'language', 'theme', 'relation'] as const;

export function toSong(row: PgRow): SongRecord {
  return {
    id: String(row.id),
    title: String(row.title),
    language: String(row.language),
    genre: String(row.genre),
    vibe: String(row.vibe),
    theme: String(row.theme),
    relation: row.relation === null ? null : String(row.relation),
    durationSec: Number(row.duration_sec),
    seed: Number(row.seed),
    recipient: String(row.recipient),
    sender: row.sender === null ? null : String(row.sender),
    createdAt: String(row.created_at),
    kind: KINDS.includes(row.kind as SongKind) ? (row.kind as SongKind) : 'song',
    request: row.request as SongRequest,
    // 0 is "never" (the column is NOT NULL so the least-aired index orders it first).
    lastAired: Number(row.last_aired_ms) > 0 ? { at: new Date(Number(row.last_aired_ms)).toISOString(), channel: row.last_aired_channel === null || row.last_aired_channel === undefined ? null : String(row.last_aired_channel) } : null,
  };
}

/** Where a seed points in the random keys' range [0, 2^31): a 32-bit mix, so near seeds land far apart. */
export function seedPoint(seed: number): number {
  let h = (seed | 0) ^ 0x9e3779b9;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 1) & 0x7fffffff;
}

/** A random key for a new song (see seedPoint). */
export const randomKey = (): number => randomInt(0, 0x7fffffff);

/** SQL conditions and their parameters, numbered from `params.length + 1`. */
class Where {
  readonly parts: string[] = [];
  /** The rows the conditions apply to. */
  from = 'songs';
  constructor(readonly params: unknown[] = []) {}
  /** A parameter's placeholder. */
  param(value: unknown): string {
    return `$${this.params.push(value)}`;
  }
  add(sql: (p: (value: unknown) => string) => string): this {
    this.parts.push(sql((value) => this.param(value)));
    return this;
  }
  /** Rules of a playlist or a feed: one equality per single value (so the column's index orders the
   *  page), ANY for several; an absent rule matches every song, an empty list none. */
  match(match: SongMatch): this {
    for (const column of MATCH_COLUMNS) {
      const values = match[column];
      if (!values) continue;
      if (values.length === 0) this.add(() => 'FALSE');
      else if (values.length === 1) this.add((p) => `${column} = ${p(values[0])}`);
      else this.add((p) => `${column} = ANY(${p([...values])}::text[])`);
    }
    if (match.since !== undefined) this.add((p) => `created_at >= ${p(match.since)}`);
    if (match.before !== undefined) this.add((p) => `created_at < ${p(match.before)}`);
    if (match.aired !== undefined) this.add(() => (match.aired ? 'last_aired_ms > 0' : 'last_aired_ms = 0'));
    return this;
  }
  get sql(): string {
    return this.parts.length ? this.parts.join(' AND ') : 'TRUE';
  }
}

export function createSongStore(db: Db): SongStore {
  // Prepared (named) statements, except over a playlist's ids: PostgreSQL's generic plan guesses 10
  // rows for `id = ANY($1)` and joined 200 ids to 200 rows in a nested loop, 12 ms a call (probe).
  const one = async (sql: string, params: unknown[], prepared = true): Promise<SongRecord | undefined> => {
    const row = (await (prepared ? db.prepared(sql, params) : db.query(sql, params)))[0];
    return row ? toSong(row) : undefined;
  };
  const store: SongStore = {
    async newId() {
      for (;;) {
        // A song request's id becomes its song's: a fresh id is neither.
        const id = randomBytes(6).toString('base64url');
        if ((await db.query('SELECT 1 FROM songs WHERE id = $1 UNION ALL SELECT 1 FROM song_requests WHERE id = $1', [id])).length === 0) return id;
      }
    },
    async add(id, song, kind) {
      const rows = await db.query(
        `INSERT INTO songs (id, title, language, genre, vibe, theme, relation, duration_sec, seed, recipient, sender, request, created_at, kind, rand)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING *`,
        [id, song.title, song.language, song.genre, song.vibe, song.theme, song.request.relation ?? null, song.durationSec, song.seed, song.request.to, song.request.from ?? null, JSON.stringify(song.request), new Date().toISOString(), kind, randomKey()],
      );
      return toSong(rows[0]!);
    },
    get: (id) => one('SELECT * FROM songs WHERE id = $1', [id]),
    async count(kind = 'song') {
      return Number((await db.query('SELECT COUNT(*) AS n FROM songs WHERE kind = $1', [kind]))[0]!.n);
    },
    async setKind(id, kind) {
      await db.query('UPDATE songs SET kind = $2 WHERE id = $1', [id, kind]);
    },
    async page(kind, match, page) {
      const limit = pageLimit(page.limit);
      const where = new Where().add((p) => `kind = ${p(kind)}`).match(match);
      if (page.cursor !== undefined) {
        const after = decodeCursor(page.cursor);
        where.add((p) => `(created_at, id) < (${p(after.createdAt)}, ${p(after.id)})`);
      }
      const rows = await db.prepared(`SELECT * FROM songs WHERE ${where.sql} ORDER BY created_at DESC, id DESC LIMIT ${where.param(limit + 1)}`, where.params);
      return pageOf(rows.map(toSong), limit);
    },
    async next(query) {
      // One statement, so one round trip, whatever the mode: on a busy machine each round trip is a
      // chance for the server's or this process's thread to wait for a core, and that wait, not the
      // query, made the p99 (bench:store). A fallback (a playlist loops) is a second UNION ALL branch,
      // which PostgreSQL runs only when the first found nothing.
      const where = new Where();
      // A playlist's ids are few: their rows are taken by primary key first (OFFSET 0 keeps the
      // planner from walking a whole-library index instead and filtering it by id).
      if (query.ids) where.from = `(SELECT * FROM songs WHERE id = ANY(${where.param([...query.ids])}::text[]) OFFSET 0) AS songs`;
      where.add((p) => `kind = ${p(query.kind)}`);
      if (query.exclude.length) where.add((p) => `id <> ALL(${p([...query.exclude])}::text[])`);
      if (!query.ids) where.match(query.match);
      const params = where.params;
      const base = where.sql;
      // The first row at or after `from` in `order`, else the first of all.
      const firstFrom = (from: string | undefined, order: string, also = 'TRUE'): Promise<SongRecord | undefined> =>
        one(
          from === undefined
            ? `SELECT * FROM ${where.from} WHERE ${base} AND ${also} ORDER BY ${order} LIMIT 1`
            : `(SELECT * FROM ${where.from} WHERE ${base} AND ${also} AND ${from} ORDER BY ${order} LIMIT 1)
               UNION ALL (SELECT * FROM ${where.from} WHERE ${base} AND ${also} ORDER BY ${order} LIMIT 1) LIMIT 1`,
          params,
          !query.ids,
        );
      if (query.mode === 'normal' && query.ids) {
        // A playlist's own list, in its order: the first candidate placed after `after`, else from the top.
        const afterPos = query.after === undefined ? 0 : query.ids.indexOf(query.after) + 1;
        const row = (await db.query(
          `SELECT songs.* FROM unnest(${where.param([...query.ids])}::text[]) WITH ORDINALITY AS list(listed, pos) JOIN ${where.from} ON songs.id = list.listed
           WHERE ${base} ORDER BY (list.pos <= ${where.param(afterPos)}), list.pos LIMIT 1`,
          params,
        ))[0];
        return row ? toSong(row) : undefined;
      }
      if (query.mode === 'normal') {
        if (query.after === undefined) return firstFrom(undefined, 'created_at, id');
        // The last song's place as two one-row look-ups the planner runs first (InitPlans), so the
        // row comparison stays an index condition; a song that is gone gives NULL: from the top.
        const after = where.param(query.after);
        return firstFrom(`(created_at, id) > ((SELECT created_at FROM songs WHERE id = ${after}), (SELECT id FROM songs WHERE id = ${after}))`, 'created_at, id');
      }
      const point = where.param(seedPoint(query.seed));
      if (query.mode === 'random') return firstFrom(`rand >= ${point}`, 'rand');
      // randomize: the least recently aired (never aired is 0), ties broken by the seed's point.
      const least = `last_aired_ms = (SELECT last_aired_ms FROM ${where.from} WHERE ${base} ORDER BY last_aired_ms LIMIT 1)`;
      return firstFrom(`rand >= ${point}`, 'rand', least);
    },
    async aired(id, channel, atMs) {
      await db.prepared('UPDATE songs SET last_aired_ms = $2, last_aired_channel = $3 WHERE id = $1 AND last_aired_ms <= $2', [id, Math.round(atMs), channel]);
    },
  };
  return store;
}

/** A page of `limit` items from `limit + 1` rows, with the cursor of its last item if more follow. */
export function pageOf<T extends { createdAt: string; id: string }>(rows: T[], limit: number): Page<T> {
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1]!;
  return { items, next: encodeCursor(last) };
}
