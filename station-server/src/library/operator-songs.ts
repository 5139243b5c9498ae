// Songs operators ask for through the API. Each is stored before the 202 goes out and forgotten once it
// is made or has failed, so one the station was killed before making is made after the restart, under
// the id the operator was given.
import type { SongRequest } from '@radio-optimism/shared';
import type { Library } from './library.js';
import type { SongJob, SongJobs } from './song-jobs.js';

const submit = (library: Library, jobs: SongJobs, id: string, request: SongRequest, log: (line: string) => void): SongJob => {
  const job = jobs.submit(request, { id, priority: 'operator', kind: 'private' });
  const forget = (): void => {
    try {
      library.songRequests.remove(job.id);
    } catch (error) {
      log(`song request ${job.id} is made but could not be crossed off (it will be made again after a restart): ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  // A job dropped at shutdown stays queued: it is kept for the next start.
  job.done.then(forget, () => {
    if (job.status === 'failed') forget();
  });
  return job;
};

/** Stores the request (durably) and queues it; throws if the store refuses it, before anything is promised. */
export function submitOperatorSong(library: Library, jobs: SongJobs, request: SongRequest, log: (line: string) => void): SongJob {
  const id = library.newId();
  library.songRequests.add(id, request);
  return submit(library, jobs, id, request, log);
}

/** Queues again what a previous run accepted and did not finish; returns how many. */
export function resumeOperatorSongs(library: Library, jobs: SongJobs, log: (line: string) => void): number {
  const pending = library.songRequests.pending();
  for (const { id, request } of pending) submit(library, jobs, id, request, log);
  return pending.length;
}
