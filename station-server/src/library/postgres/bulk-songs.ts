// Many song rows at once, for benchmarks and imports: multi-row INSERTs of 5,000 rows from arrays
// (unnest), in one transaction. Rows only: the songs' media are the media store's.
import type { SongRecord } from '../store.js';
import { openPool } from './connection.js';
import { randomKey } from './songs.js';

export async function bulkInsertSongs(databaseUrl: string, songs: AsyncIterable<SongRecord[]> | Iterable<SongRecord[]>): Promise<number> {
  const db = openPool(databaseUrl, { log: (line) => console.error(line), maxConnections: 1 });
  let n = 0;
  try {
    await db.transaction(async (q) => {
      for await (const batch of songs) {
        const col = <K extends keyof SongRecord>(k: K) => batch.map((s) => s[k]);
        await q(
          `INSERT INTO songs (id, title, language, genre, vibe, theme, relation, duration_sec, seed, recipient, sender, request, created_at, kind, rand)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[],
                                $9::bigint[], $10::text[], $11::text[], $12::jsonb[], $13::text[], $14::text[], $15::int[])`,
          [col('id'), col('title'), col('language'), col('genre'), col('vibe'), col('theme'), col('relation'), col('durationSec'), col('seed'), col('recipient'), col('sender'), batch.map((s) => JSON.stringify(s.request)), col('createdAt'), col('kind'), batch.map(() => randomKey())],
        );
        n += batch.length;
      }
    });
    await db.query('ANALYZE songs');
  } finally {
    await db.close();
  }
  return n;
}
