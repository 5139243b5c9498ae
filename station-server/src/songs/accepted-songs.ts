// Songs the station has promised to make: an operator's (answered 202 through the API) and the starter
// catalog's. Each is stored before the promise is made and crossed off once it is made or has failed,
// so one the station was killed before making is made after the restart, under the same id.
import type { SongRequest } from '@radio-optimism/shared';
import type { Store } from '../library/store.js';
import { JOB_PRIORITIES, type JobPriority, type SongQueue } from './song-queue.js';

/** Operators' songs stay private until an operator says so; the starter catalog goes on air. */
const kindOf = (priority: JobPriority) => (priority === 'starter' ? 'song' : 'private');

async function submit(store: Store, queue: SongQueue, id: string, request: SongRequest, priority: JobPriority, log: (line: string) => void): Promise<string> {
  await queue.submit({ type: 'song', request, kind: kindOf(priority), priority, id });
  const forget = async (): Promise<void> => {
    try {
      await store.songRequests.remove(id);
    } catch (error) {
      log(`song request ${id} is made but could not be crossed off (it will be made again after a restart): ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  // A job dropped at shutdown stays stored: it is made on the next start.
  queue.wait(id).then(forget, async () => {
    if ((await queue.state(id))?.status === 'failed') await forget();
  });
  return id;
}

/** Stores the request (durably) and queues it; rejects if the store refuses it, before anything is promised. */
export async function acceptSong(store: Store, queue: SongQueue, request: SongRequest, priority: JobPriority, log: (line: string) => void): Promise<string> {
  const id = await store.songs.newId();
  await store.songRequests.add(id, request, priority);
  return submit(store, queue, id, request, priority, log);
}

/** Queues again what a previous run accepted and did not finish; returns their ids. */
export async function resumeAcceptedSongs(store: Store, queue: SongQueue, log: (line: string) => void): Promise<string[]> {
  const pending = await store.songRequests.pending();
  const ids: string[] = [];
  for (const { id, request, priority } of pending) {
    const known = (JOB_PRIORITIES as readonly string[]).includes(priority) ? (priority as JobPriority) : 'operator';
    ids.push(await submit(store, queue, id, request, known, log));
  }
  return ids;
}
