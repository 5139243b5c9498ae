// Channels' air queues in PostgreSQL: approved radio dedications wait here until the channel's
// leader airs them; marking is one conditional upsert, so two instances cannot both air one.
import type { DedicationStore } from '../store.js';
import type { Db } from './connection.js';

export type AirQueue = Pick<DedicationStore, 'queueToAir' | 'waitingToAir' | 'markAired'>;

export function createAirQueue(db: Db): AirQueue {
  return {
    async queueToAir(channel, songId, atMs) {
      await db.query('INSERT INTO air_queue (channel, song_id, queued_ms) VALUES ($1, $2, $3) ON CONFLICT (channel, song_id) DO NOTHING', [channel, songId, Math.round(atMs)]);
    },
    async waitingToAir(channel, limit) {
      const bounded = Math.max(0, Math.min(1000, Math.floor(limit)));
      const rows = await db.query('SELECT song_id FROM air_queue WHERE channel = $1 AND aired_ms IS NULL ORDER BY queued_ms, song_id LIMIT $2', [channel, bounded]);
      return rows.map((r) => String(r.song_id));
    },
    async markAired(channel, songId, atMs) {
      // The conflict's row is locked and its WHERE checked again on the newest version: one caller wins.
      const rows = await db.query(
        `INSERT INTO air_queue (channel, song_id, queued_ms, aired_ms) VALUES ($1, $2, $3, $3)
         ON CONFLICT (channel, song_id) DO UPDATE SET aired_ms = EXCLUDED.aired_ms WHERE air_queue.aired_ms IS NULL RETURNING song_id`,
        [channel, songId, Math.round(atMs)],
      );
      return rows.length > 0;
    },
  };
}
