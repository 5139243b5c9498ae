// A worker that could not publish where the stations read is refused at start, naming the setting.
import { ConfigError } from '../config.js';
import { openWorkerHandler } from './job-handler-factory.js';

const S3 = { S3_ENDPOINT: 'http://127.0.0.1:9', S3_BUCKET: 'radio-media', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' };

async function refusal(env: NodeJS.ProcessEnv): Promise<ConfigError> {
  const error = await openWorkerHandler(env, () => undefined).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${String(error)}`);
  return error;
}

describe('the worker\'s handler', () => {
  it('needs DATABASE_URL and the S3 settings, each named in one line', async () => {
    const noDb = await refusal({ REDIS_URL: 'redis://127.0.0.1:6379', ...S3 });
    expect(noDb.setting).toBe('DATABASE_URL');
    expect(noDb.message).not.toContain('\n');
    const noS3 = await refusal({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://radio:hunter2@127.0.0.1:9/radio' });
    expect(noS3.setting).toBe('S3_BUCKET');
    expect(noS3.message).not.toContain('hunter2');
    expect((await refusal({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://x@127.0.0.1:9/radio', ...S3, S3_BUCKET: 'No_Such' })).setting).toBe('S3_BUCKET');
  });
});
