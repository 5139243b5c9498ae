// Cluster mode's parts, chosen by the environment (config.ts): the PostgreSQL store on DATABASE_URL,
// S3 media on S3_*, and on REDIS_URL the BullMQ song queue (songs are made by `npm run worker`, not in
// the station), the Redis bus and Redis playout leases. What one part opened is closed again when a
// later one cannot start, so a failed start-up leaves no connections behind.
import { join } from 'node:path';
import type { StationConfig } from '../config.js';
import type { StationParts } from '../station.js';
import { openPostgresStore } from '../library/postgres/postgres-store.js';
import { describeUrl } from '../library/postgres/connection.js';
import { S3MediaStore } from '../media/s3-media.js';
import { createBullmqQueue } from '../songs/bullmq-queue.js';
import { RedisBus } from './redis-bus.js';
import { RedisLease } from './redis-lease.js';
import { redactRedisUrl } from './redis-url.js';

/** The parts `config` asks for beyond the embedded ones, each left out when `given` has it already. */
export async function openClusterParts(config: StationConfig, log: (line: string) => void, given: Partial<StationParts>): Promise<Partial<StationParts>> {
  const opened: Partial<StationParts> = {};
  try {
    if (config.databaseUrl && !given.store) opened.store = await openPostgresStore(config.databaseUrl, { log });
    if (config.s3 && !given.media) {
      const media = new S3MediaStore(config.s3, { scratchDir: join(config.dataDir, 'scratch') });
      await media.check();
      opened.media = media;
    }
    if (config.redisUrl) {
      const url = config.redisUrl;
      if (!given.queue) opened.queue = await createBullmqQueue({ connection: url, name: config.songQueueName, queueLimit: config.songQueueLimit, log });
      if (!given.bus) {
        const bus = new RedisBus({ url });
        opened.bus = bus;
        await bus.ready();
      }
      if (!given.lease) opened.lease = new RedisLease({ url });
    }
    return opened;
  } catch (error) {
    await opened.lease?.close().catch(() => undefined);
    await opened.bus?.close().catch(() => undefined);
    await opened.queue?.destroy().catch(() => undefined);
    await opened.store?.close().catch(() => undefined);
    throw error;
  }
}

/** One line naming each part's engine and where it is, never a password. */
export function describeParts(config: StationConfig, parts: StationParts): string {
  const store = parts.store.engine === 'postgres' && config.databaseUrl ? `postgres (${describeUrl(config.databaseUrl)})` : parts.store.engine;
  const media = parts.media.kind === 's3' && config.s3 ? `s3 (${config.s3.endpoint ?? `AWS ${config.s3.region}`}, bucket ${config.s3.bucket})` : parts.media.kind;
  const redis = config.redisUrl ? ` (${redactRedisUrl(config.redisUrl)})` : '';
  const queue = config.redisUrl ? `bullmq "${config.songQueueName}"${redis}, made by workers` : 'in this process';
  return `parts: store ${store}; media ${media}; song queue ${queue}; bus ${parts.bus.kind}; lease ${parts.lease.kind}`;
}
