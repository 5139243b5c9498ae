// A phone's takes in the SQLite file: which songs are takes of one request, their seeds, and where
// each was sent, so a restart while the phone is choosing keeps them.
import type { SongRequest } from '@radio-optimism/shared';
import type { Row, SqliteDatabase } from './sqlite.js';
import type { TakeGroupRecord, TakeRecord, TakeStore } from './store.js';

export const toTake = (r: Row): TakeRecord => ({
  songId: String(r.song_id),
  n: Number(r.n),
  seed: Number(r.seed),
  sent: [...(r.sent_tv ? (['tv'] as const) : []), ...(r.sent_radio ? (['radio'] as const) : [])],
});

export function createSqliteTakes(db: SqliteDatabase): TakeStore {
  const group = (id: string): TakeGroupRecord | undefined => {
    const g = db.get('SELECT * FROM take_groups WHERE id = ?', [id]);
    if (!g) return undefined;
    const takes = db.all('SELECT * FROM takes WHERE group_id = ? ORDER BY n', [id]).map(toTake);
    return { id: String(g.id), phoneId: String(g.phone_id), request: JSON.parse(String(g.request)) as SongRequest, createdAtMs: Number(g.created_at_ms), takes };
  };
  return {
    async addGroup(g, atMs) {
      db.durable(() => db.run('INSERT INTO take_groups (id, phone_id, request, created_at_ms) VALUES (?, ?, ?, ?)', [g.id, g.phoneId, JSON.stringify(g.request), atMs]));
      return group(g.id)!;
    },
    async addTake(groupId, songId, seed, max) {
      const n = db.durable(() => {
        if (!db.get('SELECT 1 AS x FROM take_groups WHERE id = ?', [groupId])) return undefined;
        const row = db.get('SELECT COALESCE(MAX(n), 0) AS n, COUNT(*) AS c FROM takes WHERE group_id = ?', [groupId])!;
        const last = Number(row.n);
        if (Number(row.c) >= max) return undefined;
        db.run('INSERT INTO takes (song_id, group_id, n, seed) VALUES (?, ?, ?, ?)', [songId, groupId, last + 1, seed]);
        return last + 1;
      });
      return n === undefined ? undefined : { songId, n, seed, sent: [] };
    },
    async removeTake(songId) {
      db.durable(() => db.run('DELETE FROM takes WHERE song_id = ?', [songId]));
    },
    get: async (id) => group(id),
    async groupOf(songId) {
      const t = db.get('SELECT group_id FROM takes WHERE song_id = ?', [songId]);
      return t ? group(String(t.group_id)) : undefined;
    },
    async markSent(songId, target) {
      const column = target === 'tv' ? 'sent_tv' : 'sent_radio';
      return db.durable(() => {
        if (!db.get(`SELECT 1 AS x FROM takes WHERE song_id = ? AND ${column} = 0`, [songId])) return false;
        db.run(`UPDATE takes SET ${column} = 1 WHERE song_id = ?`, [songId]);
        return true;
      });
    },
    async expire(beforeMs) {
      return db.transaction(() => {
        const gone = Number(db.get('SELECT COUNT(*) AS c FROM take_groups WHERE created_at_ms < ?', [beforeMs])!.c);
        if (gone === 0) return 0;
        db.run('DELETE FROM takes WHERE group_id IN (SELECT id FROM take_groups WHERE created_at_ms < ?)', [beforeMs]);
        db.run('DELETE FROM take_groups WHERE created_at_ms < ?', [beforeMs]);
        return gone;
      });
    },
  };
}
