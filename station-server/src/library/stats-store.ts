// Statistics in the SQLite file: a day of a metric per row (stat-buckets.ts), added to in one
// transaction. Bookkeeping: committed without an fsync of its own (synchronous = NORMAL).
import type { SqliteDatabase } from './sqlite.js';
import type { StatsStore } from './store.js';
import { addRows, countsOf, decodeRow, encodeRow, groupByRow, rowOf } from './stat-buckets.js';

export function createSqliteStats(db: SqliteDatabase): StatsStore {
  return {
    async add(counts) {
      const rows = groupByRow(counts);
      if (!rows.length) return;
      db.transaction(() => {
        for (const row of rows) {
          const old = db.get('SELECT data FROM stat_buckets WHERE metric = ? AND day = ?', [row.metric, row.day]);
          const data = encodeRow(addRows(decodeRow(old?.data as unknown as Uint8Array | undefined), row.add));
          db.run('INSERT OR REPLACE INTO stat_buckets (metric, day, data) VALUES (?, ?, ?)', [row.metric, row.day, data]);
        }
      });
    },
    async range(metric, fromMinute, toMinute) {
      if (toMinute <= fromMinute) return [];
      const rows = db.all('SELECT day, data FROM stat_buckets WHERE metric = ? AND day >= ? AND day <= ? ORDER BY day', [metric, rowOf(fromMinute), rowOf(toMinute - 1)]);
      return rows.flatMap((r) => countsOf(metric, Number(r.day), decodeRow(r.data as unknown as Uint8Array), fromMinute, toMinute));
    },
  };
}
