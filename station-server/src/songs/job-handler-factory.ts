// The JobHandler a cluster worker runs: the same handler as the station's own queue (make-job.ts:
// compose, check, package, publish the files to the media store, add the song to the store), on the
// store and media the stations share, opened from the same environment. A worker that cannot publish
// where the stations read is refused at start with one line naming the setting.
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { configureComposer } from '../composer/shutdown.js';
import { openPostgresStore } from '../library/postgres/postgres-store.js';
import { S3MediaStore } from '../media/s3-media.js';
import { loadS3Config } from '../media/s3-config.js';
import type { JobHandler } from './song-queue.js';
import { createJobHandler } from './make-job.js';

export interface WorkerHandler {
  handler: JobHandler;
  /** Closes the store's connections. */
  close(): Promise<void>;
}

/** Opens the shared store and media from `env` and returns make-job's handler on them. */
export async function openWorkerHandler(env: NodeJS.ProcessEnv, log: (line: string) => void = console.log): Promise<WorkerHandler> {
  if (!env.DATABASE_URL?.trim()) throw new ConfigError('DATABASE_URL', 'is required: the PostgreSQL library the stations use, where a worker adds the songs it makes, e.g. postgres://USER:PASSWORD@HOST:5432/radio');
  if (!loadS3Config(env)) throw new ConfigError('S3_BUCKET', 'is required (with S3_ENDPOINT and the S3 credentials as the stations have them): the bucket where a worker puts the songs it makes');
  const config = loadConfig(env);
  configureComposer({ idleMs: config.composerIdleMs, keepWav: config.keepWav });
  const store = await openPostgresStore(config.databaseUrl!, { log });
  try {
    const media = new S3MediaStore(config.s3!, { scratchDir: join(config.dataDir, 'scratch') });
    await media.check();
    return { handler: createJobHandler({ store, media, log }), close: () => store.close() };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
