// What the station's side of the BullMQ song queue and the workers must agree on: the queue's name,
// how classes map to BullMQ priorities, the retry and stall-recovery timings, and how a job's error
// travels through Redis (BullMQ keeps only a message, so the code rides in front of it).
import type { PlayableSong, Stage } from '../composer/pipeline.js';
import { JOB_PRIORITIES, type JobPriority } from './song-queue.js';

export const DEFAULT_QUEUE_NAME = 'songs';

/** BullMQ runs lower numbers first and treats 0 as "no priority"; dedication → 1 … starter → 4. */
export function bullPriority(priority: JobPriority): number {
  return JOB_PRIORITIES.indexOf(priority) + 1;
}

/** A job is tried this often, waiting `backoffMs`, then twice that, between tries. */
export const JOB_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 5_000;

/**
 * Stall recovery (a worker killed mid-song). A live worker renews its job's lock every
 * lockDuration/2 = 7.5 s; a dead one stops. Every worker checks every `stalledInterval` for active jobs
 * whose lock is gone: a check marks a job that was not renewed since the previous check, and the next
 * check after its lock has expired puts it back in the queue. The lock expires at most 15 s after the
 * kill, and the check that finds it runs at most 7.5 s later, so a killed worker's job runs again
 * elsewhere within about 22.5 s (plus the time a live worker needs to fetch it).
 * Shorter locks would recover faster but risk a busy worker (2 cores, both rendering) missing a
 * renewal and a healthy job running twice; the composer works on its own thread, so 7.5 s of slack
 * on the worker's main thread is plenty.
 */
export const WORKER_LOCKS = {
  lockDuration: 15_000,
  stalledInterval: 7_500,
  /** A job that kills its worker twice (a poison request) fails instead of taking down every worker. */
  maxStalledCount: 2,
} as const;

/** Finished jobs stay in Redis this long, so a late `wait()`/`state()` and a re-submitted id still see them. */
export const KEEP_COMPLETED = { age: 24 * 3600, count: 5_000 };
export const KEEP_FAILED = { age: 7 * 24 * 3600, count: 5_000 };

/** A job's progress as a worker reports it (BullMQ job progress, heard by every station instance):
 *  the stage it is in, and once, the song's first part ready to play from the bucket. */
export interface JobProgress {
  stage?: Stage;
  playable?: PlayableSong;
}

export interface JobError {
  code: string;
  message: string;
}

/** A job's error as BullMQ stores it (`failedReason`). */
export function encodeJobError(error: JobError): string {
  return `[${error.code}] ${error.message}`;
}

/** Back from `failedReason`; BullMQ's own reasons (a job that stalled too often, …) get a code here. */
export function decodeJobError(reason: string | undefined): JobError {
  const match = /^\[([a-z0-9-]+)\] ([\s\S]*)$/.exec(reason ?? '');
  if (match) return { code: match[1]!, message: match[2]! };
  if (reason?.includes('stalled more than allowable limit')) return { code: 'worker-lost', message: 'the song was interrupted too often (its workers stopped mid-song); try another message' };
  return { code: 'job-failed', message: reason || 'the song could not be made' };
}

/** The thrown value of a handler as a job error: a typed error keeps its code. */
export function toJobError(error: unknown): JobError {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' && /^[a-z0-9-]+$/.test(error.code)) {
    return { code: error.code, message: error instanceof Error ? error.message : String((error as { message?: unknown }).message ?? error.code) };
  }
  return { code: 'job-failed', message: error instanceof Error ? error.message : String(error) };
}

/** Errors that another try cannot fix: the request itself is wrong, or the worker cannot make this kind. */
export const FINAL_ERROR_CODES: readonly string[] = ['invalid-request', 'unsupported-job'];

/** The thrown error on the station's side: a typed value with a code and a human message. */
export class SongJobError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SongJobError';
  }
}

/** BullMQ refuses ids that are plain integers or contain ':'. */
export function checkJobId(id: string): void {
  if (!id || String(parseInt(id, 10)) === id || id.includes(':')) throw new SongJobError('invalid-job-id', `job id "${id}" cannot be used: it must not be empty, a plain number or contain ':'`);
}
