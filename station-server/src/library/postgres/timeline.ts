// Channels' timelines in PostgreSQL: each item as it is scheduled, a bounded history per channel. A
// server that refuses the write is logged (once, and again when it works) and skipped: the channel
// plays on from memory; only a restart's pick-up point is older.
import type { TimelineStore } from '../store.js';
import { LibraryError } from '../library-error.js';
import type { Db } from './connection.js';

/** Items kept per channel behind the newest; older ones only matter as counts, which the newest carry. */
export const TIMELINE_KEPT = 2000;

export function createTimelineStore(db: Db, log: (line: string) => void): TimelineStore {
  let refused: string | undefined;
  return {
    async append(channel, index, item) {
      try {
        await db.transaction(async (q) => {
          await q('INSERT INTO air_items (channel, idx, item) VALUES ($1, $2, $3) ON CONFLICT (channel, idx) DO UPDATE SET item = EXCLUDED.item', [channel, index, JSON.stringify(item)]);
          await q('DELETE FROM air_items WHERE channel = $1 AND idx < $2', [channel, index - TIMELINE_KEPT]);
        });
        if (refused) log(`store: timeline writes work again (${channel} item ${index} saved)`);
        refused = undefined;
      } catch (error) {
        if (!(error instanceof LibraryError)) throw error;
        if (refused !== error.code) log(`store: could not save ${channel}'s timeline, playing on from memory: ${error.message}`);
        refused = error.code;
      }
    },
    async recent(channel, limit) {
      const rows = await db.query('SELECT item FROM air_items WHERE channel = $1 ORDER BY idx DESC LIMIT $2', [channel, Math.max(0, Math.floor(limit))]);
      return rows.map((r) => r.item).reverse();
    },
  };
}
