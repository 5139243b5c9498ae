// Where an S3-compatible bucket is, from the environment. No S3_* setting at all means local media;
// any of them means S3, and then what is missing or contradicts itself stops start-up with one line.
import { isIP } from 'node:net';
import { ConfigError } from '../config.js';

export interface S3Config {
  /** S3_ENDPOINT: a MinIO/S3-compatible server's address (http(s)://host:port); unset for AWS itself. */
  endpoint?: string;
  /** S3_BUCKET: the bucket that holds every song's files. */
  bucket: string;
  /** S3_REGION (default us-east-1). */
  region: string;
  /** S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, both or neither (neither: the SDK's own chain, e.g. an instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** S3_FORCE_PATH_STYLE: `endpoint/bucket/key` URLs (default true with S3_ENDPOINT, as MinIO needs; false for AWS). */
  forcePathStyle: boolean;
}

export const S3_SETTINGS = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'] as const;

// AWS's rules for bucket names, which MinIO shares: 3-63 of a-z 0-9 . -, starting and ending alphanumeric.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z0-9-]{2,32}$/;

/** The S3 settings in `env`, or undefined when none is set (media stays in a local folder). */
export function loadS3Config(env: NodeJS.ProcessEnv = process.env): S3Config | undefined {
  const get = (name: (typeof S3_SETTINGS)[number]): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const present = S3_SETTINGS.filter((name) => get(name) !== undefined);
  if (present.length === 0) return undefined;

  const bucket = get('S3_BUCKET');
  if (bucket === undefined) throw new ConfigError('S3_BUCKET', `is needed because ${present.join(', ')} ${present.length === 1 ? 'is' : 'are'} set: name the bucket that holds the media, or unset every S3_* setting to keep media in DATA_DIR`);
  if (!BUCKET.test(bucket) || bucket.includes('..')) throw new ConfigError('S3_BUCKET', `must be a bucket name of 3 to 63 lowercase letters, digits, dots and dashes, starting and ending with a letter or digit, not "${bucket}"`);

  const endpoint = get('S3_ENDPOINT');
  let endpointHost: string | undefined;
  if (endpoint !== undefined) {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw new ConfigError('S3_ENDPOINT', `must be an address like http://127.0.0.1:9000, not "${endpoint}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('S3_ENDPOINT', `must start with http:// or https://, not "${url.protocol}"`);
    if (url.username || url.password) throw new ConfigError('S3_ENDPOINT', 'must not hold credentials: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY instead');
    if (url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) throw new ConfigError('S3_ENDPOINT', `must be the server's address only (scheme, host, port), without a path, not "${endpoint}"`);
    endpointHost = url.hostname.replace(/^\[|\]$/g, '');
  }

  const region = get('S3_REGION') ?? 'us-east-1';
  if (!REGION.test(region)) throw new ConfigError('S3_REGION', `must be a region name like us-east-1, not "${region}"`);

  const accessKeyId = get('S3_ACCESS_KEY_ID');
  const secretAccessKey = get('S3_SECRET_ACCESS_KEY');
  if (accessKeyId !== undefined && secretAccessKey === undefined) throw new ConfigError('S3_SECRET_ACCESS_KEY', 'is needed with S3_ACCESS_KEY_ID (set both, or neither to use the SDK’s own credentials)');
  if (secretAccessKey !== undefined && accessKeyId === undefined) throw new ConfigError('S3_ACCESS_KEY_ID', 'is needed with S3_SECRET_ACCESS_KEY (set both, or neither to use the SDK’s own credentials)');

  const rawPathStyle = get('S3_FORCE_PATH_STYLE');
  let forcePathStyle = endpoint !== undefined;
  if (rawPathStyle !== undefined) {
    if (/^(1|true|yes|on)$/i.test(rawPathStyle)) forcePathStyle = true;
    else if (/^(0|false|no|off)$/i.test(rawPathStyle)) forcePathStyle = false;
    else throw new ConfigError('S3_FORCE_PATH_STYLE', `must be true or false, not "${rawPathStyle}"`);
  }
  // Virtual-hosted style puts the bucket in the host name: an IP address has none to put it in.
  if (!forcePathStyle && endpointHost !== undefined && isIP(endpointHost) !== 0)
    throw new ConfigError('S3_FORCE_PATH_STYLE', `must be true when S3_ENDPOINT is an IP address (${endpointHost}): a bucket cannot be put in front of an IP address`);
  // A dotted bucket in a host name breaks the TLS certificate's single-label wildcard.
  if (!forcePathStyle && bucket.includes('.') && (endpoint === undefined || endpoint.startsWith('https:')))
    throw new ConfigError('S3_FORCE_PATH_STYLE', `must be true for a bucket name with dots ("${bucket}") over https: its host name would not match the server's certificate`);

  return {
    ...(endpoint !== undefined ? { endpoint: endpoint.replace(/\/$/, '') } : {}),
    bucket,
    region,
    ...(accessKeyId !== undefined && secretAccessKey !== undefined ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    forcePathStyle,
  };
}
