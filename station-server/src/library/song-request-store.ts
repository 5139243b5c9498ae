// Song requests accepted (an operator's 202, the starter catalog) and not yet made: stored before the
// answer goes out or the job is queued, so a restart makes them (and `GET /api/v1/songs/<id>` keeps
// answering for them).
import type { SongRequest } from '@radio-optimism/shared';
import type { SqliteDatabase } from './sqlite.js';
import type { SongRequestStore } from './store.js';

export function createSqliteSongRequests(db: SqliteDatabase): SongRequestStore {
  return {
    async add(id, request, priority) {
      db.durable(() => db.run('INSERT INTO song_requests (id, request, created_at, priority) VALUES (?, ?, ?, ?)', [id, JSON.stringify(request), new Date().toISOString(), priority]));
    },
    async remove(id) {
      db.run('DELETE FROM song_requests WHERE id = ?', [id]);
    },
    pending: async () =>
      db.all('SELECT id, request, priority FROM song_requests ORDER BY created_at, id').map((r) => ({ id: String(r.id), request: JSON.parse(String(r.request)) as SongRequest, priority: String(r.priority) })),
  };
}
