// The one way anything gets made: every song, station ID and spoken intro is a job on this queue,
// run on composer threads (never on the station's main thread). On one machine the queue lives in
// the station process; in cluster mode it is BullMQ on Redis and `npm run worker` runs the jobs on any
// machine. Both implement this interface; nothing else makes songs.
import type { Language, SongRequest } from '@radio-optimism/shared';
import type { PlayableSong, Stage } from '../composer/pipeline.js';
import type { SongKind, SongRecord } from '../library/store.js';

/** Who asked, highest priority first: a phone's dedication before operators, filler and the starter catalog. */
export const JOB_PRIORITIES = ['dedication', 'operator', 'filler', 'starter'] as const;
export type JobPriority = (typeof JOB_PRIORITIES)[number];

/** What to make. */
export type SongJobSpec =
  | {
      type: 'song';
      request: SongRequest;
      /** How the song enters the library. */
      kind: SongKind;
      priority: JobPriority;
      /** The id it was given when it was accepted (a job made again after a restart); default a new one. */
      id?: string;
    }
  | {
      /** Words spoken over a short music bed, mastered like a song and packaged: a station ID (kept in
       *  the library as a jingle) or a dedication's intro (kept in the media store under `intros/<id>`). */
      type: 'announcement';
      as: 'jingle' | 'intro';
      text: string;
      language: Language;
      /** The bed's key, so consecutive IDs do not all sound alike. */
      tonic: number;
      priority: JobPriority;
      id?: string;
    };

export type JobStatus = 'queued' | 'composing' | 'ready' | 'failed';

export interface JobState {
  id: string;
  type: SongJobSpec['type'];
  status: JobStatus;
  priority: JobPriority;
  stage?: Stage;
  /** Jobs that start before this one (0 once it runs). */
  position: number;
  error?: { code: string; message: string };
}

export type JobResult =
  | { type: 'song'; song: SongRecord }
  | { type: 'announcement'; id: string; durationSec: number };

/** Why a new job was turned away: its class's queue is full. */
export interface QueueFull {
  code: 'queue-full';
  message: string;
  /** A fair guess for Retry-After, in seconds. */
  retryAfterSec: number;
}

/** What the queue reports, wherever the job runs. */
export interface QueueListener {
  started?(id: string): void;
  stage?(id: string, stage: Stage): void;
  /** The song's first part can be played from its media (a growing playlist), wherever it is made. */
  playable?(id: string, song: PlayableSong): void;
  ready?(id: string, result: JobResult): void;
  failed?(id: string, error: { code: string; message: string }): void;
}

export interface SongQueue {
  /** Queues a job and resolves with its id once it is safely queued. Always accepted: ask `full()`
   *  first for work from outside the station. A job whose id the queue holds already (queued,
   *  running or made) is not queued again: that id is returned. */
  submit(spec: SongJobSpec): Promise<{ id: string }>;
  /** Set when a new job of this class must be refused. */
  full(priority: JobPriority): Promise<QueueFull | undefined>;
  state(id: string): Promise<JobState | undefined>;
  /** Resolves with the result when the job is done; rejects with its error when it failed for good. */
  wait(id: string): Promise<JobResult>;
  /** Subscribes to every job's progress; returns the unsubscribe. */
  listen(listener: QueueListener): () => void;
  /** Stops taking work; running jobs finish (or are left for another worker), queued ones stay queued
   *  where the queue is durable. */
  destroy(): Promise<void>;
}

/** What a job's runner reports while it works. */
export interface JobContext {
  id: string;
  stage(stage: Stage): void;
  /** The song's first part is packaged and can be served (from its folder, or the bucket) while the rest is made. */
  playable?(song: PlayableSong): void;
}

/** Makes one job (compose, check, package, publish the files, add to the store). The local queue and
 *  the BullMQ worker both take it from config, so they run the very same work. */
export type JobHandler = (spec: SongJobSpec, context: JobContext) => Promise<JobResult>;

/** Why a job was dropped rather than failed: the queue was stopped (the station is shutting down).
 *  A song accepted and stored stays stored, and is made at the next start. */
export class QueueStoppedError extends Error {
  readonly code = 'queue-stopped';
  constructor(message = 'the station is shutting down') {
    super(message);
    this.name = 'QueueStoppedError';
  }
}
