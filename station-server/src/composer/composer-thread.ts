// Songs are made on a worker thread. Singing, mastering and painting a cover are seconds of CPU on
// whichever thread runs them; on the station's main thread every listener's playlist request would
// wait behind them (measured: 1.7 s for a playlist while the starter catalog was being made).
import { Worker } from 'node:worker_threads';
import type { SongRequest } from '@radio-optimism/shared';
import { ComposerError, type ComposerErrorCode } from './errors.js';
import type { ComposedSong, ComposeSongOptions, StageEvent } from './pipeline.js';

export type ComposerTask = { type: 'compose'; id: number; request: SongRequest; seed: number; outDir: string } | { type: 'close' };
export type ComposerReply =
  | { type: 'stage'; id: number; event: StageEvent }
  | { type: 'done'; id: number; result: ComposedSong }
  | { type: 'failed'; id: number; error: { code: string; message: string; stage?: string } };

export interface ComposerThread {
  composeSong(request: SongRequest, seed: number, outDir: string, options?: ComposeSongOptions): Promise<ComposedSong>;
  close(): Promise<void>;
}

interface Pending {
  options: ComposeSongOptions;
  resolve: (song: ComposedSong) => void;
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

  return {
    composeSong(request, seed, outDir, options = {}) {
      const id = nextId++;
      return new Promise<ComposedSong>((resolve, reject) => {
        pending.set(id, { options, resolve, reject });
        const w = thread();
        w.ref(); // keep the process alive while songs are being made
        w.postMessage({ type: 'compose', id, request, seed, outDir } satisfies ComposerTask);
      }).finally(() => {
        if (pending.size === 0) worker?.unref();
      });
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
