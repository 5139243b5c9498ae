import { ConfigError } from '../config.js';
import { loadS3Config } from './s3-config.js';

const MINIO = { S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'radio-media', S3_ACCESS_KEY_ID: 'minioadmin', S3_SECRET_ACCESS_KEY: 'minio-secret' };

function refusal(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadS3Config(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the settings were accepted');
}

describe('S3 settings', () => {
  test('no S3 setting means local media', () => {
    expect(loadS3Config({})).toBeUndefined();
    expect(loadS3Config({ S3_BUCKET: '', S3_ENDPOINT: '  ' })).toBeUndefined();
  });

  test('a MinIO setup: path style by default, region us-east-1', () => {
    expect(loadS3Config(MINIO)).toEqual({ endpoint: 'http://127.0.0.1:9000', bucket: 'radio-media', region: 'us-east-1', credentials: { accessKeyId: 'minioadmin', secretAccessKey: 'minio-secret' }, forcePathStyle: true });
  });

  test('AWS: no endpoint, virtual-hosted style, credentials from the SDK chain', () => {
    expect(loadS3Config({ S3_BUCKET: 'radio-media', S3_REGION: 'eu-west-1' })).toEqual({ bucket: 'radio-media', region: 'eu-west-1', forcePathStyle: false });
  });

  test('a trailing slash on the endpoint is dropped', () => {
    expect(loadS3Config({ ...MINIO, S3_ENDPOINT: 'https://s3.example.org/' })?.endpoint).toBe('https://s3.example.org');
  });

  test.each<[string, NodeJS.ProcessEnv, string]>([
    ['a missing bucket', { S3_ENDPOINT: 'http://127.0.0.1:9000' }, 'S3_BUCKET'],
    ['a bad bucket name', { ...MINIO, S3_BUCKET: 'Radio_Media' }, 'S3_BUCKET'],
    ['a short bucket name', { ...MINIO, S3_BUCKET: 'ab' }, 'S3_BUCKET'],
    ['an endpoint that is no address', { ...MINIO, S3_ENDPOINT: 'minio:9000 x' }, 'S3_ENDPOINT'],
    ['an endpoint with another scheme', { ...MINIO, S3_ENDPOINT: 'ftp://127.0.0.1:9000' }, 'S3_ENDPOINT'],
    ['an endpoint with a path', { ...MINIO, S3_ENDPOINT: 'http://127.0.0.1:9000/media' }, 'S3_ENDPOINT'],
    ['an endpoint with credentials', { ...MINIO, S3_ENDPOINT: 'http://a:b@127.0.0.1:9000' }, 'S3_ENDPOINT'],
    ['a bad region', { ...MINIO, S3_REGION: 'EU West' }, 'S3_REGION'],
    ['a key id without its secret', { S3_BUCKET: 'radio-media', S3_ACCESS_KEY_ID: 'id' }, 'S3_SECRET_ACCESS_KEY'],
    ['a secret without its key id', { S3_BUCKET: 'radio-media', S3_SECRET_ACCESS_KEY: 'secret' }, 'S3_ACCESS_KEY_ID'],
    ['a path style that is not a boolean', { ...MINIO, S3_FORCE_PATH_STYLE: 'maybe' }, 'S3_FORCE_PATH_STYLE'],
    ['virtual-hosted style on an IP address', { ...MINIO, S3_FORCE_PATH_STYLE: 'false' }, 'S3_FORCE_PATH_STYLE'],
    ['virtual-hosted style with a dotted bucket over https', { S3_BUCKET: 'radio.media' }, 'S3_FORCE_PATH_STYLE'],
  ])('%s is refused in one line naming %s', (_, env, setting) => {
    const error = refusal(env);
    expect(error.setting).toBe(setting);
    expect(error.message.startsWith(`${setting}: `)).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  test('a secret is never echoed in a refusal', () => {
    expect(refusal({ ...MINIO, S3_ACCESS_KEY_ID: undefined }).message).not.toContain('minio-secret');
  });

  test('a dotted bucket is fine with path style', () => {
    expect(loadS3Config({ S3_BUCKET: 'radio.media', S3_FORCE_PATH_STYLE: 'true' })?.forcePathStyle).toBe(true);
  });
});
