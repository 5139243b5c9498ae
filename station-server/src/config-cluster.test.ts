import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

const fails = (env: NodeJS.ProcessEnv): ConfigError => {
  try {
    loadConfig(env, '/tmp');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

const S3 = { S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'radio-media', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' };
const CLUSTER = { DATABASE_URL: 'postgres://radio:pw@127.0.0.1:5432/radio', REDIS_URL: 'redis://127.0.0.1:6379', ...S3 };

describe('config: cluster settings', () => {
  it('without any of them, the station is the embedded one (SQLite, local media, local queue)', () => {
    const config = loadConfig({}, '/tmp');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.s3).toBeUndefined();
    expect(config.songQueueName).toBe('songs');
    expect(config.mediaCacheBytes).toBe(2048 * 1024 * 1024);
  });

  it('reads all of them together', () => {
    const config = loadConfig({ ...CLUSTER, SONG_QUEUE_NAME: 'radio-songs', MEDIA_CACHE_MB: '64' }, '/tmp');
    expect(config).toMatchObject({ databaseUrl: CLUSTER.DATABASE_URL, redisUrl: CLUSTER.REDIS_URL, songQueueName: 'radio-songs', mediaCacheBytes: 64 * 1024 * 1024 });
    expect(config.s3).toMatchObject({ endpoint: 'http://127.0.0.1:9000', bucket: 'radio-media', forcePathStyle: true, region: 'us-east-1' });
  });

  it('PostgreSQL alone, or S3 alone, is a one-machine station on that store or media', () => {
    expect(loadConfig({ DATABASE_URL: CLUSTER.DATABASE_URL }, '/tmp').databaseUrl).toBe(CLUSTER.DATABASE_URL);
    expect(loadConfig(S3, '/tmp').s3?.bucket).toBe('radio-media');
  });

  it('refuses what contradicts itself, naming the setting', () => {
    expect(fails({ DATABASE_URL: 'mysql://x@y/z' }).setting).toBe('DATABASE_URL');
    expect(fails({ DATABASE_URL: 'not a url' }).setting).toBe('DATABASE_URL');
    expect(fails({ ...CLUSTER, REDIS_URL: 'http://127.0.0.1:6379' }).setting).toBe('REDIS_URL');
    expect(fails({ ...CLUSTER, SONG_QUEUE_NAME: 'a b' }).setting).toBe('SONG_QUEUE_NAME');
    expect(fails({ ...CLUSTER, S3_BUCKET: '' }).setting).toBe('S3_BUCKET');
    expect(fails({ ...CLUSTER, S3_SECRET_ACCESS_KEY: '' }).setting).toBe('S3_SECRET_ACCESS_KEY');
    expect(fails({ ...CLUSTER, MEDIA_CACHE_MB: '1' }).setting).toBe('MEDIA_CACHE_MB');
    // A queue on Redis means workers elsewhere: they need the shared library and bucket.
    const noDb = fails({ ...CLUSTER, DATABASE_URL: '' });
    expect(noDb.setting).toBe('REDIS_URL');
    expect(noDb.message).toContain('DATABASE_URL');
    const noS3 = fails({ DATABASE_URL: CLUSTER.DATABASE_URL, REDIS_URL: CLUSTER.REDIS_URL });
    expect(noS3.setting).toBe('REDIS_URL');
    expect(noS3.message).toContain('S3_BUCKET');
  });

  it('never puts a password in a message', () => {
    expect(fails({ DATABASE_URL: 'mysql://radio:hunter2@db/radio' }).message).not.toContain('hunter2');
    expect(fails({ ...CLUSTER, REDIS_URL: 'http://:hunter2@127.0.0.1:6379' }).message).not.toContain('hunter2');
  });
});
