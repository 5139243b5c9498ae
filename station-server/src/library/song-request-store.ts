// Song requests the API accepted (202) and the composer has not finished: stored before the answer
// goes out, so a restart makes them (and `GET /api/v1/songs/<id>` keeps answering for them).
import type { SongRequest } from '@radio-optimism/shared';
import type { SqliteDatabase } from './sqlite.js';

export interface AcceptedSongRequest {
  id: string;
  request: SongRequest;
}

export interface SongRequestStore {
  /** Stored durably before the caller answers 202. */
  add(id: string, request: SongRequest): void;
  remove(id: string): void;
  /** The ones still to make, oldest first. */
  pending(): AcceptedSongRequest[];
}

export function createSongRequestStore(db: SqliteDatabase): SongRequestStore {
  return {
    add(id, request) {
      db.durable(() => db.run('INSERT INTO song_requests (id, request, created_at) VALUES (?, ?, ?)', [id, JSON.stringify(request), new Date().toISOString()]));
    },
    remove(id) {
      db.run('DELETE FROM song_requests WHERE id = ?', [id]);
    },
    pending: () =>
      db.all('SELECT id, request FROM song_requests ORDER BY created_at, id').map((r) => ({ id: String(r.id), request: JSON.parse(String(r.request)) as SongRequest })),
  };
}
