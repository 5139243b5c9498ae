// npm run bench:cluster: the cluster of `npm run cluster` (PostgreSQL, Redis, an S3 server, two
// station instances) measured at work: songs a minute with one worker, then two; a phone's dedication
// from send to ready on a TV on the other instance, through the queue; listeners spread over both
// instances; the bytes each song keeps in the bucket; and the RSS of every process (peak and last,
// a worker counted with its composer). Writes its section of docs/BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ListObjectsV2Command, S3Client, type ListObjectsV2CommandOutput } from '@aws-sdk/client-s3';
import type { SongRequest } from '@radio-optimism/shared';
import WebSocket from 'ws';
import { freePort } from '../testing/free-port.js';
import { clusterEnv, startServices, startStationInstance, startWorkerInstance, stopChildren, type ClusterChild, type ClusterServices } from '../cli/cluster-processes.js';
import { runListeners, type ListenerReport } from './listeners.js';
import { machineLine, writeSection } from './report.js';

const SONGS_ONE_WORKER = Number(process.env.BENCH_SONGS_ONE || 3);
const SONGS_TWO_WORKERS = Number(process.env.BENCH_SONGS_TWO || 4);
const DEDICATIONS = Number(process.env.BENCH_DEDICATIONS || 2);
const LISTENERS = Number(process.env.BENCH_LISTENERS || 400);
const LISTEN_SEC = Number(process.env.BENCH_LISTEN_SEC || 30);
const READY_MS = 600_000;
const print = (line: string) => console.error(line);
const quietly = (line: string) => (/error|fail|problem/i.test(line) ? console.error(line) : undefined);

// Varied requests, as a campaign gets them: every language, several genres.
const REQUESTS: SongRequest[] = [
  { message: 'Thank you for the morning coffee and the long talks', to: 'Sam', genre: 'pop', vibe: 'upbeat', language: 'en' },
  { message: 'Gracias por cuidarme siempre', to: 'Lucía', genre: 'ballad', vibe: 'heartfelt', language: 'es' },
  { message: 'Obrigado por cada domingo juntos', to: 'João', genre: 'acoustic', vibe: 'calm', language: 'pt' },
  { message: 'Merci pour tous les fous rires', to: 'Camille', genre: 'lofi', vibe: 'nostalgic', language: 'fr' },
  { message: 'Danke, dass du immer da bist', to: 'Jonas', genre: 'rock', vibe: 'epic', language: 'de' },
  { message: '항상 곁에 있어줘서 고마워', to: '지민', genre: 'rnb', vibe: 'heartfelt', language: 'ko' },
  { message: 'Happy birthday to the best friend anyone could have', to: 'Max', genre: 'dance', vibe: 'playful', language: 'en' },
];

interface Rss {
  peakMb: number;
  lastMb: number;
}

/** RSS of named processes, each with its descendants (a worker's composer), sampled every 2 s. */
function sampleRss(roots: () => Map<string, number[]>): { stop: () => Map<string, Rss> } {
  const seen = new Map<string, Rss>();
  const sample = () => {
    let table: { pid: number; ppid: number; rssKb: number }[];
    try {
      table = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
        .split('\n')
        .map((l) => l.trim().split(/\s+/).map(Number))
        .filter((r) => r.length === 3 && r.every(Number.isFinite))
        .map(([pid, ppid, rssKb]) => ({ pid: pid!, ppid: ppid!, rssKb: rssKb! }));
    } catch {
      return;
    }
    const tree = (pid: number): number => table.filter((p) => p.pid === pid).reduce((t, p) => t + p.rssKb, 0) + table.filter((p) => p.ppid === pid).reduce((t, p) => t + tree(p.pid), 0);
    for (const [name, pids] of roots()) {
      const mb = pids.reduce((t, pid) => t + tree(pid), 0) / 1024;
      const old = seen.get(name);
      seen.set(name, { peakMb: Math.max(old?.peakMb ?? 0, mb), lastMb: mb });
    }
  };
  sample();
  const timer = setInterval(sample, 2000);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return seen;
    },
  };
}

async function post(base: string, token: string, request: SongRequest): Promise<string> {
  const res = await fetch(`${base}/api/v1/songs`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
  if (res.status !== 202) throw new Error(`POST /api/v1/songs answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

async function readyOn(base: string, token: string, id: string): Promise<void> {
  const deadline = Date.now() + READY_MS;
  while (Date.now() < deadline) {
    const body = (await (await fetch(`${base}/api/v1/songs/${id}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { title?: string; status?: string };
    if (body.status === 'failed') throw new Error(`song ${id} failed`);
    if (body.title) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`song ${id} was not ready within ${READY_MS / 1000} s`);
}

/** Songs sent at once to instance A, each waited for on instance B; songs a minute over the batch. */
async function batch(a: string, b: string, token: string, requests: SongRequest[]): Promise<{ ids: string[]; seconds: number; perMinute: number }> {
  const t = Date.now();
  const ids = await Promise.all(requests.map((r) => post(a, token, r)));
  await Promise.all(ids.map((id) => readyOn(b, token, id)));
  const seconds = (Date.now() - t) / 1000;
  return { ids, seconds, perMinute: (ids.length / seconds) * 60 };
}

/** A WebSocket peer that keeps its frames. */
async function peer(url: string): Promise<{ send: (f: unknown) => void; next: (type: string, match?: (f: Record<string, unknown>) => boolean, ms?: number) => Promise<Record<string, unknown>>; close: () => void }> {
  const ws = new WebSocket(url);
  const frames: Record<string, unknown>[] = [];
  ws.on('message', (d) => frames.push(JSON.parse(String(d)) as Record<string, unknown>));
  await new Promise((ok, fail) => {
    ws.once('open', ok);
    ws.once('error', fail);
  });
  return {
    send: (f) => ws.send(JSON.stringify(f)),
    next: async (type, match = () => true, ms = 15_000) => {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        const found = frames.find((f) => f.type === type && match(f));
        if (found) return found;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no ${type} frame within ${ms / 1000} s`);
    },
    close: () => ws.close(),
  };
}

/** A phone on A sends to a TV on B; seconds from send to `dedication.ready` on the TV, one at a time. */
async function dedications(a: string, b: string, n: number): Promise<number[]> {
  const ws = (base: string) => `${base.replace(/^http/, 'ws')}/ws`;
  const tv = await peer(ws(b));
  const phone = await peer(ws(a));
  const times: number[] = [];
  const seen = new Set<unknown>();
  try {
    tv.send({ type: 'tv.hello' });
    const welcome = await tv.next('tv.welcome');
    phone.send({ type: 'phone.pair', code: welcome.pairingCode, name: 'Bench' });
    await phone.next('phone.paired');
    for (let i = 0; i < n; i++) {
      const request = REQUESTS[(i + 2) % REQUESTS.length]!;
      const t = Date.now();
      phone.send({ type: 'dedication.create', request, target: 'tv' });
      const accepted = await phone.next('dedication.accepted', (f) => !seen.has(f.id), 30_000);
      seen.add(accepted.id);
      await tv.next('dedication.ready', (f) => f.id === accepted.id, READY_MS);
      times.push((Date.now() - t) / 1000);
      print(`cluster-bench: dedication ${i + 1}: ${times.at(-1)!.toFixed(1)} s from send to ready on the TV`);
    }
  } finally {
    tv.close();
    phone.close();
  }
  return times;
}

/** Bytes each song keeps in the bucket, and the share of each kind of file. */
async function bytesPerSong(services: ClusterServices, ids: string[]): Promise<{ songs: number; meanBytes: number; minBytes: number; maxBytes: number; byKind: Map<string, number> }> {
  const { s3 } = services;
  const client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: s3.credentials });
  const byKind = new Map<string, number>();
  const totals: number[] = [];
  try {
    for (const id of ids) {
      let total = 0;
      let token: string | undefined;
      do {
        const page: ListObjectsV2CommandOutput = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `songs/${id}/`, ContinuationToken: token }));
        for (const o of page.Contents ?? []) {
          const file = o.Key!.slice(`songs/${id}/`.length);
          const kind = file.startsWith('hls/') ? `hls/${file.split('/')[1]}` : file;
          byKind.set(kind, (byKind.get(kind) ?? 0) + (o.Size ?? 0));
          total += o.Size ?? 0;
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      totals.push(total);
    }
  } finally {
    client.destroy();
  }
  for (const [k, v] of byKind) byKind.set(k, v / ids.length);
  return { songs: ids.length, meanBytes: totals.reduce((a, b) => a + b, 0) / totals.length, minBytes: Math.min(...totals), maxBytes: Math.max(...totals), byKind };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

async function main(): Promise<void> {
  const loadBefore = loadavg()[0]!;
  const root = await mkdtemp(join(tmpdir(), 'bench-cluster-'));
  const token = randomBytes(16).toString('hex');
  const children: ClusterChild[] = [];
  let services: ClusterServices | undefined;
  try {
    print('cluster-bench: starting PostgreSQL, Redis and the S3 server');
    services = await startServices();
    const env = clusterEnv(services, token);
    const ports = [await freePort(), await freePort()];
    const [a, b] = ports.map((p) => `http://127.0.0.1:${p}`) as [string, string];
    const stations = ports.map((port, i) => startStationInstance(`station-${i + 1}`, port, join(root, `station-${i + 1}`), { ...env, SEED_CATALOG: 'false' }, quietly));
    const worker1 = startWorkerInstance('worker-1', join(root, 'worker-1'), env, quietly);
    children.push(...stations.map((s) => s.started), worker1.started);
    await Promise.all([...stations, worker1].map((s) => s.ready(300_000)));
    print('cluster-bench: two stations and one worker ready');
    const pidsOf = (c: ClusterChild | undefined) => (c?.child.pid ? [c.child.pid] : []);
    let worker2: ClusterChild | undefined;
    const svc = services;
    const rss = sampleRss(
      () =>
        new Map([
          ['station-1', pidsOf(stations[0]!.started)],
          ['station-2', pidsOf(stations[1]!.started)],
          ['worker-1 (with its composer)', pidsOf(worker1.started)],
          ['worker-2 (with its composer)', pidsOf(worker2)],
          ['PostgreSQL (all its processes)', [svc.pg.pid]],
          ['Redis', [svc.redis.pid() ?? 0].filter((p) => p > 0)],
          ['S3 server (s3rver)', [svc.s3.pid]],
        ]),
    );

    // A first song warms the worker (the synthesizer and voice load once); it is not counted.
    print('cluster-bench: warming the worker with one song');
    const warm = await batch(a, b, token, [REQUESTS[6]!]);
    print(`cluster-bench: warm-up song in ${warm.seconds.toFixed(1)} s`);
    const one = await batch(a, b, token, REQUESTS.slice(0, SONGS_ONE_WORKER));
    print(`cluster-bench: one worker: ${one.ids.length} songs in ${one.seconds.toFixed(1)} s (${one.perMinute.toFixed(2)} a minute)`);

    const second = startWorkerInstance('worker-2', join(root, 'worker-2'), env, quietly);
    children.push(second.started);
    await second.ready(300_000);
    worker2 = second.started;
    const two = await batch(a, b, token, Array.from({ length: SONGS_TWO_WORKERS }, (_, i) => REQUESTS[(i + 3) % REQUESTS.length]!));
    print(`cluster-bench: two workers: ${two.ids.length} songs in ${two.seconds.toFixed(1)} s (${two.perMinute.toFixed(2)} a minute)`);

    const latencies = await dedications(a, b, DEDICATIONS);

    // Listeners: half on each instance, the channels of the programme, while the workers are idle.
    const channels = ((await (await fetch(`${a}/api/v1/channels`)).json()) as { id: string }[]).map((c) => c.id);
    const half = Math.round(LISTENERS / 2);
    const listened: ListenerReport[] = await Promise.all([a, b].map((base) => runListeners({ base, channels, listeners: half, seconds: LISTEN_SEC })));
    const memory = rss.stop();
    const bytes = await bytesPerSong(services, [...warm.ids, ...one.ids, ...two.ids]);
    const loadAfter = loadavg()[0]!;

    const section = [
      '## Cluster (`npm run bench:cluster`)',
      '',
      `Measured on ${machineLine()}. The machine was shared: load average ${loadBefore.toFixed(1)} when the run began and ${loadAfter.toFixed(1)} when it ended, so times are longer than on a quiet machine. Everything ran on this one machine: PostgreSQL, Redis and s3rver (an S3-compatible server), two station instances (\`npm start\` in cluster mode) and the workers (\`npm run worker\`, one song at a time each). Songs were sent to instance A through \`POST /api/v1/songs\` and waited for on instance B.`,
      '',
      '| measure | result |',
      '| --- | --- |',
      `| songs a minute, 1 worker | ${one.perMinute.toFixed(2)} (${one.ids.length} songs sent at once, all ready in ${one.seconds.toFixed(0)} s; after one warm-up song of ${warm.seconds.toFixed(0)} s) |`,
      `| songs a minute, 2 workers | ${two.perMinute.toFixed(2)} (${two.ids.length} songs sent at once, all ready in ${two.seconds.toFixed(0)} s) |`,
      `| dedication, phone on A to TV on B, send → ready on the TV | ${latencies.map((s) => `${s.toFixed(1)} s`).join(', ')} (one at a time, workers idle) |`,
      ...listened.map((l, i) => `| ${l.listeners} listeners on instance ${i ? 'B' : 'A'} for ${l.seconds} s | ${l.requests} requests, ${l.errors} errors, p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, max ${l.max.toFixed(0)} ms |`),
      `| bytes per song in the bucket | mean ${mb(bytes.meanBytes)} over ${bytes.songs} songs (min ${mb(bytes.minBytes)}, max ${mb(bytes.maxBytes)}) |`,
      '',
      'What a song keeps, on average:',
      '',
      '| file | bytes |',
      '| --- | ---: |',
      ...[...bytes.byKind.entries()].sort((x, y) => y[1] - x[1]).map(([k, v]) => `| ${k} | ${mb(v)} |`),
      '',
      'RSS of each process over the run (sampled every 2 s):',
      '',
      '| process | peak | at the end (idle) |',
      '| --- | ---: | ---: |',
      ...[...memory.entries()].map(([name, r]) => `| ${name} | ${r.peakMb.toFixed(0)} MB | ${r.lastMb.toFixed(0)} MB |`),
    ].join('\n');
    console.log(section);
    writeSection(resolve(process.cwd(), 'docs/BENCHMARKS.md'), 'cluster', section);
  } finally {
    await stopChildren(children);
    await Promise.allSettled([services?.pg.stop(), services?.redis.stop(), services?.s3.stop()]);
    await rm(root, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`cluster-bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
