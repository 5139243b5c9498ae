// `npm run cluster`: the cluster, tried out on one machine. Debian's PostgreSQL and Redis (installed
// with apt-get where missing) in temporary folders on free ports, an S3-compatible server (s3rver),
// two station instances and two workers (`npm run worker`) on them. Once every one is ready its last
// line is `cluster ready: station http://127.0.0.1:P1 http://127.0.0.1:P2 workers PID1 PID2`; SIGTERM
// or Ctrl-C stops everything it started and removes the folders.
// CLUSTER_SEED_CATALOG=true makes the starter catalog on the first instance (off by default: the
// instances come up at once, on air with silence until songs are sent).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../testing/free-port.js';
import { clusterEnv, startServices, startStationInstance, startWorkerInstance, stopChildren, type ClusterChild, type ClusterServices } from './cluster-processes.js';

const READY_TIMEOUT_MS = Number(process.env.CLUSTER_READY_TIMEOUT_MS || 300_000);

const children: ClusterChild[] = [];
let services: ClusterServices | undefined;
let root: string | undefined;
let stopping: Promise<void> | undefined;

async function stopAll(): Promise<void> {
  // Stations and workers first (a worker hands its running song back), then the services they use.
  await stopChildren(children);
  await Promise.allSettled([services?.pg.stop(), services?.redis.stop(), services?.s3.stop()]);
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
  services = await startServices();
  const { pg, redis, s3 } = services;
  const shared = clusterEnv(services, process.env.OPERATOR_TOKEN || randomBytes(16).toString('hex'));
  console.log(`cluster: services postgres pid ${pg.pid} ${pg.dir}, redis pid ${redis.pid()} ${redis.url}, s3 pid ${s3.pid} ${s3.endpoint}`);
  const ports = [await freePort(), await freePort()];
  const stations = ports.map((port, i) =>
    startStationInstance(`station-${i + 1}`, port, join(root!, `station-${i + 1}`), {
      ...shared,
      SEED_CATALOG: i === 0 && /^(1|true|yes|on)$/i.test(process.env.CLUSTER_SEED_CATALOG ?? '') ? 'true' : 'false',
    }),
  );
  const workers = [1, 2].map((n) => startWorkerInstance(`worker-${n}`, join(root!, `worker-${n}`), { ...shared, COMPOSE_CONCURRENCY: process.env.COMPOSE_CONCURRENCY || '1' }));
  for (const started of [...stations, ...workers]) {
    children.push(started.started);
    started.started.child.once('exit', (code, signal) => {
      if (!stopping) console.log(`[${started.started.name}] exited (${signal ?? code})`);
    });
  }
  // On air once it has said so (its last start-up line) and answers.
  await Promise.all([...stations, ...workers].map((s) => s.ready(READY_TIMEOUT_MS)));
  const pids = (list: typeof stations) => list.map((s) => s.started.child.pid);
  console.log(`cluster: operator token ${shared.OPERATOR_TOKEN}`);
  console.log(`cluster: folders ${root} ${pg.dir}; pids ${[pg.pid, redis.pid(), s3.pid, ...pids(stations), ...pids(workers)].join(' ')}`);
  console.log(`cluster ready: station ${ports.map((p) => `http://127.0.0.1:${p}`).join(' ')} workers ${pids(workers).join(' ')}`);
}

main().catch((error: unknown) => {
  console.error(`cluster: could not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  shutdown(1);
});
