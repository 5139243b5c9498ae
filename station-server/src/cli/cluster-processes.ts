// The parts of `npm run cluster`, for it and for `npm run bench:cluster`: the services (Debian's
// PostgreSQL and Redis, an S3-compatible server) on free loopback ports, the environment that puts a
// station or a worker on them, and station and worker processes whose lines are printed, named.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres, type PostgresServer } from '../testing/postgres-server.js';
import { startRedis, type RedisTestServer } from '../testing/redis-server.js';
import { startS3Server, type S3TestServer } from '../testing/s3-server.js';

const DIST = fileURLToPath(new URL('../', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export interface ClusterServices {
  pg: PostgresServer;
  redis: RedisTestServer;
  s3: S3TestServer;
}

export async function startServices(): Promise<ClusterServices> {
  const [pg, redis, s3] = await Promise.all([startPostgres(), startRedis(), startS3Server({ bucket: 'radio-media' })]);
  return { pg, redis, s3 };
}

/** What every station and worker of the cluster is given: cluster mode, by environment. */
export function clusterEnv(services: ClusterServices, operatorToken: string): Record<string, string> {
  const { pg, redis, s3 } = services;
  return {
    DATABASE_URL: pg.url,
    REDIS_URL: redis.url,
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: s3.bucket,
    S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
    OPERATOR_TOKEN: operatorToken,
  };
}

export interface ClusterChild {
  name: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
}

/** Starts `dist/<script>` with `env` added; each of its lines is passed to `print` with its name. */
export function startChild(name: string, script: string, env: Record<string, string>, print: (line: string) => void = (line) => console.log(line)): ClusterChild {
  const child = spawn(process.execPath, [join(DIST, script)], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = '';
    stream.on('data', (data: Buffer) => {
      out += data.toString();
      const lines = (rest + data.toString()).split('\n');
      rest = lines.pop()!;
      for (const line of lines) if (line.trim()) print(`[${name}] ${line}`);
    });
  }
  return { name, child, output: () => out };
}

/** Resolves once `ready` is true, or rejects when the child exits or the time runs out. */
export async function waitReady(started: ClusterChild, ready: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const { name, child } = started;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} stopped before it was ready (${child.signalCode ?? child.exitCode})`);
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s`);
}

/** A station instance of the cluster; ready once it has printed its URLs and answers /healthz. */
export function startStationInstance(name: string, port: number, dataDir: string, env: Record<string, string>, print?: (line: string) => void): { started: ClusterChild; ready: (timeoutMs: number) => Promise<void> } {
  const started = startChild(name, 'main.js', { ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir }, print);
  return { started, ready: (timeoutMs) => waitReady(started, async () => / {2}health: .*\n/.test(started.output()) && (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, timeoutMs) };
}

/** A composer worker (`npm run worker`); ready once it says so. */
export function startWorkerInstance(name: string, dataDir: string, env: Record<string, string>, print?: (line: string) => void): { started: ClusterChild; ready: (timeoutMs: number) => Promise<void> } {
  const started = startChild(name, 'worker.js', { COMPOSE_CONCURRENCY: '1', ...env, DATA_DIR: dataDir }, print);
  return { started, ready: (timeoutMs) => waitReady(started, async () => /worker ready/.test(started.output()), timeoutMs) };
}

/** SIGTERM to each (a worker hands its running song back), SIGKILL after 30 s; resolves when all are gone. */
export async function stopChildren(children: readonly ClusterChild[]): Promise<void> {
  await Promise.all(
    children.map(({ child }) => {
      if (child.exitCode !== null || child.signalCode !== null) return undefined;
      const gone = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      return gone.then(() => clearTimeout(timer));
    }),
  );
}
