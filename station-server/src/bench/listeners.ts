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
  requests: number;
  /** Requests in the first 4 s (connections opening), left out of the latency figures. */
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

  constructor(private readonly host: string, private readonly port: number) {
    this.socket = this.open();
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
    w?.reject(error);
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buffer.toString('latin1', 0, end);
    const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buffer.length < end + 4 + length) return;
    const body = this.buffer.subarray(end + 4, end + 4 + length);
    this.buffer = this.buffer.subarray(end + 4 + length);
    const w = this.waiting;
    this.waiting = undefined;
    w?.resolve({ status: Number(head.slice(9, 12)), body, ms: performance.now() - w.started });
  }

  get(path: string): Promise<{ status: number; body: Buffer; ms: number }> {
    if (this.socket.destroyed) this.socket = this.open();
    return new Promise((resolve, reject) => {
      this.waiting = { started: performance.now(), resolve, reject };
      this.socket.write(`GET ${path} HTTP/1.1\r\nHost: ${this.host}\r\nConnection: keep-alive\r\n\r\n`);
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

async function main(options: ListenerOptions): Promise<ListenerReport> {
  const url = new URL(options.base);
  const latencies: number[] = [];
  let errors = 0;
  let warmupRequests = 0;
  // The first two segments' worth of time is the ramp-up (ten thousand connections opening): counted
  // for errors, reported apart for latency, so the figures describe the steady state.
  const started = performance.now();
  const steady = started + 4000;
  const end = started + options.seconds * 1000;
  const record = (ms: number) => {
    if (performance.now() >= steady) latencies.push(ms);
    else warmupRequests++;
  };
  const listener = async (i: number) => {
    const channel = options.channels[i % options.channels.length]!;
    let last = '';
    await new Promise((r) => setTimeout(r, (i / options.listeners) * 2000)); // spread the first polls over a segment
    const connection = new Connection(url.hostname, Number(url.port));
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
  if (process.env.LISTENERS_DEBUG) console.error(`load generator CPU ${(((cpu.user + cpu.system) / 1e6 / options.seconds) * 100).toFixed(0)}%`);
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { listeners: options.listeners, channels: options.channels.length, seconds: options.seconds, requests: latencies.length + warmupRequests, warmupRequests, errors, p50: q(0.5), p99: q(0.99), max: latencies[latencies.length - 1] ?? 0 };
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
