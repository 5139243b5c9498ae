// An S3-compatible server for tests (s3rver, pure JavaScript, nothing downloaded when it runs): in a
// child process on 127.0.0.1, on a free port, storing into a temporary folder, with one bucket made.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { S3Config } from '../media/s3-config.js';

/** s3rver's one built-in account. */
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const MAIN = fileURLToPath(new URL('./s3-server-main.js', import.meta.url));

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** The settings a MediaStore needs to use this server's bucket. */
  config: S3Config;
  /** The server's process id. */
  pid: number;
  /** Stops the server and deletes what it stored. */
  stop(): Promise<void>;
}

const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) child.kill('SIGKILL');
});

export async function startS3Server(options: { bucket?: string; timeoutMs?: number } = {}): Promise<S3TestServer> {
  const bucket = options.bucket ?? 'media';
  const directory = await mkdtemp(join(tmpdir(), 's3-test-'));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '--no-warnings', MAIN, directory, bucket], { stdio: ['pipe', 'pipe', 'pipe'] });
  started.add(child);
  const exited = new Promise<void>((done) => child.once('exit', () => (started.delete(child), done())));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(directory, { recursive: true, force: true });
  };
  let output = '';
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the S3 test server did not start within ${options.timeoutMs ?? 30_000} ms:\n${output}`)), options.timeoutMs ?? 30_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const m = /listening (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        done(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the S3 test server exited (${code}) before it was ready:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await kill();
    throw error;
  });
  const endpoint = `http://127.0.0.1:${port}`;
  let stopped: Promise<void> | undefined;
  return {
    endpoint,
    bucket,
    credentials: CREDENTIALS,
    config: { endpoint, bucket, region: 'us-east-1', credentials: CREDENTIALS, forcePathStyle: true },
    pid: child.pid!,
    stop: () => (stopped ??= kill()),
  };
}
