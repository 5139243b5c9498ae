// A persistent pool of render workers. Each worker loads the SoundFont once and keeps it (with every
// sample it has decoded); a score is split into one group of tracks per worker and the results summed.
// Idle workers are unref'd, so a pool never keeps a process alive by itself.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SAMPLE_RATE, type Audio, type Score } from '../types.js';
import { RenderError } from './errors.js';
import { partitionTracks } from './plan.js';
import { DEFAULT_SOUNDFONT, type SoundFontName } from './soundfont.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './worker-protocol.js';

export interface RenderPoolOptions {
  /** Worker threads, each holding its own copy of the SoundFont (about 200 MB). Default: 2, or fewer cores. */
  workers?: number;
  /** Default FluidR3Mono, the fastest. */
  soundFont?: SoundFontName;
}

export interface RenderPool {
  /** Number of workers (and of track groups a score is split into). */
  readonly size: number;
  /** Renders the score's tracks: stereo, 44.1 kHz, `round(durationSec * 44100)` frames. */
  render(score: Score): Promise<Audio>;
  /** Resolves once every worker has loaded its SoundFont; optional, for servers that want a warm first song. */
  warm(): Promise<void>;
  /** Stops the workers; pending and later renders reject with `pool-destroyed`. */
  destroy(): Promise<void>;
}

interface Pending {
  resolve: (reply: WorkerReply) => void;
  reject: (error: RenderError) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

const WORKER_URL = new URL('./render-worker.js', import.meta.url);

export function createRenderPool(options: RenderPoolOptions = {}): RenderPool {
  const size = Math.max(1, Math.floor(options.workers ?? Math.min(2, availableParallelism())));
  const setup: WorkerSetup = { soundFont: options.soundFont ?? DEFAULT_SOUNDFONT };
  const slots: (Slot | undefined)[] = new Array(size).fill(undefined);
  let nextId = 1;
  let destroyed = false;

  const failAll = (slot: Slot, error: RenderError): void => {
    for (const pending of slot.pending.values()) pending.reject(error);
    slot.pending.clear();
  };

  const spawn = (index: number): Slot => {
    const worker = new Worker(WORKER_URL, { workerData: setup });
    const slot: Slot = { worker, pending: new Map() };
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const pending = slot.pending.get(reply.id);
      if (!pending) return;
      slot.pending.delete(reply.id);
      if (slot.pending.size === 0) worker.unref();
      pending.resolve(reply);
    });
    worker.on('error', (error) => {
      failAll(slot, new RenderError('worker-failed', `a render worker failed: ${error.message}`, error));
    });
    worker.on('exit', (code) => {
      // A worker that dies is replaced on the next job; what it held fails now rather than hanging.
      if (slots[index] === slot) slots[index] = undefined;
      failAll(slot, new RenderError(destroyed ? 'pool-destroyed' : 'worker-failed', destroyed ? 'the render pool was destroyed' : `a render worker exited with code ${code}`));
    });
    slots[index] = slot;
    return slot;
  };

  const send = (index: number, request: WorkerRequest, transfer: ArrayBuffer[] = []): Promise<WorkerReply> => {
    if (destroyed) return Promise.reject(new RenderError('pool-destroyed', 'the render pool was destroyed'));
    const slot = slots[index] ?? spawn(index);
    return new Promise<WorkerReply>((resolve, reject) => {
      slot.pending.set(request.id, { resolve, reject });
      // Keep the process alive while a job is out, or an awaiting CLI could exit with the song half-made.
      slot.worker.ref();
      slot.worker.postMessage(request, transfer);
    });
  };

  const expect = <T extends WorkerReply['type']>(reply: WorkerReply, type: T): Extract<WorkerReply, { type: T }> => {
    if (reply.type === 'failed') throw new RenderError(reply.code, reply.message);
    if (reply.type !== type) throw new RenderError('worker-failed', `a render worker answered ${reply.type} to a ${type} job`);
    return reply as Extract<WorkerReply, { type: T }>;
  };

  return {
    size,
    async render(score: Score): Promise<Audio> {
      if (!Number.isFinite(score.durationSec) || score.durationSec <= 0) {
        throw new RenderError('invalid-score', `the score's duration must be a positive number of seconds, not ${score.durationSec}`);
      }
      const frames = Math.round(score.durationSec * SAMPLE_RATE);
      const groups = partitionTracks(score.tracks, size);
      const replies = await Promise.all(
        groups.map((tracks, index) => send(index, { type: 'render', id: nextId++, tracks, sampleRate: SAMPLE_RATE, frames }).then((r) => expect(r, 'rendered'))),
      );
      if (replies.length === 0) return { sampleRate: SAMPLE_RATE, channels: [new Float32Array(frames), new Float32Array(frames)] };
      // Summed in group order, so the same score on the same pool size gives the same bytes.
      const [first, ...rest] = replies as [(typeof replies)[number], ...typeof replies];
      const { left, right } = first;
      for (const part of rest) {
        for (let i = 0; i < frames; i++) {
          left[i] = left[i]! + part.left[i]!;
          right[i] = right[i]! + part.right[i]!;
        }
      }
      return { sampleRate: SAMPLE_RATE, channels: [left, right] };
    },
    async warm(): Promise<void> {
      await Promise.all(slots.map((_, index) => send(index, { type: 'warm', id: nextId++ }).then((r) => expect(r, 'warmed'))));
    },
    async destroy(): Promise<void> {
      destroyed = true;
      const live = slots.filter((slot): slot is Slot => slot !== undefined);
      slots.fill(undefined);
      await Promise.all(
        live.map(async (slot) => {
          failAll(slot, new RenderError('pool-destroyed', 'the render pool was destroyed'));
          await slot.worker.terminate();
        }),
      );
    },
  };
}
