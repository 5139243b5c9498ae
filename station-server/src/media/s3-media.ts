// Songs' files in an S3-compatible bucket (AWS S3, MinIO). A composer writes into a local scratch
// folder; publish uploads it whole, with the headers a CDN in front needs, and frees the scratch.
import { createReadStream } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { storedFileCacheControl } from './cache-policy.js';
import { contentTypeOf } from './content-type.js';
import type { FileSource, MediaFile, MediaStore } from './media-store.js';
import type { S3Config } from './s3-config.js';
import { isNotFound, s3Problem, S3MediaError } from './s3-errors.js';

export interface S3MediaOptions {
  /** Local folder for scratch work folders (e.g. DATA_DIR/scratch); a key's folder is removed once published. */
  scratchDir: string;
  /** Files uploaded at once per publish (default 4). */
  uploadConcurrency?: number;
  /** Keys per list request (default 1000, S3's own maximum). */
  pageSize?: number;
}

/** Files up to this size are uploaded from memory, so a failed attempt is retried. */
const BUFFERED_UPLOAD_BYTES = 16 * 1024 * 1024;

// Key and file names are path segments of letters, digits, dot, dash and underscore: never `..`,
// never absolute, so a scratch folder cannot escape scratchDir and an object key means one thing.
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
function checkName(what: 'key' | 'file', name: string): string {
  const parts = name.split('/');
  if (name.length > 512 || !parts.every((p) => SEGMENT.test(p))) throw new S3MediaError('bad-key', `a media ${what} is path segments of letters, digits, ".", "-" and "_" (not starting with "."), not "${name.slice(0, 80)}"`);
  return name;
}

/** A client for `config`, with settings every S3-compatible server accepts. */
export function s3Client(config: S3Config): S3Client {
  return new S3Client({
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    // Checksums only where S3 requires one: MinIO and other servers reject the SDK's newer defaults.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  await walk(dir);
  return out.sort();
}

export class S3MediaStore implements MediaStore {
  readonly kind = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;
  /** For messages: where the bucket is. */
  private readonly where: string;
  private readonly concurrency: number;
  private readonly pageSize: number;

  constructor(config: S3Config, private readonly options: S3MediaOptions) {
    this.client = s3Client(config);
    this.bucket = config.bucket;
    this.where = config.endpoint ?? `AWS S3 (${config.region})`;
    this.concurrency = options.uploadConcurrency ?? 4;
    this.pageSize = options.pageSize ?? 1000;
  }

  private problem(error: unknown, doing: string): S3MediaError {
    return s3Problem(error, this.bucket, this.where, doing);
  }

  /** Whether the bucket is there and ours to use, for start-up and health: resolves, or throws the typed error. */
  async check(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      // A HEAD has no body, so a missing bucket is a bare 404 here.
      if (isNotFound(error)) throw new S3MediaError('bucket-missing', `the bucket "${this.bucket}" does not exist at ${this.where}: create it or fix S3_BUCKET`);
      throw this.problem(error, 'checking the bucket');
    }
  }

  workDir(key: string): string {
    return join(this.options.scratchDir, checkName('key', key));
  }

  async publish(key: string, options: { stored?: ReadonlySet<string> } = {}): Promise<void> {
    const dir = this.workDir(key);
    let files: string[];
    try {
      files = await filesUnder(dir);
    } catch (error) {
      throw new S3MediaError('storage-error', `nothing to publish for ${key}: its work folder ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    for (const file of files) checkName('file', file);
    // Manifests go last, so whoever finds a playlist finds every segment it names already there.
    const manifests = files.filter((f) => /\.(m3u8|json)$/i.test(f));
    // Segments put while the song was made are there already, and their bytes never change.
    const media = files.filter((f) => !manifests.includes(f) && !options.stored?.has(f));
    for (const batch of [media, manifests]) await this.uploadAll(key, dir, batch);
    // A key published again holds exactly the new files: drop what the earlier version had beyond them.
    const wanted = new Set(files.map((f) => `${key}/${f}`));
    const stale: string[] = [];
    for await (const object of this.objectsUnder(`${key}/`)) if (!wanted.has(object)) stale.push(object);
    await this.deleteObjects(stale, `replacing ${key}`);
    // Only now is the scratch not needed: a failed upload above leaves it for the next try.
    await rm(dir, { recursive: true, force: true });
  }

  private async uploadAll(key: string, dir: string, files: string[]): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < files.length) {
        const file = files[next++]!;
        await this.upload(key, file, { path: join(dir, ...file.split('/')) });
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, files.length) }, worker));
  }

  private async upload(key: string, file: string, source: FileSource, cacheControl = storedFileCacheControl(file)): Promise<void> {
    try {
      let body: Buffer | Readable;
      let size: number;
      if ('data' in source) [body, size] = [source.data, source.data.length];
      else {
        size = (await stat(source.path)).size;
        // A buffer can be sent again when the SDK retries; a stream cannot, so only big files stream.
        body = size <= BUFFERED_UPLOAD_BYTES ? await readFile(source.path) : createReadStream(source.path);
      }
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: `${key}/${file}`, Body: body, ContentLength: size, ContentType: contentTypeOf(file), CacheControl: cacheControl }));
    } catch (error) {
      throw this.problem(error, `uploading ${key}/${file}`);
    }
  }

  async put(key: string, file: string, source: FileSource, options: { cacheControl?: string } = {}): Promise<void> {
    checkName('key', key);
    checkName('file', file);
    await this.upload(key, file, source, options.cacheControl);
  }

  async read(key: string, file: string): Promise<Buffer | undefined> {
    const name = `${checkName('key', key)}/${checkName('file', file)}`;
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: name }));
      return Buffer.from(await res.Body!.transformToByteArray());
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw this.problem(error, `reading ${name}`);
    }
  }

  async open(key: string, file: string, range?: { start: number; end: number }): Promise<MediaFile | undefined> {
    const name = `${checkName('key', key)}/${checkName('file', file)}`;
    if (range && !(Number.isSafeInteger(range.start) && Number.isSafeInteger(range.end) && range.start >= 0 && range.end >= range.start))
      throw new S3MediaError('range-not-satisfiable', `a byte range is two whole numbers, start ≤ end, not ${range.start}-${range.end}`);
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: name, ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }));
      return { body: res.Body as Readable, size: res.ContentLength ?? 0, contentType: res.ContentType ?? contentTypeOf(file), ...(res.CacheControl ? { cacheControl: res.CacheControl } : {}) };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw this.problem(error, `opening ${name}`);
    }
  }

  async has(key: string, file: string): Promise<boolean> {
    const name = `${checkName('key', key)}/${checkName('file', file)}`;
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: name }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw this.problem(error, `looking for ${name}`);
    }
  }

  async remove(key: string): Promise<void> {
    checkName('key', key);
    // Deleted page by page, so a key with any number of files never sits in memory whole.
    let batch: string[] = [];
    for await (const object of this.objectsUnder(`${key}/`)) {
      batch.push(object);
      if (batch.length === 1000) {
        await this.deleteObjects(batch, `removing ${key}`);
        batch = [];
      }
    }
    await this.deleteObjects(batch, `removing ${key}`);
    await rm(join(this.options.scratchDir, key), { recursive: true, force: true });
  }

  async *keys(prefix: string): AsyncIterable<string> {
    for await (const page of this.pages(prefix, '/')) for (const p of page.CommonPrefixes ?? []) if (p.Prefix) yield p.Prefix.replace(/\/$/, '');
  }

  /** Every object's name under `prefix`. */
  private async *objectsUnder(prefix: string): AsyncIterable<string> {
    for await (const page of this.pages(prefix)) for (const o of page.Contents ?? []) if (o.Key) yield o.Key;
  }

  /** A listing a page at a time, so no list is ever held whole, however many keys the bucket has. */
  private async *pages(prefix: string, delimiter?: string): AsyncIterable<ListObjectsV2CommandOutput> {
    let token: string | undefined;
    do {
      let page: ListObjectsV2CommandOutput;
      try {
        page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, MaxKeys: this.pageSize, ...(delimiter ? { Delimiter: delimiter } : {}), ...(token ? { ContinuationToken: token } : {}) }));
      } catch (error) {
        throw this.problem(error, `listing ${prefix || 'the bucket'}`);
      }
      yield page;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  private async deleteObjects(names: string[], doing: string): Promise<void> {
    for (let i = 0; i < names.length; i += 1000) {
      const chunk = names.slice(i, i + 1000);
      let res;
      try {
        res = await this.client.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: chunk.map((Key) => ({ Key })), Quiet: true } }));
      } catch (error) {
        throw this.problem(error, doing);
      }
      const failed = res.Errors ?? [];
      if (failed.length > 0) throw this.problem({ name: failed[0]!.Code, message: `${failed.length} of ${chunk.length} files were not deleted (${failed[0]!.Key}: ${failed[0]!.Message})` }, doing);
    }
  }

  /** Closes the client's sockets. */
  close(): void {
    this.client.destroy();
  }
}
