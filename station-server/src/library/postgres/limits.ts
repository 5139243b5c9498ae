// Rate-limit windows that keep an attack out, in PostgreSQL, shared by every station: a code guesser
// gets no fresh budget by a restart or by trying another instance.
import type { LimitStore } from '../store.js';
import type { Db } from './connection.js';

export function createLimitStore(db: Db): LimitStore {
  return {
    async load(kind) {
      const rows = await db.query('SELECT key, start, count FROM limit_windows WHERE kind = $1', [kind]);
      return rows.map((r) => ({ key: String(r.key), start: Number(r.start), count: Number(r.count) }));
    },
    async save(kind, changed, expiredBefore) {
      // One row per key (the last given wins): an upsert may not touch a row twice.
      const windows = [...new Map(changed.map((w) => [w.key, w])).values()];
      await db.transaction(async (q) => {
        if (windows.length) {
          await q(
            `INSERT INTO limit_windows (kind, key, start, count)
             SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::int[])
             ON CONFLICT (kind, key) DO UPDATE SET start = EXCLUDED.start, count = EXCLUDED.count`,
            [kind, windows.map((w) => w.key), windows.map((w) => w.start), windows.map((w) => w.count)],
          );
        }
        await q('DELETE FROM limit_windows WHERE kind = $1 AND start < $2', [kind, expiredBefore]);
      });
    },
  };
}
