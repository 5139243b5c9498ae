// Statistics in the SQLite file: an hour of a metric per row (stat-buckets.ts), added to in one
// transaction. Bookkeeping: committed without an fsync of its own (synchronous = NORMAL).
import type { SqliteDatabase } from './sqlite.js';
import type { StatsStore } from './store.js';
import { addHours, countsOf, decodeHour, encodeHour, groupByRow, MINUTES_PER_ROW } from './stat-buckets.js';

export function createSqliteStats(db: SqliteDatabase): StatsStore {
  return {
    async add(counts) {
      const rows = groupByRow(counts);
      if (!rows.length) return;
      db.transaction(() => {
        for (const row of rows) {
          const old = db.get('SELECT data FROM stat_buckets WHERE metric = ? AND hour = ?', [row.metric, row.hour]);
          const data = encodeHour(addHours(decodeHour(old?.data as unknown as Uint8Array | undefined), row.add));
          db.run('INSERT OR REPLACE INTO stat_buckets (metric, hour, data) VALUES (?, ?, ?)', [row.metric, row.hour, data]);
        }
      });
    },
    async range(metric, fromMinute, toMinute) {
      const rows = db.all('SELECT hour, data FROM stat_buckets WHERE metric = ? AND hour >= ? AND hour < ? ORDER BY hour', [metric, Math.floor(fromMinute / MINUTES_PER_ROW), Math.ceil(toMinute / MINUTES_PER_ROW)]);
      return rows.flatMap((r) => countsOf(metric, Number(r.hour), decodeHour(r.data as unknown as Uint8Array), fromMinute, toMinute));
    },
  };
}
