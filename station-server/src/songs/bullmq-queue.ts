// The song queue in cluster mode, as a station instance sees it: jobs go into BullMQ on Redis and
// `npm run worker` processes (on any machine) make them. Every instance reads the queue's event
// stream, so a phone connected to any instance hears its song's progress, wherever it is made.
import { randomBytes } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { STAGES, type PlayableSong, type Stage } from '../composer/pipeline.js';
import { JOB_PRIORITIES, type JobPriority, type JobResult, type JobState, type JobStatus, type QueueListener, type SongJobSpec, type SongQueue } from './song-queue.js';
import {
  bullPriority,
  checkJobId,
  decodeJobError,
  DEFAULT_BACKOFF_MS,
  DEFAULT_QUEUE_NAME,
  JOB_ATTEMPTS,
  KEEP_COMPLETED,
  KEEP_FAILED,
  SongJobError,
  type JobError,
} from './bullmq-settings.js';

export interface BullmqQueueOptions {
  /** The Redis URL (REDIS_URL). */
  connection: string;
  /** The BullMQ queue's name (default `songs`); stations and workers must use the same. */
  name?: string;
  /** At most this many jobs may wait ahead of a new one of the same class (lower classes do not count). */
  queueLimit: number;
  log: (line: string) => void;
  /** The wait before the second try; doubled before the third (default 5 s). */
  backoffMs?: number;
  /** About how long one song takes on one worker; only used to suggest Retry-After (default 30). */
  secondsPerJob?: number;
  /** Pending `wait()`s re-read their job this often, in case Redis was away when it finished (default 10 s). */
  recheckMs?: number;
}

const SECONDS_PER_JOB = 30;
const RECHECK_MS = 10_000;
const LOG_REPEAT_MS = 60_000;
const CLOSE_TIMEOUT_MS = 5_000;

interface Waiter {
  resolve: (result: JobResult) => void;
  reject: (error: SongJobError) => void;
}

function stageOf(progress: unknown): Stage | undefined {
  const stage = progress && typeof progress === 'object' && 'stage' in progress ? progress.stage : undefined;
  return typeof stage === 'string' && (STAGES as readonly string[]).includes(stage) ? (stage as Stage) : undefined;
}

/** The song a `playable` progress names, if it is one. */
function playableOf(progress: unknown): PlayableSong | undefined {
  const song = progress && typeof progress === 'object' && 'playable' in progress ? progress.playable : undefined;
  if (!song || typeof song !== 'object') return undefined;
  const { title, durationSec } = song as Partial<PlayableSong>;
  return typeof title === 'string' && typeof durationSec === 'number' && Number.isFinite(durationSec) ? { title, durationSec } : undefined;
}

function resultOf(value: unknown): JobResult {
  return (typeof value === 'string' ? JSON.parse(value) : value) as JobResult;
}

const STATUS: Record<string, JobStatus> = {
  completed: 'ready',
  failed: 'failed',
  active: 'composing',
  waiting: 'queued',
  prioritized: 'queued',
  delayed: 'queued',
  'waiting-children': 'queued',
};

/** Connects to Redis and resolves once it listens to the queue's events. */
export async function createBullmqQueue(options: BullmqQueueOptions): Promise<SongQueue> {
  const { connection: url, queueLimit, log } = options;
  const name = options.name ?? DEFAULT_QUEUE_NAME;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const secondsPerJob = options.secondsPerJob ?? SECONDS_PER_JOB;

  // While Redis is away every client reports each reconnect; one line a minute per message is enough.
  const seen = new Map<string, number>();
  const report = (what: string) => (error: Error) => {
    const line = `song queue: ${what}: ${error.message}`;
    const last = seen.get(line);
    if (last !== undefined && Date.now() - last < LOG_REPEAT_MS) return;
    seen.set(line, Date.now());
    log(line);
  };

  const queue = new Queue(name, { connection: { url } });
  queue.on('error', report('redis'));
  // Reads the lists behind positions; BullMQ has no call for "jobs ahead of this one".
  const redis = new Redis(url);
  redis.on('error', report('redis'));
  await queue.waitUntilReady();
  const keys = queue.keys as Record<'wait' | 'prioritized' | 'events', string>;

  // Start reading events right after the newest one, so nothing between now and the first read is lost.
  const newest = await redis.xrevrange(keys.events, '+', '-', 'COUNT', 1);
  const events = new QueueEvents(name, { connection: { url }, lastEventId: newest[0]?.[0] ?? '0-0' });
  events.on('error', report('events'));

  const listeners = new Set<QueueListener>();
  const waiters = new Map<string, Set<Waiter>>();
  let closed = false;

  const tell = <K extends keyof QueueListener>(event: K, ...args: Parameters<NonNullable<QueueListener[K]>>) => {
    for (const listener of [...listeners]) {
      try {
        (listener[event] as ((...a: typeof args) => void) | undefined)?.(...args);
      } catch (error) {
        log(`song queue: a ${event} listener threw: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  const settle = (id: string, outcome: { result: JobResult } | { error: JobError }) => {
    const pending = waiters.get(id);
    if (!pending) return;
    waiters.delete(id);
    for (const w of pending) {
      if ('result' in outcome) w.resolve(outcome.result);
      else w.reject(new SongJobError(outcome.error.code, outcome.error.message));
    }
  };

  events.on('active', ({ jobId }) => tell('started', jobId));
  events.on('progress', ({ jobId, data }) => {
    const playable = playableOf(data);
    if (playable) return tell('playable', jobId, playable);
    const stage = stageOf(data);
    if (stage) tell('stage', jobId, stage);
  });
  events.on('completed', ({ jobId, returnvalue }) => {
    let result: JobResult;
    try {
      result = resultOf(returnvalue);
    } catch {
      return log(`song queue: job ${jobId} finished with a result that is not JSON`);
    }
    settle(jobId, { result });
    tell('ready', jobId, result);
  });
  // BullMQ reports `failed` only when a job fails for good; a try that will be retried goes to `delayed`.
  events.on('failed', ({ jobId, failedReason }) => {
    const error = decodeJobError(failedReason);
    settle(jobId, { error });
    tell('failed', jobId, error);
  });
  await events.waitUntilReady();

  /** Settles the waiters of a job that already finished (or no longer exists). */
  // The state is read before the job: a job read first may finish in between and show no result yet.
  const check = async (id: string) => {
    const state = await queue.getJobState(id);
    if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return;
    const job = await queue.getJob(id);
    if (!job) return settle(id, { error: { code: 'not-found', message: `no song job ${id}` } });
    if (state === 'completed') settle(id, { result: resultOf(job.returnvalue) });
    else if (state === 'failed') settle(id, { error: decodeJobError(job.failedReason) });
  };
  const recheck = setInterval(() => {
    for (const id of waiters.keys()) check(id).catch(report('re-reading a job'));
  }, options.recheckMs ?? RECHECK_MS);
  recheck.unref();

  /** Jobs that start before a queued one: the plain wait list (jobs handed back by a stopped or lost
   *  worker, which BullMQ runs first), then every prioritized job that scores lower. */
  const position = async (id: string, state: string, priority: JobPriority): Promise<number> => {
    const waitLength = await redis.llen(keys.wait);
    if (state === 'waiting') {
      // New jobs enter on the left and workers take from the right.
      const at = await redis.lpos(keys.wait, id);
      return at === null ? waitLength : waitLength - 1 - at;
    }
    if (state === 'prioritized') {
      const rank = await redis.zrank(keys.prioritized, id);
      if (rank !== null) return waitLength + rank;
    }
    // Delayed (waiting to be retried): it re-enters behind its own class.
    const upTo = (bullPriority(priority) + 1) * 0x100000000 - 1;
    return waitLength + (await redis.zcount(keys.prioritized, 0, upTo));
  };

  return {
    async submit(spec: SongJobSpec) {
      let id = spec.id;
      if (id === undefined) {
        do id = randomBytes(6).toString('base64url');
        while (String(parseInt(id, 10)) === id);
      }
      checkJobId(id);
      if (closed) throw new SongJobError('queue-closed', 'the song queue is closed');
      // The id is BullMQ's job id, so a job submitted again (after a restart) is the same job, not a copy.
      await queue.add(spec.type, { ...spec, id }, {
        jobId: id,
        priority: bullPriority(spec.priority),
        attempts: JOB_ATTEMPTS,
        backoff: { type: 'exponential', delay: backoffMs },
        removeOnComplete: KEEP_COMPLETED,
        removeOnFail: KEEP_FAILED,
      });
      return { id };
    },

    async full(priority) {
      const classes = [0, ...JOB_PRIORITIES.slice(0, JOB_PRIORITIES.indexOf(priority) + 1).map(bullPriority)];
      const counts = await queue.getCountsPerPriority(classes);
      const waiting = Object.values(counts).reduce((a, b) => a + b, 0);
      if (waiting < queueLimit) return undefined;
      const workers = await queue.getWorkersCount().catch(() => 1);
      return {
        code: 'queue-full',
        message: `the station is busy: ${waiting} songs are waiting; try again in a few minutes`,
        retryAfterSec: Math.max(30, Math.ceil((waiting * secondsPerJob) / Math.max(1, workers))),
      };
    },

    async state(id) {
      // State first, as in check(): then the job shows at least that state's fields (result, error).
      const raw = await queue.getJobState(id);
      const status = STATUS[raw];
      const job = status && (await queue.getJob(id));
      if (!status || !job) return undefined;
      const spec = job.data as SongJobSpec;
      const state: JobState = { id, type: spec.type, status, priority: spec.priority, position: status === 'queued' ? await position(id, raw, spec.priority) : 0 };
      const stage = stageOf(job.progress);
      if (stage && status === 'composing') state.stage = stage;
      if (status === 'failed') state.error = decodeJobError(job.failedReason);
      return state;
    },

    wait(id) {
      return new Promise<JobResult>((resolve, reject) => {
        if (closed) return reject(new SongJobError('queue-closed', 'the song queue is closed'));
        let pending = waiters.get(id);
        if (!pending) waiters.set(id, (pending = new Set()));
        pending.add({ resolve, reject });
        // Registered first, then read: a job that finishes in between is caught either way.
        check(id).catch(report('reading a job'));
      });
    },

    listen(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    async destroy() {
      if (closed) return;
      closed = true;
      clearInterval(recheck);
      for (const id of [...waiters.keys()]) settle(id, { error: { code: 'queue-closed', message: 'the song queue is closed' } });
      listeners.clear();
      // A Redis that is away must not hold up shutdown: after a while, drop the connections.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([events.close(), queue.close()]), new Promise((r) => (timer = setTimeout(r, CLOSE_TIMEOUT_MS)))]);
      clearTimeout(timer);
      await Promise.allSettled([events.disconnect(), queue.disconnect()]);
      redis.disconnect();
    },
  };
}
