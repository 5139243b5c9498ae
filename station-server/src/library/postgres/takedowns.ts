// Takedowns in PostgreSQL: the song's kind and its takedown row change in one transaction.
import type { TakedownRecord, TakedownStore } from '../store.js';
import { toKind } from '../takedown-store.js';
import type { Db, PgRow } from './connection.js';

const toTakedown = (r: PgRow): TakedownRecord => ({ songId: String(r.song_id), kindBefore: toKind(r.kind_before), by: String(r.by_name), atMs: Number(r.at_ms), purgedAtMs: r.purged_at_ms === null ? null : Number(r.purged_at_ms) });

export function createTakedownStore(db: Db): TakedownStore {
  return {
    takeDown: (songId, by, atMs) =>
      db.transaction(async (q) => {
        const [song] = await q('SELECT kind FROM songs WHERE id = $1 FOR UPDATE', [songId]);
        if (!song || song.kind === 'removed') return undefined;
        const [row] = await q(
          `INSERT INTO takedowns (song_id, kind_before, by_name, at_ms, purged_at_ms) VALUES ($1, $2, $3, $4, NULL)
           ON CONFLICT (song_id) DO UPDATE SET kind_before = EXCLUDED.kind_before, by_name = EXCLUDED.by_name, at_ms = EXCLUDED.at_ms, purged_at_ms = NULL RETURNING *`,
          [songId, String(song.kind), by, atMs],
        );
        await q("UPDATE songs SET kind = 'removed' WHERE id = $1", [songId]);
        return toTakedown(row!);
      }),
    restore: (songId) =>
      db.transaction(async (q) => {
        const [row] = await q('DELETE FROM takedowns WHERE song_id = $1 AND purged_at_ms IS NULL RETURNING *', [songId]);
        if (!row) return undefined;
        const t = toTakedown(row);
        await q('UPDATE songs SET kind = $2 WHERE id = $1', [songId, t.kindBefore]);
        return t;
      }),
    async get(songId) {
      const [row] = await db.query('SELECT * FROM takedowns WHERE song_id = $1', [songId]);
      return row && toTakedown(row);
    },
    async due(beforeMs, limit) {
      return (await db.query('SELECT * FROM takedowns WHERE purged_at_ms IS NULL AND at_ms < $1 ORDER BY at_ms LIMIT $2', [beforeMs, limit])).map(toTakedown);
    },
    async purged(songId, atMs) {
      await db.query('UPDATE takedowns SET purged_at_ms = $2 WHERE song_id = $1', [songId, atMs]);
    },
  };
}
