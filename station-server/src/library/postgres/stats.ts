// Statistics in PostgreSQL: a day of a metric per row (stat-buckets.ts). Several instances add to
// the same rows: each row is locked (FOR UPDATE) while it is read and rewritten, rows in one order.
import type { StatsStore } from '../store.js';
import { addRows, countsOf, decodeRow, encodeRow, groupByRow, rowOf } from '../stat-buckets.js';
import type { Db } from './connection.js';

export function createStatsStore(db: Db): StatsStore {
  return {
    async add(counts) {
      const rows = groupByRow(counts);
      if (!rows.length) return;
      await db.transaction(async (q) => {
        for (const row of rows) {
          await q('INSERT INTO stat_buckets (metric, day, data) VALUES ($1, $2, $3) ON CONFLICT (metric, day) DO NOTHING', [row.metric, row.day, Buffer.alloc(0)]);
          const [old] = await q('SELECT data FROM stat_buckets WHERE metric = $1 AND day = $2 FOR UPDATE', [row.metric, row.day]);
          const data = encodeRow(addRows(decodeRow(old?.data as Buffer | undefined), row.add));
          await q('UPDATE stat_buckets SET data = $3 WHERE metric = $1 AND day = $2', [row.metric, row.day, data]);
        }
      });
    },
    async range(metric, fromMinute, toMinute) {
      if (toMinute <= fromMinute) return [];
      const rows = await db.query('SELECT day, data FROM stat_buckets WHERE metric = $1 AND day >= $2 AND day <= $3 ORDER BY day', [metric, rowOf(fromMinute), rowOf(toMinute - 1)]);
      return rows.flatMap((r) => countsOf(metric, Number(r.day), decodeRow(r.data as Buffer), fromMinute, toMinute));
    },
  };
}
