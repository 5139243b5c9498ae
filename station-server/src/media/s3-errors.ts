// What a bucket's refusal means, as a typed value with one line a person can act on: the SDK's own
// errors carry XML codes, HTTP statuses and socket codes, and none of that should reach a user.

export type S3MediaErrorCode = 'bucket-missing' | 'access-denied' | 'endpoint-unreachable' | 'range-not-satisfiable' | 'bad-key' | 'storage-error';

export class S3MediaError extends Error {
  constructor(readonly code: S3MediaErrorCode, message: string) {
    super(message);
    this.name = 'S3MediaError';
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_CONNECT_TIMEOUT']);
const DENIED = new Set(['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidToken', 'ExpiredToken', 'AllAccessDisabled', 'Forbidden']);

interface SdkError {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  message?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/** Whether the SDK says this object (or bucket) is not there: undefined/false to a caller, not a failure. */
export function isNotFound(error: unknown): boolean {
  const e = (error ?? {}) as SdkError;
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || (e.$metadata?.httpStatusCode === 404 && e.name !== 'NoSuchBucket');
}

/** The typed error for anything the SDK threw while `doing` (e.g. "uploading songs/x/cover.png"). */
export function s3Problem(error: unknown, bucket: string, endpoint: string, doing: string): S3MediaError {
  if (error instanceof S3MediaError) return error;
  const e = (error ?? {}) as SdkError;
  const name = typeof e.name === 'string' ? e.name : '';
  const status = e.$metadata?.httpStatusCode;
  // The SDK wraps a socket error from another realm (a vm context, as in Jest) into a bare Error with
  // the code only in its message, so the message is read too.
  const fromMessage = typeof e.message === 'string' ? /\b(E[A-Z]+|UND_ERR_[A-Z_]+)\b/.exec(e.message)?.[1] : undefined;
  const socketCode = [e.code, (e.cause as SdkError | undefined)?.code, fromMessage].find((c): c is string => typeof c === 'string' && UNREACHABLE.has(c));
  if (socketCode || name === 'TimeoutError' || name === 'RequestTimeout')
    return new S3MediaError('endpoint-unreachable', `the S3 endpoint ${endpoint} could not be reached while ${doing} (${socketCode ?? name}): check S3_ENDPOINT and that the server is running`);
  if (name === 'NoSuchBucket')
    return new S3MediaError('bucket-missing', `the bucket "${bucket}" does not exist at ${endpoint}: create it or fix S3_BUCKET`);
  if (DENIED.has(name) || status === 403)
    return new S3MediaError('access-denied', `${endpoint} refused access to the bucket "${bucket}" while ${doing} (${name && name !== 'Unknown' ? name : `HTTP ${status}`}): check S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY and the bucket's policy`);
  if (name === 'InvalidRange' || status === 416) return new S3MediaError('range-not-satisfiable', `the byte range asked for is outside the file while ${doing}`);
  const detail = typeof e.message === 'string' && e.message && e.message !== 'UnknownError' ? e.message.split('\n')[0]!.slice(0, 200) : name || `HTTP ${status ?? '?'}`;
  return new S3MediaError('storage-error', `the bucket "${bucket}" at ${endpoint} failed while ${doing}: ${detail}`);
}
