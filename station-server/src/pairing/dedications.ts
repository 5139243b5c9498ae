// Dedications: stored before they are acknowledged, made in the bounded song queue, retried once,
// and delivered: to the paired TV at once, or to the radio through moderation. After a restart,
// whatever was unfinished is made again, so nothing acknowledged is silently lost.
import { randomBytes } from 'node:crypto';
import { ServerMessage, type DedicationStage, type SongRequest } from '@radio-optimism/shared';
import type { Stage } from '../composer/pipeline.js';
import type { Library, SongRecord } from '../library/library.js';
import type { DedicationRecord, PhoneRecord } from '../library/pairing-store.js';
import type { SongJobs } from '../library/song-jobs.js';
import { songView } from '../library/song-view.js';
import { flagAbuse } from './abuse-filter.js';

export interface DedicationDeps {
  library: Library;
  jobs: SongJobs;
  /** Sends a frame to every socket of a phone. */
  toPhone(phoneId: string, frame: object): void;
  /** Sends a frame to every socket of a TV. */
  toTv(tvId: string, frame: object): void;
  /** Puts an approved radio dedication on air. */
  onAir(songId: string): void;
  log(line: string): void;
  maxAttempts?: number;
}

export interface Dedications {
  /** Stores and queues a dedication; undefined (and the phone is told "busy") when the queue is full. */
  create(phone: PhoneRecord, request: SongRequest, target: 'tv' | 'radio'): DedicationRecord | undefined;
  /** Makes again what a previous run left unfinished. */
  resume(): void;
  /** Frames that bring a reconnecting phone up to date on its latest dedications, oldest first. */
  catchUp(phoneId: string): object[];
  approve(id: string): DedicationRecord | undefined;
  reject(id: string): DedicationRecord | undefined;
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
};

export function createDedications(deps: DedicationDeps): Dedications {
  const store = deps.library.pairing;
  const maxAttempts = deps.maxAttempts ?? 2;
  const lastStage = new Map<string, DedicationStage>();
  const readyFrame = (d: DedicationRecord, song: SongRecord) => ({
    type: ServerMessage.DedicationReady,
    id: d.id,
    target: d.target,
    song: songView(song),
    ...(d.target === 'radio' ? { moderation: d.moderation === 'none' ? 'pending' : d.moderation } : {}),
  });

  const run = (d: DedicationRecord): void => {
    const attempts = d.attempts + 1;
    store.updateDedication(d.id, { status: 'queued', attempts });
    const reported = new Set<DedicationStage>();
    lastStage.set(d.id, 'queued');
    const job = deps.jobs.submit(d.request, {
      priority: 'dedication',
      onStart: () => store.updateDedication(d.id, { status: 'composing' }),
      onStage: (stage) => {
        // Stages overlap (the band renders while the voice sings and the cover paints): each is
        // reported once, when it begins.
        const shown = PHONE_STAGE[stage];
        if (reported.has(shown)) return;
        reported.add(shown);
        lastStage.set(d.id, shown);
        deps.toPhone(d.phoneId, { type: ServerMessage.DedicationProgress, id: d.id, stage: shown });
      },
    });
    const position = deps.jobs.position(job.id);
    // Acknowledged only now: the dedication is stored and its song is in the queue.
    if (attempts === 1) deps.toPhone(d.phoneId, { type: ServerMessage.DedicationAccepted, id: d.id, position });
    deps.toPhone(d.phoneId, { type: ServerMessage.DedicationProgress, id: d.id, stage: 'queued', position });
    job.done.then(
      (song) => {
        const flags = d.target === 'radio' ? flagAbuse(d.request) : [];
        const done = store.updateDedication(d.id, { status: 'ready', songId: song.id, error: null, ...(d.target === 'radio' ? { moderation: 'pending' as const, flags } : {}) })!;
        lastStage.delete(d.id);
        const frame = readyFrame(done, song);
        deps.toPhone(d.phoneId, frame);
        if (d.target === 'tv') deps.toTv(d.tvId, frame);
        deps.log(`dedication ${d.id} ready (${d.target}${flags.length ? `, flagged: ${flags.join(', ')}` : ''})`);
        return done;
      },
      (error: unknown) => {
        deps.log(`dedication ${d.id} attempt ${attempts} failed: ${error instanceof Error ? error.message : String(error)}`);
        if (attempts < maxAttempts) return run({ ...d, attempts });
        store.updateDedication(d.id, { status: 'failed', error: 'composition-failed' });
        deps.toPhone(d.phoneId, { type: ServerMessage.DedicationFailed, id: d.id, code: 'composition-failed', message: 'the song could not be made; please try again' });
      },
    );
  };

  return {
    create(phone, request, target) {
      // Refused before it is stored, so nothing acknowledged is ever dropped.
      const full = deps.jobs.full('dedication');
      if (full) {
        deps.toPhone(phone.id, { type: ServerMessage.Error, code: 'busy', message: full.message });
        return undefined;
      }
      const record = store.addDedication({ id: `d_${randomBytes(9).toString('base64url')}`, phoneId: phone.id, tvId: phone.tvId, target, request });
      run(record);
      return store.dedication(record.id)!;
    },
    catchUp(phoneId) {
      return store
        .recentDedications(phoneId, 5)
        .reverse()
        .flatMap((d): object[] => {
          if (d.status === 'failed') return [{ type: ServerMessage.DedicationFailed, id: d.id, code: 'composition-failed', message: 'the song could not be made; please try again' }];
          const song = d.status === 'ready' && d.songId ? deps.library.get(d.songId) : undefined;
          if (song) return [readyFrame(d, song)];
          return [{ type: ServerMessage.DedicationProgress, id: d.id, stage: lastStage.get(d.id) ?? 'queued' }];
        });
    },
    resume() {
      for (const d of store.unfinished()) {
        deps.log(`dedication ${d.id} was unfinished at shutdown: making it again`);
        run(d);
      }
    },
    approve(id) {
      const d = store.dedication(id);
      if (!d || d.moderation !== 'pending' || !d.songId) return undefined;
      // From now on the song is public: it airs next with its intro, then joins the rotation.
      deps.library.setKind(d.songId, 'song');
      deps.onAir(d.songId);
      return store.updateDedication(id, { moderation: 'approved' });
    },
    reject(id) {
      const d = store.dedication(id);
      if (!d || d.moderation !== 'pending') return undefined;
      // Turned down means gone: the share page answers 410 and the audio, cover and words are deleted.
      if (d.songId) deps.library.removeSong(d.songId);
      return store.updateDedication(id, { moderation: 'rejected' });
    },
  };
}
