// `npm run cluster`: the cluster, tried out on one machine. Debian's PostgreSQL and Redis (installed
// with apt-get where missing) in temporary folders on free ports, an S3-compatible server (s3rver),
// two station instances and two workers (`npm run worker`) on them. Once every one is ready its last
// line is `cluster ready: station http://127.0.0.1:P1 http://127.0.0.1:P2 workers PID1 PID2`; SIGTERM
// or Ctrl-C stops everything it started and removes the folders.
// CLUSTER_SEED_CATALOG=true makes the starter catalog on the first instance (off by default: the
// instances come up at once, on air with silence until songs are sent).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres, type PostgresServer } from '../testing/postgres-server.js';
import { startRedis, type RedisTestServer } from '../testing/redis-server.js';
import { startS3Server, type S3TestServer } from '../testing/s3-server.js';
import { freePort } from '../testing/free-port.js';

const DIST = fileURLToPath(new URL('../', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const READY_TIMEOUT_MS = Number(process.env.CLUSTER_READY_TIMEOUT_MS || 300_000);

const children: { name: string; child: ChildProcess }[] = [];
let pg: PostgresServer | undefined;
let redis: RedisTestServer | undefined;
let s3: S3TestServer | undefined;
let root: string | undefined;
let stopping: Promise<void> | undefined;

function start(name: string, script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [join(DIST, script)], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push({ name, child });
  // Every child's lines, named, so one terminal shows the whole cluster.
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = '';
    stream.on('data', (data: Buffer) => {
      const lines = (rest + data.toString()).split('\n');
      rest = lines.pop()!;
      for (const line of lines) if (line.trim()) console.log(`[${name}] ${line}`);
    });
  }
  child.once('exit', (code, signal) => {
    if (!stopping) console.log(`[${name}] exited (${signal ?? code})`);
  });
  return child;
}

/** Resolves once `ready` is true, or rejects when the child exits or the time runs out. */
async function until(name: string, child: ChildProcess, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} stopped before it was ready (${child.signalCode ?? child.exitCode})`);
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${name} was not ready within ${READY_TIMEOUT_MS / 1000} s`);
}

function saw(child: ChildProcess, pattern: RegExp): () => Promise<boolean> {
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  return async () => pattern.test(out);
}

async function stopAll(): Promise<void> {
  // Stations and workers first (a worker hands its running song back), then the services they use.
  await Promise.all(
    children.map(({ child }) => {
      if (child.exitCode !== null || child.signalCode !== null) return undefined;
      const gone = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      return gone.then(() => clearTimeout(timer));
    }),
  );
  await Promise.allSettled([pg?.stop(), redis?.stop(), s3?.stop()]);
  if (root) await rm(root, { recursive: true, force: true });
}

function shutdown(code: number): void {
  stopping ??= stopAll();
  void stopping.then(
    () => process.exit(code),
    (error: unknown) => {
      console.error(`cluster: stopping failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
process.once('SIGTERM', () => shutdown(0));
process.once('SIGINT', () => shutdown(0));

async function main(): Promise<void> {
  root = await mkdtemp(join(tmpdir(), 'radio-cluster-'));
  console.log(`cluster: starting PostgreSQL, Redis and the S3 server (folder ${root})`);
  [pg, redis, s3] = await Promise.all([startPostgres(), startRedis(), startS3Server({ bucket: 'radio-media' })]);
  const databaseUrl = pg.url;
  const shared: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: s3.bucket,
    S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
    OPERATOR_TOKEN: process.env.OPERATOR_TOKEN || randomBytes(16).toString('hex'),
  };
  console.log(`cluster: services postgres pid ${pg.pid} ${pg.dir}, redis pid ${redis.pid()} ${redis.url}, s3 pid ${s3.pid} ${s3.endpoint}`);
  const ports = [await freePort(), await freePort()];
  const stations = ports.map((port, i) =>
    start(`station-${i + 1}`, 'main.js', {
      ...shared,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(root!, `station-${i + 1}`),
      SEED_CATALOG: i === 0 && /^(1|true|yes|on)$/i.test(process.env.CLUSTER_SEED_CATALOG ?? '') ? 'true' : 'false',
    }),
  );
  const workers = [1, 2].map((n) => start(`worker-${n}`, 'worker.js', { ...shared, DATA_DIR: join(root!, `worker-${n}`), COMPOSE_CONCURRENCY: process.env.COMPOSE_CONCURRENCY || '1' }));
  await Promise.all([
    // On air once it has said so (its last start-up line) and answers.
    ...stations.map((child, i) => {
      const said = saw(child, /\n {2}health: .*\n/);
      return until(`station-${i + 1}`, child, async () => (await said()) && (await fetch(`http://127.0.0.1:${ports[i]}/healthz`)).ok);
    }),
    ...workers.map((child, i) => until(`worker-${i + 1}`, child, saw(child, /worker ready/))),
  ]);
  console.log(`cluster: operator token ${shared.OPERATOR_TOKEN}`);
  console.log(`cluster: folders ${root} ${pg.dir}; pids ${[pg.pid, redis.pid(), s3.pid, ...stations.map((c) => c.pid), ...workers.map((c) => c.pid)].join(' ')}`);
  console.log(`cluster ready: station ${ports.map((p) => `http://127.0.0.1:${p}`).join(' ')} workers ${workers.map((c) => c.pid).join(' ')}`);
}

main().catch((error: unknown) => {
  console.error(`cluster: could not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  shutdown(1);
});
