// A composer worker in cluster mode: takes song jobs from BullMQ, highest class first, runs them with
// the same JobHandler the local queue uses, and reports each stage as the job's progress (which every
// station instance hears). A worker that dies mid-song leaves the job to stall recovery (see
// WORKER_LOCKS); one asked to stop finishes its jobs, or hands them back when it may not wait longer.
import { UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import type { JobHandler, JobResult, SongJobSpec } from './song-queue.js';
import type { Stage } from '../composer/pipeline.js';
import { DEFAULT_QUEUE_NAME, encodeJobError, FINAL_ERROR_CODES, toJobError, WORKER_LOCKS, type JobProgress } from './bullmq-settings.js';

const CLOSE_TIMEOUT_MS = 5_000;

/** True when the promise settles within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const settled = await Promise.race([promise.then(() => true, () => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)))]);
  clearTimeout(timer);
  return settled;
}

export interface SongWorkerOptions {
  /** The Redis URL (REDIS_URL). */
  connection: string;
  name?: string;
  handler: JobHandler;
  /** Jobs run at once by this process. */
  concurrency: number;
  log: (line: string) => void;
}

export interface SongWorker {
  /** Stops taking jobs and waits up to `graceMs` (default: as long as it takes) for running ones to
   *  finish; jobs still running then go back to the queue, first in their class, for another worker. */
  close(graceMs?: number): Promise<void>;
}

interface Running {
  job: Job;
  token: string | undefined;
  /** Ends the processor without finishing the job (it was handed back). */
  handBack: () => void;
}

export async function startWorker(options: SongWorkerOptions): Promise<SongWorker> {
  const { handler, log } = options;
  const running = new Map<string, Running>();
  // Set once a stopping worker's grace time is over: a job it fetched but had not started yet goes back too.
  let handingBack = false;

  const giveBack = async (id: string, r: Pick<Running, 'job' | 'token'>) => {
    try {
      await r.job.moveToWait(r.token);
      log(`worker: job ${id} handed back to the queue`);
    } catch (error) {
      log(`worker: job ${id} could not be handed back (${error instanceof Error ? error.message : String(error)}); it will run again once its lock expires`);
    }
  };

  const worker = new Worker(
    options.name ?? DEFAULT_QUEUE_NAME,
    async (job: Job, token?: string): Promise<JobResult> => {
      const id = job.id!;
      const spec = job.data as SongJobSpec;
      if (handingBack) {
        await giveBack(id, { job, token });
        throw new WaitingError();
      }
      let handBack!: () => void;
      const handedBack = new Promise<never>((_, reject) => (handBack = () => reject(new WaitingError())));
      handedBack.catch(() => undefined);
      running.set(id, { job, token, handBack });
      log(`worker: job ${id} (${spec.type}, ${spec.priority}) started, try ${job.attemptsMade + 1}`);
      try {
        // Progress is advisory: a lost update must not fail the song.
        const progress = (data: JobProgress) => void job.updateProgress(data).catch((e: Error) => log(`worker: job ${id}: progress not sent: ${e.message}`));
        let stage: Stage | undefined;
        const result = await Promise.race([
          handler(spec, {
            id,
            stage: (s) => progress({ stage: (stage = s) }),
            // The song's first part is in the bucket: every instance hears it, and the one holding the
            // dedication offers it to the TV. The stage stays in the progress, for state().
            playable: (song) => progress({ ...(stage ? { stage } : {}), playable: song }),
          }),
          handedBack,
        ]);
        log(`worker: job ${id} ready`);
        return result;
      } catch (error) {
        if (error instanceof WaitingError) throw error;
        const e = toJobError(error);
        log(`worker: job ${id} failed: [${e.code}] ${e.message}`);
        // A request that cannot be made is not tried again; anything else is (attempts, backoff).
        throw FINAL_ERROR_CODES.includes(e.code) ? new UnrecoverableError(encodeJobError(e)) : new Error(encodeJobError(e));
      } finally {
        running.delete(id);
      }
    },
    { connection: { url: options.connection }, concurrency: options.concurrency, ...WORKER_LOCKS },
  );
  let lastError = '';
  worker.on('error', (error) => {
    if (error.message === lastError) return;
    lastError = error.message;
    log(`worker: redis: ${error.message}`);
  });
  await worker.waitUntilReady();

  return {
    async close(graceMs) {
      const closing = worker.close();
      if (graceMs === undefined) return closing;
      if (await settlesWithin(closing, graceMs)) return;
      handingBack = true;
      await Promise.all(
        [...running].map(async ([id, r]) => {
          await giveBack(id, r);
          r.handBack();
        }),
      );
      // BullMQ now only has its connections to close; if Redis is away that could take forever.
      if (await settlesWithin(closing, CLOSE_TIMEOUT_MS)) return;
      log('worker: Redis did not answer while closing; disconnecting');
      await worker.disconnect();
    },
  };
}
