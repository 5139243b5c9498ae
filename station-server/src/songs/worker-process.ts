// A worker process's life: its settings from the environment, Redis checked once before it starts (a
// clear line instead of endless reconnects when REDIS_URL is wrong), then jobs until SIGTERM or Ctrl-C,
// which stop it gracefully. SIGKILL leaves its job to stall recovery on another worker.
import { Redis } from 'ioredis';
import { ConfigError, intSetting } from '../config.js';
import { installProcessGuard } from '../process-guard.js';
import type { JobHandler } from './song-queue.js';
import { DEFAULT_QUEUE_NAME } from './bullmq-settings.js';
import { startWorker } from './bullmq-worker.js';

export interface WorkerSettings {
  /** Where the queue lives (REDIS_URL, required). */
  redisUrl: string;
  /** Songs this process makes at once (COMPOSE_CONCURRENCY, default 2, as in the station). */
  concurrency: number;
  /** The queue's name; stations and workers must agree (SONG_QUEUE_NAME, default `songs`). */
  queueName: string;
  /** On SIGTERM, how long running songs may take to finish before they go back to the queue for
   *  another worker (WORKER_GRACE_SECONDS, default 25: under the 30 s most supervisors wait). */
  graceSec: number;
}

export function loadWorkerSettings(env: NodeJS.ProcessEnv): WorkerSettings {
  const int = intSetting(env);
  const redisUrl = env.REDIS_URL ?? '';
  if (!redisUrl) throw new ConfigError('REDIS_URL', 'is required: the Redis the stations queue songs on, e.g. redis://127.0.0.1:6379');
  if (!/^rediss?:\/\/[^/]/.test(redisUrl)) throw new ConfigError('REDIS_URL', `must be a redis:// or rediss:// URL, not "${redisUrl}"`);
  const queueName = env.SONG_QUEUE_NAME || DEFAULT_QUEUE_NAME;
  if (!/^[A-Za-z0-9_-]+$/.test(queueName)) throw new ConfigError('SONG_QUEUE_NAME', `must be letters, digits, "-" or "_", not "${queueName}"`);
  return { redisUrl, concurrency: int('COMPOSE_CONCURRENCY', 2, 1, 16), queueName, graceSec: int('WORKER_GRACE_SECONDS', 25, 0, 3600) };
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*):[^@/]*@/, '//$1:***@');
}

/** One PING with no retries: resolves, or rejects with a one-line reason. */
export async function checkRedis(url: string, timeoutMs = 5000): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  // The socket's error (ECONNREFUSED, ENOTFOUND, …) says more than the client's "Connection is closed".
  let cause: Error | undefined;
  redis.on('error', (error: Error) => (cause ??= error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw cause ?? error;
  } finally {
    redis.disconnect();
  }
}

export interface WorkerProcessParts {
  createHandler: (env: NodeJS.ProcessEnv) => Promise<JobHandler>;
  /** Frees what the handler holds (the composer thread) so the process can exit. */
  release?: () => Promise<void>;
}

/** Runs until a signal stops it; exits the process with 0 after a graceful stop, 1 when it cannot start. */
export async function runWorkerProcess(env: NodeJS.ProcessEnv, parts: WorkerProcessParts): Promise<void> {
  const log = (line: string) => console.log(line);
  const fail = (line: string) => {
    console.error(`worker: ${line}`);
    process.exit(1);
  };
  let settings: WorkerSettings;
  try {
    settings = loadWorkerSettings(env);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const where = redactUrl(settings.redisUrl);
  try {
    await checkRedis(settings.redisUrl);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail(`cannot reach Redis at REDIS_URL=${where}: ${reason}; start Redis or fix REDIS_URL`);
  }
  // A stray throw is logged on one line; a burst exits the process, and stall recovery re-runs its songs.
  installProcessGuard({ log: (line) => console.error(`worker: ${line}`) });
  let handler: JobHandler;
  try {
    handler = await parts.createHandler(env);
  } catch (error) {
    return fail(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
  const worker = await startWorker({ connection: settings.redisUrl, name: settings.queueName, handler, concurrency: settings.concurrency, log });
  log(`worker ready: queue "${settings.queueName}" on ${where}, ${settings.concurrency} at a time (pid ${process.pid})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`worker: ${signal}: finishing running songs (up to ${settings.graceSec} s), then stopping`);
    worker
      .close(settings.graceSec * 1000)
      .then(() => parts.release?.())
      .then(
        () => {
          log('worker stopped');
          process.exit(0);
        },
        (error: unknown) => fail(`stopping failed: ${error instanceof Error ? error.message : String(error)}`),
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
