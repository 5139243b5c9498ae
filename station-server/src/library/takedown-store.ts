// Takedowns in the SQLite file: the song's kind and its takedown row change in one durable transaction.
import type { Row, SqliteDatabase } from './sqlite.js';
import type { SongKind, TakedownRecord, TakedownStore } from './store.js';

export const toKind = (value: unknown): SongKind => (value === 'jingle' || value === 'private' ? value : 'song');

const toTakedown = (r: Row): TakedownRecord => ({ songId: String(r.song_id), kindBefore: toKind(r.kind_before), by: String(r.by_name), atMs: Number(r.at_ms), purgedAtMs: r.purged_at_ms === null ? null : Number(r.purged_at_ms) });

export function createSqliteTakedowns(db: SqliteDatabase): TakedownStore {
  const get = (songId: string) => {
    const r = db.get('SELECT * FROM takedowns WHERE song_id = ?', [songId]);
    return r && toTakedown(r);
  };
  return {
    async takeDown(songId, by, atMs) {
      const done = db.durable(() => {
        const song = db.get('SELECT kind FROM songs WHERE id = ?', [songId]);
        if (!song || song.kind === 'removed') return false;
        db.run('INSERT OR REPLACE INTO takedowns (song_id, kind_before, by_name, at_ms, purged_at_ms) VALUES (?, ?, ?, ?, NULL)', [songId, String(song.kind), by, atMs]);
        db.run("UPDATE songs SET kind = 'removed' WHERE id = ?", [songId]);
        return true;
      });
      return done ? get(songId) : undefined;
    },
    async restore(songId) {
      const t = get(songId);
      if (!t || t.purgedAtMs !== null) return undefined;
      db.durable(() => {
        db.run('UPDATE songs SET kind = ? WHERE id = ?', [t.kindBefore, songId]);
        db.run('DELETE FROM takedowns WHERE song_id = ?', [songId]);
      });
      return t;
    },
    get: async (songId) => get(songId),
    due: async (beforeMs, limit) => db.all('SELECT * FROM takedowns WHERE purged_at_ms IS NULL AND at_ms < ? ORDER BY at_ms LIMIT ?', [beforeMs, limit]).map(toTakedown),
    async purged(songId, atMs) {
      db.durable(() => db.run('UPDATE takedowns SET purged_at_ms = ? WHERE song_id = ?', [atMs, songId]));
    },
  };
}
