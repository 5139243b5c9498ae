// Dedications: stored before they are acknowledged, made in the bounded song queue, retried up to a
// cap, and delivered: to the paired TV at once, or to the radio through moderation. After a restart,
// whatever was unfinished is made again, so nothing acknowledged is silently lost; but a song whose
// making was started `maxAttempts` times and never finished (it failed, or the station died while
// making it, perhaps because of it) is recorded as failed with the reason, not tried on every start.
import { randomBytes } from 'node:crypto';
import { ServerMessage, songStreamPath, type DedicationStage, type SongRequest } from '@radio-optimism/shared';
import type { PlayableSong, Stage } from '../composer/pipeline.js';
import type { DedicationRecord, PhoneRecord, SongRecord, Store } from '../library/store.js';
import type { MediaStore } from '../media/media-store.js';
import { QueueStoppedError, type SongQueue } from '../songs/song-queue.js';
import { removeSong } from '../songs/song-files.js';
import { songView } from '../library/song-view.js';
import { flagAbuse } from './abuse-filter.js';
import { diskProblem } from '../library/library-error.js';
import type { DedicationStats } from '../stats/statistics.js';

export interface DedicationDeps {
  store: Store;
  media: MediaStore;
  queue: SongQueue;
  /** Sends a frame to every socket of a phone. */
  toPhone(phoneId: string, frame: object): void;
  /** Sends a frame to every socket of a TV. */
  toTv(tvId: string, frame: object): void;
  /** Puts an approved radio dedication on air: resolves once it is stored in the channel's air queue. */
  onAir(songId: string): Promise<void> | void;
  /** A radio dedication's song is ready and waits for an operator (webhooks hear of it). */
  pending?(d: DedicationRecord): void;
  log(line: string): void;
  /** Times a dedication's song may be started before it is given up (default 3). */
  maxAttempts?: number;
  /** When the disk refused a song's files (full, read-only), the wait before making it again, a try
   *  not counted (default 5 minutes). */
  diskRetryMs?: number;
  /** Told when a dedication is sent, made and approved (the statistics' funnel). */
  stats?: DedicationStats;
}

/** The phone's words for a failure (its code is `composition-failed`; the reason stays with the operator). */
const FAILED_MESSAGE = 'the song could not be made; please try again';

export interface Dedications {
  /** Stores and queues a dedication; undefined (and the phone is told "busy") when the queue is full. */
  create(phone: PhoneRecord, request: SongRequest, target: 'tv' | 'radio'): Promise<DedicationRecord | undefined>;
  /** Sends a song already made (a take the sender chose) as a dedication: to the TV at once, or to
   *  the radio's moderation; that exact song, not a new one. */
  deliver(phone: PhoneRecord, request: SongRequest, target: 'tv' | 'radio', song: SongRecord): Promise<DedicationRecord>;
  /** Makes again what a previous run left unfinished. */
  resume(): Promise<void>;
  /** Frames that bring a reconnecting phone up to date on its latest dedications, oldest first. */
  catchUp(phoneId: string): Promise<object[]>;
  /** The TV `tvId` started playing dedication `id`: its phone is told (once), and again on catch-up. */
  playing(tvId: string, id: string): Promise<void>;
  approve(id: string): Promise<DedicationRecord | undefined>;
  reject(id: string): Promise<DedicationRecord | undefined>;
  /** Stops the retries waiting for the disk (the rows stay unfinished, so the next start makes them). */
  destroy(): void;
}

// The pipeline's stages, as the phone names them.
const PHONE_STAGE: Record<Stage, DedicationStage> = {
  understand: 'lyrics',
  lyrics: 'lyrics',
  compose: 'music',
  render: 'music',
  sing: 'voice',
  cover: 'artwork',
  master: 'mix',
  encode: 'mix',
  check: 'mix',
};

export function createDedications(deps: DedicationDeps): Dedications {
  const store = deps.store.dedications;
  // What each running job's progress means to its dedication (the queue reports every job's).
  const watching = new Map<string, { started(): void; stage(stage: Stage): void; playable(song: PlayableSong): void }>();
  const unlisten = deps.queue.listen({
    started: (id) => watching.get(id)?.started(),
    stage: (id, stage) => watching.get(id)?.stage(stage),
    playable: (id, song) => watching.get(id)?.playable(song),
  });
  const maxAttempts = deps.maxAttempts ?? 3;
  const diskRetryMs = deps.diskRetryMs ?? 5 * 60_000;
  const waiting = new Set<NodeJS.Timeout>();
  const lastStage = new Map<string, DedicationStage>();
  const readyFrame = (d: DedicationRecord, song: SongRecord) => ({
    type: ServerMessage.DedicationReady,
    id: d.id,
    target: d.target,
    song: songView(song),
    ...(d.target === 'radio' ? { moderation: d.moderation === 'none' ? 'pending' : d.moderation } : {}),
  });

  const playingFrame = (id: string) => ({ type: ServerMessage.DedicationPlaying, id });

  const moderatedFrame = (id: string, moderation: 'approved' | 'rejected') => ({ type: ServerMessage.DedicationModerated, id, moderation });
  /** The sender learns the moderators' decision at once (and on reconnect, from catchUp). */
  const decided = (d: DedicationRecord | undefined): DedicationRecord | undefined => {
    if (d && (d.moderation === 'approved' || d.moderation === 'rejected')) deps.toPhone(d.phoneId, moderatedFrame(d.id, d.moderation));
    return d;
  };

  const failedFrame = (id: string, songId?: string) => ({ type: ServerMessage.DedicationFailed, id, code: 'composition-failed', message: FAILED_MESSAGE, ...(songId ? { songId } : {}) });
  const fail = async (d: DedicationRecord, failure: string): Promise<void> => {
    await store.update(d.id, { status: 'failed', error: 'composition-failed', failure });
    lastStage.delete(d.id);
    deps.log(`dedication ${d.id} failed: ${failure}`);
    deps.toPhone(d.phoneId, failedFrame(d.id));
    // A TV may still be waiting for it (a toast, or a panel that played its start): it goes back to its channel.
    if (d.target === 'tv') deps.toTv(d.tvId, failedFrame(d.id));
  };

  /** Queues the dedication's song; `fresh` when the phone has not been told it was accepted yet. */
  const run = async (d: DedicationRecord, fresh: boolean): Promise<void> => {
    // Counted when the song starts, not when it queues: a dedication that waited behind others while
    // the station was stopped was not the cause, and keeps its tries.
    let attempts = d.attempts;
    await store.update(d.id, { status: 'queued' });
    const reported = new Set<DedicationStage>();
    lastStage.set(d.id, 'queued');
    const jobId = await deps.store.songs.newId();
    // Whether the TV was offered this try's song: if the try fails, its stream is gone and the TV is told at once.
    let offered = false;
    watching.set(jobId, {
      started: () => {
        attempts += 1;
        store.update(d.id, { status: 'composing', attempts }).catch((error: unknown) => deps.log(`dedication ${d.id}: could not record its start: ${error instanceof Error ? error.message : String(error)}`));
      },
      stage: (stage) => {
        // Stages overlap (the band renders while the voice sings and the cover paints): each is
        // reported once, when it begins.
        const shown = PHONE_STAGE[stage];
        if (reported.has(shown)) return;
        reported.add(shown);
        lastStage.set(d.id, shown);
        deps.toPhone(d.phoneId, { type: ServerMessage.DedicationProgress, id: d.id, stage: shown });
      },
      // The TV may start the song while the rest is made; `dedication.ready` follows when it is whole.
      playable: (song) => {
        if (d.target !== 'tv') return;
        offered = true;
        deps.toTv(d.tvId, { type: ServerMessage.DedicationPlayable, id: d.id, song: { id: jobId, title: song.title, durationSec: song.durationSec, to: d.request.to, from: d.request.from ?? null, stream: songStreamPath(jobId) } });
      },
    });
    let job: { id: string };
    try {
      job = await deps.queue.submit({ type: 'song', request: d.request, kind: 'private', priority: 'dedication', id: jobId });
    } catch (error) {
      watching.delete(jobId);
      throw error;
    }
    const position = (await deps.queue.state(job.id))?.position ?? 0;
    // Acknowledged only now: the dedication is stored and its song is in the queue.
    if (fresh) deps.toPhone(d.phoneId, { type: ServerMessage.DedicationAccepted, id: d.id, position });
    deps.toPhone(d.phoneId, { type: ServerMessage.DedicationProgress, id: d.id, stage: 'queued', position });
    void deps.queue.wait(job.id).finally(() => watching.delete(job.id)).then(
      async (result) => {
        if (result.type !== 'song') throw new Error(`job ${job.id} made an announcement, not a song`);
        const song = result.song;
        const flags = d.target === 'radio' ? flagAbuse(d.request) : [];
        const done = (await store.update(d.id, { status: 'ready', songId: song.id, error: null, failure: null, ...(d.target === 'radio' ? { moderation: 'pending' as const, flags } : {}) }))!;
        if (done.moderation === 'pending') deps.pending?.(done);
        deps.stats?.made(d.target, song);
        lastStage.delete(d.id);
        const frame = readyFrame(done, song);
        deps.toPhone(d.phoneId, frame);
        if (d.target === 'tv') deps.toTv(d.tvId, frame);
        deps.log(`dedication ${d.id} ready (${d.target}${flags.length ? `, flagged: ${flags.join(', ')}` : ''})`);
      },
      async (error: unknown) => {
        // Stopped with the station: the row keeps its status, and the next start makes it.
        if (error instanceof QueueStoppedError) return;
        const reason = error instanceof Error ? error.message : String(error);
        const disk = diskProblem(`the ${deps.media.kind} media store`, error);
        if (disk) {
          // Not the song's fault: the try is given back, and it is made again when there may be room.
          attempts -= 1;
          await store.update(d.id, { status: 'queued', attempts });
          deps.log(`dedication ${d.id}: ${disk.message}; making it again in ${Math.round(diskRetryMs / 1000)} s`);
          deps.toPhone(d.phoneId, { type: ServerMessage.DedicationProgress, id: d.id, stage: 'queued' });
          const timer = setTimeout(() => {
            waiting.delete(timer);
            run({ ...d, attempts }, false).catch((again: unknown) => {
              deps.log(`dedication ${d.id}: could not queue it again: ${again instanceof Error ? again.message : String(again)}; the next start will`);
            });
          }, diskRetryMs);
          timer.unref();
          waiting.add(timer);
          return;
        }
        deps.log(`dedication ${d.id} attempt ${attempts} failed: ${reason}`);
        // The half-made song the TV was playing is gone (its folder with it): the TV stops it now, not
        // when every try has failed; a later try that gets as far is offered again.
        if (offered) deps.toTv(d.tvId, failedFrame(d.id, jobId));
        if (attempts < maxAttempts) return run({ ...d, attempts }, false);
        await fail(d, `its song failed ${attempts} times; the last time: ${reason}`);
      },
    ).catch((error: unknown) => {
      // The store refused to record the outcome (a full or read-only disk): the row keeps its last
      // status, so the next start makes the song again.
      deps.log(`dedication ${d.id}: could not record how it ended: ${error instanceof Error ? error.message : String(error)}`);
    });
  };

  return {
    async create(phone, request, target) {
      // Refused before it is stored, so nothing acknowledged is ever dropped.
      const full = await deps.queue.full('dedication');
      if (full) {
        deps.toPhone(phone.id, { type: ServerMessage.Error, code: 'busy', message: full.message });
        return undefined;
      }
      const record = await store.add({ id: `d_${randomBytes(9).toString('base64url')}`, phoneId: phone.id, tvId: phone.tvId, target, request });
      deps.stats?.sent(target);
      await run(record, true);
      return (await store.get(record.id))!;
    },
    async deliver(phone, request, target, song) {
      const record = await store.add({ id: `d_${randomBytes(9).toString('base64url')}`, phoneId: phone.id, tvId: phone.tvId, target, request });
      const flags = target === 'radio' ? flagAbuse(request) : [];
      const done = (await store.update(record.id, { status: 'ready', songId: song.id, error: null, failure: null, ...(target === 'radio' ? { moderation: 'pending' as const, flags } : {}) }))!;
      deps.stats?.sent(target);
      deps.stats?.made(target, song);
      if (done.moderation === 'pending') deps.pending?.(done);
      const frame = readyFrame(done, song);
      deps.toPhone(phone.id, frame);
      if (target === 'tv') deps.toTv(phone.tvId, frame);
      deps.log(`dedication ${done.id} sent take ${song.id} (${target}${flags.length ? `, flagged: ${flags.join(', ')}` : ''})`);
      return done;
    },
    async catchUp(phoneId) {
      const frames: object[] = [];
      for (const d of (await store.recent(phoneId, 5)).reverse()) {
        if (d.status === 'failed') {
          frames.push(failedFrame(d.id));
          continue;
        }
        // Turned down: its song is gone, so the decision is all there is to tell.
        if (d.moderation === 'rejected') {
          frames.push(moderatedFrame(d.id, 'rejected'));
          continue;
        }
        const song = d.status === 'ready' && d.songId ? await deps.store.songs.get(d.songId) : undefined;
        frames.push(song ? readyFrame(d, song) : { type: ServerMessage.DedicationProgress, id: d.id, stage: lastStage.get(d.id) ?? 'queued' });
        if (d.playedOnTv) frames.push(playingFrame(d.id));
      }
      return frames;
    },
    async resume() {
      for (const d of await store.unfinished()) {
        if (d.attempts >= maxAttempts) {
          // Started that many times and never finished: each time the station stopped while making
          // it (a crash it may well cause). Trying again on every start would crash it forever.
          await fail(d, `the station stopped ${d.attempts} times while making its song; given up after ${maxAttempts} tries`);
          continue;
        }
        deps.log(`dedication ${d.id} was unfinished at shutdown (${d.attempts} of ${maxAttempts} tries used): making it again`);
        await run(d, false);
      }
    },
    async playing(tvId, id) {
      const d = await store.get(id);
      if (!d || d.target !== 'tv' || d.tvId !== tvId || d.status === 'failed' || d.playedOnTv) return;
      await store.update(id, { playedOnTv: true });
      deps.toPhone(d.phoneId, playingFrame(id));
    },
    async approve(id) {
      const d = await store.get(id);
      if (!d || d.moderation !== 'pending' || !d.songId) return undefined;
      // From now on the song is public: it airs next with its intro, then joins the rotation. It is in
      // the air queue before the approval is recorded: a crash between them leaves it approvable again
      // (queuing twice is no change), never approved and forgotten.
      await deps.store.songs.setKind(d.songId, 'song');
      await deps.onAir(d.songId);
      deps.stats?.approved();
      return decided(await store.update(id, { moderation: 'approved' }));
    },
    destroy() {
      unlisten();
      for (const t of waiting) clearTimeout(t);
      waiting.clear();
    },
    async reject(id) {
      const d = await store.get(id);
      if (!d || d.moderation !== 'pending') return undefined;
      // Turned down means gone: the share page answers 410 and the audio, cover and words are deleted.
      if (d.songId) await removeSong(deps.store, deps.media, d.songId);
      return decided(await store.update(id, { moderation: 'rejected' }));
    },
  };
}
