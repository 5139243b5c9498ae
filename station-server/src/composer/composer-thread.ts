// Songs and announcements are made on a worker thread. Singing, mastering and painting a cover are
// seconds of CPU on whichever thread runs them; on the station's main thread every listener's playlist
// request would wait behind them (measured: 1.7 s for a playlist while the starter catalog was being made).
// The thread (with its SoundFont, synthesizer pool and voice) is closed after an idle period and opened
// again on the next job: it holds hundreds of MB the station does not need while nothing is being made.
import { Worker } from 'node:worker_threads';
import type { SongRequest } from '@radio-optimism/shared';
import { ComposerError, type ComposerErrorCode } from './errors.js';
import type { ComposedSong, ComposeSongOptions, StageEvent } from './pipeline.js';
import type { AnnouncementRequest, ComposedAnnouncement } from './announce/announce.js';

export type ComposerTask =
  | { type: 'compose'; id: number; request: SongRequest; seed: number; outDir: string; keepWav: boolean }
  | { type: 'announce'; id: number; request: AnnouncementRequest; outDir: string; keepWav: boolean }
  | { type: 'warm'; id: number }
  | { type: 'close' };
export type ComposerReply =
  | { type: 'stage'; id: number; event: StageEvent }
  | { type: 'done'; id: number; result: ComposedSong }
  | { type: 'announced'; id: number; result: ComposedAnnouncement }
  | { type: 'warmed'; id: number }
  | { type: 'failed'; id: number; error: { code: string; message: string; stage?: string } };

export interface ComposerSettings {
  /** Close the thread after this long with nothing to make (COMPOSER_IDLE_MS); 0 keeps it open. */
  idleMs: number;
  /** Keep the WAVs songs and announcements are made from (KEEP_WAV). */
  keepWav: boolean;
}

export const DEFAULT_COMPOSER_SETTINGS: ComposerSettings = { idleMs: 60_000, keepWav: false };

export interface ComposerThread {
  composeSong(request: SongRequest, seed: number, outDir: string, options?: ComposeSongOptions): Promise<ComposedSong>;
  /** Speech over a music bed, mastered and packaged into `outDir` (hls/), like a song. */
  composeAnnouncement(request: AnnouncementRequest, outDir: string): Promise<ComposedAnnouncement>;
  /** Loads the SoundFont and the voice now, so the first song someone sends does not wait for them. */
  warm(): Promise<void>;
  /** True while the worker thread exists (it is closed when idle). */
  isOpen(): boolean;
  close(): Promise<void>;
}

interface Pending {
  onStage?: ComposeSongOptions['onStage'];
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

const CODES: readonly string[] = ['invalid-request', 'stage-failed', 'output-failed', 'below-standard'] satisfies ComposerErrorCode[];

/** One thread for all songs; it runs several at once (the render pool inside it uses both cores). */
export function startComposerThread(settings: Partial<ComposerSettings> = {}): ComposerThread {
  const { idleMs, keepWav } = { ...DEFAULT_COMPOSER_SETTINGS, ...settings };
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let worker: Worker | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  const closing = new Set<Promise<void>>();

  /** Asks a worker to close (it ends its render pool, then its port) and resolves when it has exited. */
  const retire = (w: Worker): Promise<void> => {
    const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
    w.ref(); // whoever awaits the close is not left with an empty event loop
    w.postMessage({ type: 'close' } satisfies ComposerTask);
    const done = exited.finally(() => closing.delete(done));
    closing.add(done);
    return done;
  };

  const idle = (): void => {
    clearTimeout(idleTimer);
    idleTimer = undefined;
    if (pending.size > 0 || !worker || idleMs <= 0) return;
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      if (pending.size > 0 || !worker) return;
      const w = worker;
      worker = undefined; // the next job opens a new thread; this one finishes closing on its own
      void retire(w);
    }, idleMs);
    idleTimer.unref();
  };

  // Started on first use and again after a crash, which fails only the jobs that were on it.
  const thread = (): Worker => {
    if (worker) return worker;
    const started = new Worker(new URL('./composer-worker.js', import.meta.url));
    started.unref();
    started.on('message', (reply: ComposerReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      if (reply.type === 'stage') return job.onStage?.(reply.event);
      pending.delete(reply.id);
      if (reply.type === 'failed') job.reject(new ComposerError(CODES.includes(reply.error.code) ? (reply.error.code as ComposerErrorCode) : 'stage-failed', reply.error.message, reply.error.stage));
      else job.resolve(reply.type === 'warmed' ? undefined : reply.result);
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

  const ask = <T>(task: Exclude<ComposerTask, { type: 'close' }>, onStage?: ComposeSongOptions['onStage']): Promise<T> => {
    clearTimeout(idleTimer);
    idleTimer = undefined;
    return new Promise<T>((resolve, reject) => {
      pending.set(task.id, { ...(onStage ? { onStage } : {}), resolve: resolve as (result: unknown) => void, reject });
      const w = thread();
      w.ref(); // keep the process alive while songs are being made
      w.postMessage(task);
    }).finally(() => {
      if (pending.size === 0) {
        worker?.unref();
        idle();
      }
    });
  };

  return {
    composeSong: (request, seed, outDir, options = {}) => ask<ComposedSong>({ type: 'compose', id: nextId++, request, seed, outDir, keepWav: options.keepWav ?? keepWav }, options.onStage),
    composeAnnouncement: (request, outDir) => ask<ComposedAnnouncement>({ type: 'announce', id: nextId++, request, outDir, keepWav }),
    warm: () => ask<void>({ type: 'warm', id: nextId++ }),
    isOpen: () => worker !== undefined,
    async close() {
      clearTimeout(idleTimer);
      idleTimer = undefined;
      const w = worker;
      worker = undefined;
      if (w) void retire(w);
      await Promise.all([...closing]);
    },
  };
}
