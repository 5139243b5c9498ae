// An S3-compatible server for cross-process tests: a station started with S3_ENDPOINT=endpoint etc.
export { startS3Server as startS3, type S3TestServer } from '@radio-optimism/station-server/dist/testing/s3-server.js';

import type { S3TestServer } from '@radio-optimism/station-server/dist/testing/s3-server.js';

/** The environment a station process needs to keep its media in this server's bucket. */
export function s3Env(server: S3TestServer): Record<string, string> {
  return {
    S3_ENDPOINT: server.endpoint,
    S3_BUCKET: server.bucket,
    S3_ACCESS_KEY_ID: server.credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: server.credentials.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  };
}
