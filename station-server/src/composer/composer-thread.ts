// Songs are made on a worker thread. Singing, mastering and painting a cover are seconds of CPU on
// whichever thread runs them; on the station's main thread every listener's playlist request would
// wait behind them (measured: 1.7 s for a playlist while the starter catalog was being made).
import { Worker } from 'node:worker_threads';
import type { SongRequest } from '@radio-optimism/shared';
import { ComposerError, type ComposerErrorCode } from './errors.js';
import type { ComposedSong, ComposeSongOptions, StageEvent } from './pipeline.js';

export type ComposerTask = { type: 'compose'; id: number; request: SongRequest; seed: number; outDir: string } | { type: 'warm'; id: number } | { type: 'close' };
export type ComposerReply =
  | { type: 'stage'; id: number; event: StageEvent }
  | { type: 'done'; id: number; result: ComposedSong }
  | { type: 'warmed'; id: number }
  | { type: 'failed'; id: number; error: { code: string; message: string; stage?: string } };

export interface ComposerThread {
  composeSong(request: SongRequest, seed: number, outDir: string, options?: ComposeSongOptions): Promise<ComposedSong>;
  /** Loads the SoundFont and the voice now, so the first song someone sends does not wait for them. */
  warm(): Promise<void>;
  close(): Promise<void>;
}

interface Pending {
  options: ComposeSongOptions;
  resolve: (song: ComposedSong | undefined) => void;
  reject: (error: Error) => void;
}

const CODES: readonly string[] = ['invalid-request', 'stage-failed', 'output-failed'] satisfies ComposerErrorCode[];

/** One thread for all songs; it runs several at once (the render pool inside it uses both cores). */
export function startComposerThread(): ComposerThread {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let worker: Worker | undefined;

  // Started on first use and again after a crash, which fails only the songs that were on it.
  const thread = (): Worker => {
    if (worker) return worker;
    const started = new Worker(new URL('./composer-worker.js', import.meta.url));
    started.unref();
    started.on('message', (reply: ComposerReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      if (reply.type === 'stage') return job.options.onStage?.(reply.event);
      pending.delete(reply.id);
      if (reply.type === 'done') job.resolve(reply.result);
      else if (reply.type === 'warmed') job.resolve(undefined);
      else job.reject(new ComposerError(CODES.includes(reply.error.code) ? (reply.error.code as ComposerErrorCode) : 'stage-failed', reply.error.message, reply.error.stage));
    });
    const lost = (why: string) => {
      if (worker !== started) return;
      worker = undefined;
      for (const [id, job] of pending) {
        pending.delete(id);
        job.reject(new ComposerError('stage-failed', `the composer stopped (${why})`));
      }
    };
    started.on('error', (error) => lost(error.message));
    started.on('exit', (code) => lost(`exit code ${code}`));
    worker = started;
    return started;
  };

  const ask = (task: ComposerTask & { id: number }, options: ComposeSongOptions = {}): Promise<ComposedSong | undefined> =>
    new Promise<ComposedSong | undefined>((resolve, reject) => {
      pending.set(task.id, { options, resolve, reject });
      const w = thread();
      w.ref(); // keep the process alive while songs are being made
      w.postMessage(task);
    }).finally(() => {
      if (pending.size === 0) worker?.unref();
    });

  return {
    composeSong: async (request, seed, outDir, options = {}) => (await ask({ type: 'compose', id: nextId++, request, seed, outDir }, options))!,
    warm: async () => {
      await ask({ type: 'warm', id: nextId++ });
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (!w) return;
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      w.postMessage({ type: 'close' } satisfies ComposerTask);
      await exited;
    },
  };
}
