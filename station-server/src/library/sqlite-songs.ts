// Songs in the SQLite file: added durably, listed a page at a time by keyset, and the next song of a
// playlist chosen by one indexed query (never a scan of the library).
import { randomBytes, randomInt } from 'node:crypto';
import type { SongRequest } from '@radio-optimism/shared';
import type { Param, Row, SqliteDatabase } from './sqlite.js';
import type { NextSongQuery, SongKind, SongMatch, SongRecord, SongStore } from './store.js';
import { decodeCursor, encodeCursor, pageLimit } from './page-cursor.js';

const MATCH_COLUMNS = ['genre', 'vibe', 'language', 'theme', 'relation'] as const;

export const toSongRecord = (row: Row): SongRecord => ({
  id: String(row.id),
  title: String(row.title),
  language: String(row.language),
  genre: String(row.genre),
  vibe: String(row.vibe),
  theme: String(row.theme),
  relation: row.relation === null || row.relation === undefined ? null : String(row.relation),
  durationSec: Number(row.duration_sec),
  seed: Number(row.seed),
  recipient: String(row.recipient),
  sender: row.sender === null ? null : String(row.sender),
  createdAt: String(row.created_at),
  kind: row.kind === 'jingle' || row.kind === 'private' || row.kind === 'removed' ? row.kind : 'song',
  request: JSON.parse(String(row.request)) as SongRequest,
  lastAired: row.last_aired_ms === null || row.last_aired_ms === undefined ? null : { at: new Date(Number(row.last_aired_ms)).toISOString(), channel: row.last_aired_channel === null || row.last_aired_channel === undefined ? null : String(row.last_aired_channel) },
});

/** `AND column IN (…)` for each rule present; lists go in as one JSON parameter, so statements stay few.
 *  One value is `column = ?`: only then does SQLite walk a two-column index (the feed's filters, see
 *  migration 10) in `created_at` order; with a list it cannot know there is one value, and scans. */
export function matchSql(match: SongMatch, options: { filterOnly?: boolean } = {}): { sql: string; params: Param[] } {
  let sql = '';
  const params: Param[] = [];
  for (const name of MATCH_COLUMNS) {
    const values = match[name];
    if (!values) continue;
    // `+column` is SQLite's way to say "no index for this term": a filter on the rows walked.
    const column = options.filterOnly ? `+${name}` : name;
    if (values.length === 1) {
      sql += ` AND ${column} = ?`;
      params.push(values[0]!);
      continue;
    }
    sql += ` AND ${column} IN (SELECT value FROM json_each(?))`;
    params.push(JSON.stringify(values));
  }
  // created_at is ISO 8601 UTC text, so text order is time order.
  if (match.since !== undefined) (sql += ' AND created_at >= ?'), params.push(match.since);
  if (match.before !== undefined) (sql += ' AND created_at < ?'), params.push(match.before);
  if (match.aired !== undefined) sql += match.aired ? ' AND last_aired_ms IS NOT NULL' : ' AND last_aired_ms IS NULL';
  return { sql, params };
}

/** One page of songs, newest first, after a keyset cursor (exported so a test can read its plan). */
export function pageQuery(kind: SongKind, match: SongMatch, after: { createdAt: string; id: string } | undefined, limit: number): { sql: string; params: Param[] } {
  const m = matchSql(match);
  return {
    sql: `SELECT * FROM songs WHERE kind = ?${m.sql}${after ? ' AND (created_at, id) < (?, ?)' : ''} ORDER BY created_at DESC, id DESC LIMIT ?`,
    params: [kind, ...m.params, ...(after ? [after.createdAt, after.id] : []), limit],
  };
}

/** A point in the `rnd` key space for a seed (a 32-bit mix, so nearby seeds land far apart). */
function seedPoint(seed: number): number {
  let h = (seed | 0) ^ 0x9e3779b9;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 1;
}

export interface SqliteSongsOptions {
  /** A write the disk refused that only feeds bookkeeping (`aired`): logged, not thrown. */
  skipped(what: string, error: unknown): void;
}

export function createSqliteSongs(db: SqliteDatabase, options: SqliteSongsOptions): SongStore {
  const get = (id: string): SongRecord | undefined => {
    const row = db.get('SELECT * FROM songs WHERE id = ?', [id]);
    return row ? toSongRecord(row) : undefined;
  };
  const one = (sql: string, params: Param[]): SongRecord | undefined => {
    const row = db.get(sql, params);
    return row ? toSongRecord(row) : undefined;
  };

  function nextSong(q: NextSongQuery): SongRecord | undefined {
    const exclude = JSON.stringify(q.exclude);
    if (q.ids) {
      // An explicit list is short (a playlist file): one primary-key look-up per id, its order kept here.
      // Not one `IN (json_each)` query: on a connection whose statistics predate a big fill, SQLite
      // planned that as a walk of the kind index, a million rows per call (bench:store stalled on it).
      const skip = new Set(q.exclude);
      const byId = new Map<string, Row>();
      for (const id of new Set(q.ids)) {
        if (skip.has(id)) continue;
        const row = db.get('SELECT * FROM songs WHERE id = ?', [id]);
        if (row && row.kind === q.kind) byId.set(id, row);
      }
      const order = q.ids.filter((id) => byId.has(id));
      if (order.length === 0) return undefined;
      let start = 0;
      if (q.mode === 'normal') start = q.after ? q.ids.indexOf(q.after) + 1 : 0;
      else if (q.mode === 'random') start = seedPoint(q.seed) % q.ids.length;
      else {
        const aired = (id: string) => Number(byId.get(id)!.last_aired_ms ?? -1);
        const least = Math.min(...order.map(aired));
        const tied = order.filter((id) => aired(id) === least);
        return toSongRecord(byId.get(tied[seedPoint(q.seed) % tied.length]!)!);
      }
      for (let k = 0; k < q.ids.length; k++) {
        const id = q.ids[(start + k) % q.ids.length]!;
        if (byId.has(id)) return toSongRecord(byId.get(id)!);
      }
      return undefined;
    }
    // The random orders walk their own index (kind, rnd) or (kind, last_aired_ms, rnd) from the seed's
    // point and filter the rows they pass, a few hundred for a rare rule. With statistics (ANALYZE; a
    // connection opened after it), SQLite preferred a rule's index and sorted every row it matched:
    // 0.1-1.3 s a song at a million songs (store-probe). The rules are filters there, never an index.
    const m = matchSql(q.match, { filterOnly: q.mode !== 'normal' });
    const where = `kind = ?${m.sql} AND id NOT IN (SELECT value FROM json_each(?))`;
    const base: Param[] = [q.kind, ...m.params, exclude];
    if (q.mode === 'normal') {
      // Oldest first, after the last one aired; round again from the oldest at the end.
      const after = q.after ? db.get('SELECT created_at, id FROM songs WHERE id = ?', [q.after]) : undefined;
      if (after) {
        const found = one(`SELECT * FROM songs WHERE ${where} AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT 1`, [...base, String(after.created_at), String(after.id)]);
        if (found) return found;
      }
      return one(`SELECT * FROM songs WHERE ${where} ORDER BY created_at, id LIMIT 1`, base);
    }
    const point = seedPoint(q.seed);
    if (q.mode === 'random') {
      return one(`SELECT * FROM songs WHERE ${where} AND rnd >= ? ORDER BY rnd LIMIT 1`, [...base, point]) ?? one(`SELECT * FROM songs WHERE ${where} ORDER BY rnd LIMIT 1`, base);
    }
    // randomize: the least recently aired (never aired first), ties in the seed's order.
    const least = db.get(`SELECT last_aired_ms FROM songs WHERE ${where} ORDER BY last_aired_ms LIMIT 1`, base);
    if (!least) return undefined;
    const aired = least.last_aired_ms === null ? null : Number(least.last_aired_ms);
    const tie = `${where} AND last_aired_ms IS ?`;
    return one(`SELECT * FROM songs WHERE ${tie} AND rnd >= ? ORDER BY rnd LIMIT 1`, [...base, aired, point]) ?? one(`SELECT * FROM songs WHERE ${tie} ORDER BY rnd LIMIT 1`, [...base, aired]);
  }

  return {
    async newId() {
      let id: string;
      do id = randomBytes(6).toString('base64url');
      while (db.get('SELECT 1 AS x FROM songs WHERE id = ? UNION ALL SELECT 1 FROM song_requests WHERE id = ?', [id, id]));
      return id;
    },
    async add(id, s, kind) {
      db.durable(() =>
        db.run(
          `INSERT INTO songs (id, title, language, genre, vibe, theme, relation, duration_sec, seed, recipient, sender, request, created_at, kind, rnd)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [id, s.title, s.language, s.genre, s.vibe, s.theme, s.request.relation ?? null, s.durationSec, s.seed, s.request.to, s.request.from ?? null, JSON.stringify(s.request), new Date().toISOString(), kind, randomInt(0, 2 ** 31 - 1)],
        ),
      );
      return get(id)!;
    },
    get: async (id) => get(id),
    count: async (kind: SongKind = 'song') => Number(db.get('SELECT COUNT(*) AS n FROM songs WHERE kind = ?', [kind])!.n),
    async setKind(id, kind) {
      db.durable(() => db.run('UPDATE songs SET kind = ? WHERE id = ?', [kind, id]));
    },
    async page(kind, match, page) {
      const limit = pageLimit(page.limit);
      const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
      const q = pageQuery(kind, match, after, limit + 1);
      const rows = db.all(q.sql, q.params);
      const items = rows.slice(0, limit).map(toSongRecord);
      const last = items[items.length - 1];
      return rows.length > limit && last ? { items, next: encodeCursor(last) } : { items };
    },
    next: async (query) => nextSong(query),
    async aired(id, channel, atMs) {
      try {
        db.run('UPDATE songs SET last_aired_ms = ?, last_aired_channel = ? WHERE id = ?', [Math.round(atMs), channel, id]);
      } catch (error) {
        options.skipped(`when ${id} aired`, error);
      }
    },
  };
}
