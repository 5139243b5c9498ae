// Songs and announcements are made off the station's main thread. Singing, mastering and painting a
// cover are seconds of CPU on whichever thread runs them; on the main thread every listener's playlist
// request would wait behind them (measured: 1.7 s for a playlist while the starter catalog was being made).
// The composer's threads (its own, and the render pool's inside it) live in a child process, closed
// after an idle period and opened again on the next job: they hold hundreds of MB (SoundFont, voice,
// PCM) that the station does not need while nothing is being made, and only an exiting process gives
// all of it back (worker threads leave it in the allocator: measured 474 MB kept after they closed).
import type { Socket } from 'node:net';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SongRequest } from '@radio-optimism/shared';
import { ComposerError, type ComposerErrorCode } from './errors.js';
import type { ComposedSong, ComposeSongOptions, PlayableSong, StageEvent } from './pipeline.js';
import type { AnnouncementRequest, ComposedAnnouncement } from './announce/announce.js';

export type ComposerTask =
  | { type: 'compose'; id: number; request: SongRequest; seed: number; outDir: string; keepWav: boolean }
  | { type: 'announce'; id: number; request: AnnouncementRequest; outDir: string; keepWav: boolean }
  | { type: 'warm'; id: number }
  | { type: 'draft'; id: number; request: SongRequest; seed: number }
  | { type: 'close' };
export type ComposerReply =
  | { type: 'stage'; id: number; event: StageEvent }
  | { type: 'playable'; id: number; song: PlayableSong }
  | { type: 'done'; id: number; result: ComposedSong }
  | { type: 'announced'; id: number; result: ComposedAnnouncement }
  | { type: 'warmed'; id: number }
  | { type: 'drafted'; id: number; result: string }
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
  /** The words the writer would sing for a request (draft-lyrics.ts), written off the station's event loop. */
  draftLyrics(request: SongRequest, seed: number): Promise<string>;
  /** Loads the SoundFont and the voice now, so the first song someone sends does not wait for them. */
  warm(): Promise<void>;
  /** True while the composer's process exists (it is closed when idle). */
  isOpen(): boolean;
  /** The composer's process id while it is open (for measuring its memory, and for fault tests). */
  pid(): number | undefined;
  close(): Promise<void>;
  /** Ends the composer's process group now (its ffmpeg encoders with it): a song being made fails with
   *  "the composer stopped". For a station told to stop, which makes such a song again at its next start. */
  kill(): Promise<void>;
}

interface Pending {
  onStage?: ComposeSongOptions['onStage'];
  onPlayable?: ComposeSongOptions['onPlayable'];
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

// A child process holds the event loop open by its handle and by its IPC channel.
const ref = (w: ChildProcess): void => {
  w.ref();
  w.channel?.ref();
};
const unref = (w: ChildProcess): void => {
  w.unref();
  w.channel?.unref();
  // Its output comes through our pipes (see thread()), which must not keep the station alive either.
  (w.stdout as Socket | null)?.unref?.();
  (w.stderr as Socket | null)?.unref?.();
};

const CODES: readonly string[] = ['invalid-request', 'stage-failed', 'output-failed', 'below-standard'] satisfies ComposerErrorCode[];

/** One thread for all songs; it runs several at once (the render pool inside it uses both cores). */
export function startComposerThread(settings: Partial<ComposerSettings> = {}): ComposerThread {
  const { idleMs, keepWav } = { ...DEFAULT_COMPOSER_SETTINGS, ...settings };
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let worker: ChildProcess | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  const closing = new Set<Promise<void>>();
  const retiring = new Set<ChildProcess>();

  /** Asks the composer to close (it ends its render pool, then exits) and resolves when it has exited. */
  const retire = (w: ChildProcess): Promise<void> => {
    const exited = new Promise<void>((resolve) => {
      if (w.exitCode !== null || w.signalCode !== null) return resolve();
      w.once('exit', () => resolve());
    });
    ref(w); // whoever awaits the close is not left with an empty event loop
    if (w.connected) w.send({ type: 'close' } satisfies ComposerTask);
    // One that does not go within 10 s is ended.
    const kill = setTimeout(() => w.kill('SIGKILL'), 10_000);
    kill.unref();
    retiring.add(w);
    const done = exited.finally(() => {
      clearTimeout(kill);
      closing.delete(done);
      retiring.delete(w);
    });
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
  const thread = (): ChildProcess => {
    if (worker) return worker;
    const started = fork(fileURLToPath(new URL('./composer-worker.js', import.meta.url)), [], {
      serialization: 'advanced', // structured clone, as between threads
      // Its output is relayed by the station, not inherited: a composer busy in a long synchronous step
      // when the station is killed notices only seconds later, and meanwhile held the station's own
      // stdout and stderr open (a supervisor or a test waiting for them to close waited on it).
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      execArgv: [],
      // Its own process group, so that when it goes it can take the ffmpeg processes it started with it
      // (see composer-worker.ts): a station killed mid-song must not leave an encoder writing into a folder.
      detached: true,
    });
    started.stdout!.pipe(process.stdout, { end: false });
    started.stderr!.pipe(process.stderr, { end: false });
    unref(started);
    started.on('message', (reply: ComposerReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      if (reply.type === 'stage') return job.onStage?.(reply.event);
      if (reply.type === 'playable') return job.onPlayable?.(reply.song);
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
    started.on('exit', (code, signal) => lost(signal ? `signal ${signal}` : `exit code ${code}`));
    worker = started;
    return started;
  };

  const ask = <T>(task: Exclude<ComposerTask, { type: 'close' }>, options: Pick<ComposeSongOptions, 'onStage' | 'onPlayable'> = {}): Promise<T> => {
    clearTimeout(idleTimer);
    idleTimer = undefined;
    return new Promise<T>((resolve, reject) => {
      pending.set(task.id, { ...(options.onStage ? { onStage: options.onStage } : {}), ...(options.onPlayable ? { onPlayable: options.onPlayable } : {}), resolve: resolve as (result: unknown) => void, reject });
      const w = thread();
      ref(w); // keep the station's process alive while songs are being made
      w.send(task);
    }).finally(() => {
      if (pending.size === 0) {
        if (worker) unref(worker);
        idle();
      }
    });
  };

  return {
    composeSong: (request, seed, outDir, options = {}) => ask<ComposedSong>({ type: 'compose', id: nextId++, request, seed, outDir, keepWav: options.keepWav ?? keepWav }, options),
    composeAnnouncement: (request, outDir) => ask<ComposedAnnouncement>({ type: 'announce', id: nextId++, request, outDir, keepWav }),
    warm: () => ask<void>({ type: 'warm', id: nextId++ }),
    draftLyrics: (request, seed) => ask<string>({ type: 'draft', id: nextId++, request, seed }),
    isOpen: () => worker !== undefined,
    pid: () => worker?.pid,
    async close() {
      clearTimeout(idleTimer);
      idleTimer = undefined;
      const w = worker;
      worker = undefined;
      if (w) void retire(w);
      await Promise.all([...closing]);
    },
    async kill() {
      clearTimeout(idleTimer);
      idleTimer = undefined;
      // One still retiring is ended too (its close may be waiting on a render).
      const all = [...(worker ? [worker] : []), ...retiring];
      await Promise.all(
        all.map((w) => {
          const exited = new Promise<void>((resolve) => (w.exitCode !== null || w.signalCode !== null ? resolve() : w.once('exit', () => resolve())));
          ref(w);
          try {
            // The composer leads its own group (detached): the minus sign ends the group, encoders included.
            process.kill(-w.pid!, 'SIGKILL');
          } catch {
            w.kill('SIGKILL');
          }
          return exited;
        }),
      );
      worker = undefined;
    },
  };
}
