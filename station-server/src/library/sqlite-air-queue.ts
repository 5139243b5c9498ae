// Channels' air queues in the SQLite file: approved radio dedications wait here until the channel's
// leader airs them. Queuing is fsynced (an operator was told "approved"); marking is bookkeeping.
import type { SqliteDatabase } from './sqlite.js';
import type { DedicationStore } from './store.js';

export type SqliteAirQueue = Pick<DedicationStore, 'queueToAir' | 'waitingToAir' | 'markAired'>;

export function createSqliteAirQueue(db: SqliteDatabase): SqliteAirQueue {
  return {
    async queueToAir(channel, songId, atMs) {
      db.durable(() => db.run('INSERT INTO air_queue (channel, song_id, queued_ms) VALUES (?, ?, ?) ON CONFLICT (channel, song_id) DO NOTHING', [channel, songId, Math.round(atMs)]));
    },
    async waitingToAir(channel, limit) {
      const bounded = Math.max(0, Math.min(1000, Math.floor(limit)));
      return db.all('SELECT song_id FROM air_queue WHERE channel = ? AND aired_ms IS NULL ORDER BY queued_ms, song_id LIMIT ?', [channel, bounded]).map((r) => String(r.song_id));
    },
    async markAired(channel, songId, atMs) {
      // Read and written in one transaction: SQLite has one writer, so two calls cannot both mark it.
      return db.transaction(() => {
        const row = db.get('SELECT aired_ms FROM air_queue WHERE channel = ? AND song_id = ?', [channel, songId]);
        if (row && row.aired_ms !== null) return false;
        db.run('INSERT INTO air_queue (channel, song_id, queued_ms, aired_ms) VALUES (?, ?, ?, ?) ON CONFLICT (channel, song_id) DO UPDATE SET aired_ms = excluded.aired_ms', [channel, songId, Math.round(atMs), Math.round(atMs)]);
        return true;
      });
    },
  };
}
