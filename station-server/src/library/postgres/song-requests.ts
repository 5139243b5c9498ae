// Song requests the API accepted (202) and the composer has not finished, in PostgreSQL: committed
// before the caller answers, so a restart of any station makes them.
import type { SongRequest } from '@radio-optimism/shared';
import type { SongRequestStore } from '../store.js';
import type { Db } from './connection.js';

export function createSongRequestStore(db: Db): SongRequestStore {
  return {
    async add(id, request, priority) {
      await db.query('INSERT INTO song_requests (id, request, priority, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', [id, JSON.stringify(request), priority, new Date().toISOString()]);
    },
    async remove(id) {
      await db.query('DELETE FROM song_requests WHERE id = $1', [id]);
    },
    async pending() {
      const rows = await db.query('SELECT id, request, priority FROM song_requests ORDER BY created_at, id');
      return rows.map((r) => ({ id: String(r.id), request: r.request as SongRequest, priority: String(r.priority) }));
    },
  };
}
