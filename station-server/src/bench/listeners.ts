// Simulated HLS listeners, run in a child process so the load generator does not share the
// server's event loop. Each listener polls its channel's media playlist every 2 s and fetches every
// new segment, as a player does, on its own keep-alive connection.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { connect, type Socket } from 'node:net';

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
  /** Time to open every listener's connection (before any request), and connections that failed. */
  connectSec: number;
  connectErrors: number;
  requests: number;
  /** Requests in the first 2 s, while the first polls spread out, left out of the latency figures. */
  warmupRequests: number;
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

/**
 * One listener's keep-alive connection. A minimal HTTP/1.1 client (GET, Content-Length bodies):
 * node:http's client costs several times more CPU per request, and at ten thousand listeners the
 * load generator, not the server, would be what the benchmark measured.
 */
class Connection {
  private socket: Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { started: number; resolve: (r: { status: number; body: Buffer; ms: number }) => void; reject: (e: Error) => void } | undefined;

  /** Resolves when the TCP connection is up. */
  readonly ready: Promise<void>;

  /** `agent`: the User-Agent this listener sends (each its own, so the station counts each as a listener). */
  constructor(private readonly host: string, private readonly port: number, private readonly agent = 'bench-listener') {
    this.socket = this.open();
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('error', reject);
    });
  }

  private open(): Socket {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('connection closed')));
    return socket;
  }

  private fail(error: Error): void {
    const w = this.waiting;
    this.waiting = undefined;
    this.buffer = Buffer.alloc(0);
    this.response = undefined;
    w?.reject(error);
  }

  /** The response being read: its status and length once the head is in, and the body so far. */
  private response: { status: number; length: number; chunks: Buffer[]; received: number } | undefined;

  // Parses the head once, then only counts body bytes until the whole body is in: a 32 kB segment
  // arrives in several chunks, and copying the body at every chunk would cost more than the server.
  private onData(chunk: Buffer): void {
    if (!this.response) {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = this.buffer.toString('latin1', 0, end);
      const rest = this.buffer.subarray(end + 4);
      this.buffer = Buffer.alloc(0);
      this.response = { status: Number(head.slice(9, 12)), length: Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0), chunks: [], received: 0 };
      chunk = rest;
    }
    const r = this.response;
    if (chunk.length) {
      r.chunks.push(chunk);
      r.received += chunk.length;
    }
    if (r.received < r.length) return;
    const all = r.chunks.length === 1 ? r.chunks[0]! : Buffer.concat(r.chunks);
    this.response = undefined;
    this.buffer = all.subarray(r.length);
    const w = this.waiting;
    this.waiting = undefined;
    w?.resolve({ status: r.status, body: all.subarray(0, r.length), ms: performance.now() - w.started });
  }

  get(path: string): Promise<{ status: number; body: Buffer; ms: number }> {
    if (this.socket.destroyed) this.socket = this.open();
    return new Promise((resolve, reject) => {
      this.waiting = { started: performance.now(), resolve, reject };
      this.socket.write(`GET ${path} HTTP/1.1\r\nHost: ${this.host}\r\nUser-Agent: ${this.agent}\r\nConnection: keep-alive\r\n\r\n`);
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

async function main(options: ListenerOptions): Promise<ListenerReport> {
  const url = new URL(options.base);
  // Tune in: every listener opens its connection first, a few hundred at a time, as TVs arriving at
  // a station do; the steady state is measured once they are all connected.
  const connectStart = performance.now();
  const connections: Connection[] = [];
  let connectErrors = 0;
  for (let i = 0; i < options.listeners; i += 500) {
    const batch = Array.from({ length: Math.min(500, options.listeners - i) }, (_, n) => new Connection(url.hostname, Number(url.port), `bench-listener/${i + n}`));
    connectErrors += (await Promise.allSettled(batch.map((c) => c.ready))).filter((r) => r.status === 'rejected').length;
    connections.push(...batch);
  }
  const connectSec = (performance.now() - connectStart) / 1000;

  const latencies: number[] = [];
  let errors = 0;
  let warmupRequests = 0;
  const started = performance.now();
  const steady = started + 2000;
  const end = started + options.seconds * 1000;
  const record = (ms: number) => {
    if (performance.now() >= steady) latencies.push(ms);
    else warmupRequests++;
  };
  const listener = async (i: number) => {
    const channel = options.channels[i % options.channels.length]!;
    const connection = connections[i]!;
    let last = '';
    await new Promise((r) => setTimeout(r, (i / options.listeners) * 2000)); // spread the polls over a segment
    while (performance.now() < end) {
      const tick = performance.now();
      try {
        const playlist = await connection.get(`/live/${channel}/128k.m3u8`);
        record(playlist.ms);
        if (playlist.status !== 200) errors++;
        const text = playlist.body.toString('latin1').trimEnd();
        const newest = text.slice(text.lastIndexOf('\n') + 1);
        if (newest.endsWith('.ts') && newest !== last) {
          last = newest;
          const segment = await connection.get(newest);
          record(segment.ms);
          if (segment.status !== 200 || segment.body.length === 0) errors++;
        }
      } catch {
        errors++;
      }
      await new Promise((r) => setTimeout(r, Math.max(0, 2000 - (performance.now() - tick))));
    }
    connection.close();
  };
  await Promise.all(Array.from({ length: options.listeners }, (_, i) => listener(i)));
  const cpu = process.cpuUsage();
  if (process.env.LISTENERS_DEBUG) console.error(`load generator CPU ${(((cpu.user + cpu.system) / 1e6 / (options.seconds + connectSec)) * 100).toFixed(0)}%`);
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { listeners: options.listeners, channels: options.channels.length, seconds: options.seconds, connectSec, connectErrors, requests: latencies.length + warmupRequests, warmupRequests, errors, p50: q(0.5), p99: q(0.99), max: latencies[latencies.length - 1] ?? 0 };
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
