// Simulated HLS listeners, run in a child process so the load generator does not share the
// server's event loop. Each listener polls its channel's media playlist every 2 s and fetches every
// new segment, as a player does.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'node:http';

export interface ListenerOptions {
  base: string;
  channels: string[];
  listeners: number;
  seconds: number;
}

export interface ListenerReport {
  listeners: number;
  channels: number;
  seconds: number;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
}

export function runListeners(options: ListenerOptions): Promise<ListenerReport> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (m) => resolve(m as ListenerReport));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`listeners exited with ${code}`)));
  });
}

function get(agent: Agent, url: string): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('latin1'), ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.end();
  });
}

async function main(options: ListenerOptions): Promise<ListenerReport> {
  const agent = new Agent({ keepAlive: true, maxSockets: 2048 });
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + options.seconds * 1000;
  const listener = async (i: number) => {
    const channel = options.channels[i % options.channels.length]!;
    let last = '';
    await new Promise((r) => setTimeout(r, (i / options.listeners) * 2000)); // spread the first polls over a segment
    while (performance.now() < end) {
      const tick = performance.now();
      try {
        const playlist = await get(agent, `${options.base}/live/${channel}/128k.m3u8`);
        latencies.push(playlist.ms);
        if (playlist.status !== 200) errors++;
        const newest = playlist.body.trimEnd().split('\n').pop() ?? '';
        if (newest.endsWith('.ts') && newest !== last) {
          last = newest;
          const segment = await get(agent, `${options.base}${newest}`);
          latencies.push(segment.ms);
          if (segment.status !== 200) errors++;
        }
      } catch {
        errors++;
      }
      await new Promise((r) => setTimeout(r, Math.max(0, 2000 - (performance.now() - tick))));
    }
  };
  await Promise.all(Array.from({ length: options.listeners }, (_, i) => listener(i)));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { listeners: options.listeners, channels: options.channels.length, seconds: options.seconds, requests: latencies.length, errors, p50: q(0.5), p99: q(0.99), max: latencies[latencies.length - 1] ?? 0 };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  main(JSON.parse(process.argv[2]!) as ListenerOptions).then(
    (report) => process.send!(report, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
