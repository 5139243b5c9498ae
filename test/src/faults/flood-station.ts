// Helpers for the flood fault tests: a station process with extra settings, a player that keeps
// fetching the live playlist and its newest segment (and times each playlist), and WebSocket clients
// bound to a chosen loopback address.
import WebSocket from 'ws';
import { startStation, type RunningStation, type StationFixture } from '../station-process.js';

/** A station process with extra settings. */
export const startStationWith = (fixture: StationFixture, port: number, env: Record<string, string>): Promise<RunningStation> => startStation(fixture, port, env);

/** A listener: fetches the media playlist and its newest segment in a loop, noting every status and each playlist's time. */
export class Player {
  readonly playlistMs: number[] = [];
  readonly failures: string[] = [];
  readonly sequences: number[] = [];
  segments = 0;
  private running = true;
  private loop: Promise<void>;
  constructor(private readonly base: string, private readonly everyMs = 250) {
    this.loop = this.run();
  }
  private async run(): Promise<void> {
    while (this.running) {
      try {
        const began = performance.now();
        const res = await fetch(`${this.base}/live/radio-optimism/128k.m3u8`, { signal: AbortSignal.timeout(10_000) });
        const text = await res.text();
        this.playlistMs.push(performance.now() - began);
        if (res.status !== 200) this.failures.push(`playlist ${res.status}`);
        const seq = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1]);
        if (Number.isFinite(seq)) this.sequences.push(seq);
        const last = text.trimEnd().split('\n').pop() ?? '';
        if (last.endsWith('.ts')) {
          const seg = await fetch(new URL(last, `${this.base}/live/radio-optimism/128k.m3u8`), { signal: AbortSignal.timeout(10_000) });
          const bytes = Buffer.from(await seg.arrayBuffer());
          if (seg.status === 200 && bytes[0] === 0x47) this.segments++;
          else this.failures.push(`segment ${seg.status}`);
        }
      } catch (error) {
        this.failures.push(`error ${error instanceof Error ? error.message : String(error)}`);
      }
      await new Promise((r) => setTimeout(r, this.everyMs));
    }
  }
  /** Waits until `check` holds; fails if the player stalls that long. */
  async until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`the player stalled: ${this.failures.slice(-3).join('; ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  /** Playlist fetches and segments so far. */
  mark(): { playlists: number; segments: number } {
    return { playlists: this.playlistMs.length, segments: this.segments };
  }
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}

export const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

export type Frame = Record<string, unknown> & { type: string };

/** A WebSocket client from a chosen local address that keeps every frame and how it was closed. */
export class Socket {
  readonly frames: Frame[] = [];
  closed: { code: number; reason: string } | undefined;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      try {
        this.frames.push(JSON.parse(String(d)) as Frame);
      } catch {
        this.frames.push({ type: 'not-json' });
      }
    });
    ws.on('close', (code, reason) => (this.closed = { code, reason: String(reason) }));
    ws.on('error', () => undefined);
  }
  static open(url: string, localAddress?: string, options: WebSocket.ClientOptions = {}): Promise<Socket> {
    const ws = new WebSocket(url, { ...options, ...(localAddress ? { localAddress } : {}) });
    return new Promise((ok, fail) => {
      ws.once('open', () => ok(new Socket(ws)));
      ws.once('error', fail);
      ws.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
    });
  }
  send(frame: unknown): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }
  async until<T>(what: string, check: () => T | undefined, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = check();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms; last frames ${JSON.stringify(this.frames.slice(-3))}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  next(type: string, after = 0): Promise<Frame> {
    return this.until(`a ${type} frame`, () => this.frames.slice(after).find((f) => f.type === type));
  }
  close(): void {
    this.ws.terminate();
  }
}
