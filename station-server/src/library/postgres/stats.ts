// Statistics in PostgreSQL: an hour of a metric per row (stat-buckets.ts). Several instances add to
// the same rows: each row is locked (FOR UPDATE) while it is read and rewritten, rows in one order.
import type { StatsStore } from '../store.js';
import { addHours, countsOf, decodeHour, encodeHour, groupByRow, MINUTES_PER_ROW } from '../stat-buckets.js';
import type { Db } from './connection.js';

export function createStatsStore(db: Db): StatsStore {
  return {
    async add(counts) {
      const rows = groupByRow(counts);
      if (!rows.length) return;
      await db.transaction(async (q) => {
        for (const row of rows) {
          await q('INSERT INTO stat_buckets (metric, hour, data) VALUES ($1, $2, $3) ON CONFLICT (metric, hour) DO NOTHING', [row.metric, row.hour, Buffer.alloc(0)]);
          const [old] = await q('SELECT data FROM stat_buckets WHERE metric = $1 AND hour = $2 FOR UPDATE', [row.metric, row.hour]);
          const data = encodeHour(addHours(decodeHour(old?.data as Buffer | undefined), row.add));
          await q('UPDATE stat_buckets SET data = $3 WHERE metric = $1 AND hour = $2', [row.metric, row.hour, data]);
        }
      });
    },
    async range(metric, fromMinute, toMinute) {
      const rows = await db.query('SELECT hour, data FROM stat_buckets WHERE metric = $1 AND hour >= $2 AND hour < $3 ORDER BY hour', [metric, Math.floor(fromMinute / MINUTES_PER_ROW), Math.ceil(toMinute / MINUTES_PER_ROW)]);
      return rows.flatMap((r) => countsOf(metric, Number(r.hour), decodeHour(r.data as Buffer), fromMinute, toMinute));
    },
  };
}
