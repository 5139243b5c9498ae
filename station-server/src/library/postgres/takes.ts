// A phone's takes in PostgreSQL: which songs are takes of one request, their seeds, and where each
// was sent. A take is numbered and counted under its group's row lock, so two at once cannot pass the cap.
import type { SongRequest } from '@radio-optimism/shared';
import type { TakeGroupRecord, TakeRecord, TakeStore } from '../store.js';
import type { Db, PgRow } from './connection.js';

const toTake = (r: PgRow): TakeRecord => ({
  songId: String(r.song_id),
  n: Number(r.n),
  seed: Number(r.seed),
  sent: [...(r.sent_tv ? (['tv'] as const) : []), ...(r.sent_radio ? (['radio'] as const) : [])],
});

export function createTakeStore(db: Db): TakeStore {
  const group = async (id: string): Promise<TakeGroupRecord | undefined> => {
    const [g] = await db.query('SELECT * FROM take_groups WHERE id = $1', [id]);
    if (!g) return undefined;
    const takes = (await db.query('SELECT * FROM takes WHERE group_id = $1 ORDER BY n', [id])).map(toTake);
    return { id: String(g.id), phoneId: String(g.phone_id), request: g.request as SongRequest, createdAtMs: Number(g.created_at_ms), takes };
  };
  return {
    async addGroup(g, atMs) {
      await db.query('INSERT INTO take_groups (id, phone_id, request, created_at_ms) VALUES ($1, $2, $3, $4)', [g.id, g.phoneId, JSON.stringify(g.request), atMs]);
      return (await group(g.id))!;
    },
    addTake: (groupId, songId, seed, max) =>
      db.transaction(async (q) => {
        const [g] = await q('SELECT id FROM take_groups WHERE id = $1 FOR UPDATE', [groupId]);
        if (!g) return undefined;
        const [row] = await q('SELECT COALESCE(MAX(n), 0) AS n, COUNT(*) AS c FROM takes WHERE group_id = $1', [groupId]);
        if (Number(row!.c) >= max) return undefined;
        const n = Number(row!.n) + 1;
        await q('INSERT INTO takes (song_id, group_id, n, seed) VALUES ($1, $2, $3, $4)', [songId, groupId, n, seed]);
        return { songId, n, seed, sent: [] };
      }),
    async removeTake(songId) {
      await db.query('DELETE FROM takes WHERE song_id = $1', [songId]);
    },
    get: (id) => group(id),
    async groupOf(songId) {
      const [t] = await db.query('SELECT group_id FROM takes WHERE song_id = $1', [songId]);
      return t ? group(String(t.group_id)) : undefined;
    },
    async markSent(songId, target) {
      const column = target === 'tv' ? 'sent_tv' : 'sent_radio';
      return (await db.query(`UPDATE takes SET ${column} = true WHERE song_id = $1 AND NOT ${column} RETURNING song_id`, [songId])).length > 0;
    },
    async expire(beforeMs) {
      // Their takes go with them (ON DELETE CASCADE).
      return (await db.query('DELETE FROM take_groups WHERE created_at_ms < $1 RETURNING id', [beforeMs])).length;
    },
  };
}
