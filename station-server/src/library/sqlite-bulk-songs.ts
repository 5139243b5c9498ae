// Many song rows at once into the SQLite store, for benchmarks and imports: one prepared INSERT run
// for every row inside a single transaction (SQLite's fastest path). Rows only: media are the media store's.
import Database from 'better-sqlite3';
import { randomInt } from 'node:crypto';
import type { SongRecord } from './store.js';

export async function bulkInsertSqliteSongs(file: string, songs: AsyncIterable<SongRecord[]> | Iterable<SongRecord[]>): Promise<number> {
  const db = new Database(file, { timeout: 5000 });
  let n = 0;
  try {
    const insert = db.prepare(
      `INSERT INTO songs (id, title, language, genre, vibe, theme, relation, duration_sec, seed, recipient, sender, request, created_at, kind, rnd)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const many = db.transaction((batch: SongRecord[]) => {
      for (const s of batch)
        insert.run(s.id, s.title, s.language, s.genre, s.vibe, s.theme, s.relation, s.durationSec, s.seed, s.recipient, s.sender, JSON.stringify(s.request), s.createdAt, s.kind, randomInt(0, 2 ** 31 - 1));
    });
    db.exec('BEGIN');
    for await (const batch of songs) {
      many(batch);
      n += batch.length;
    }
    db.exec('COMMIT');
    db.exec('ANALYZE');
  } finally {
    db.close();
  }
  return n;
}
