// Takes: a phone makes the same words up to MAX_TAKES times, each with a new seed (so a new melody and
// arrangement), hears them side by side, and sends the one it likes. Each take is a private song in the
// library until it is sent; sending hands that exact song to the dedications (TV now, or the radio's
// moderation). Which takes belong together is stored (library TakeStore), so a restart while the
// phone is choosing keeps its group: it can ask for another take and send the one it likes.
import { randomBytes, randomInt } from 'node:crypto';
import { LIMITS, MAX_TAKES, ServerMessage, type DedicationStage, type ErrorCode, type SongRequest } from '@radio-optimism/shared';
import type { Stage } from '../composer/pipeline.js';
import type { PhoneRecord, Store, TakeGroupRecord } from '../library/store.js';
import type { SongQueue } from '../songs/song-queue.js';
import { songView } from '../library/song-view.js';
import type { Dedications } from './dedications.js';

export interface TakesDeps {
  store: Store;
  queue: SongQueue;
  dedications: () => Dedications;
  toPhone(phoneId: string, frame: object): void;
  /** The writer's words for a request that has none, so every take sings the same words. */
  draft(request: SongRequest, seed: number): Promise<string>;
  log(line: string): void;
  /** Takes per group (default MAX_TAKES). */
  maxTakes?: number;
  /** How long a group is kept for the phone to choose (default a day); older ones are forgotten. */
  keepMs?: number;
  now?: () => number;
}

/** A refusal the hub answers with `error {code, message}`. */
export interface TakeRefusal {
  code: ErrorCode;
  message: string;
}

export interface Takes {
  /** Starts a group with its first take. */
  create(phone: PhoneRecord, request: SongRequest): Promise<TakeRefusal | undefined>;
  /** The group's next take: same words, new seed. Refused past the limit. */
  another(phone: PhoneRecord, group: string): Promise<TakeRefusal | undefined>;
  /** Sends one ready take, by its song id, to the TV or the radio. */
  send(phone: PhoneRecord, takeId: string, target: 'tv' | 'radio'): Promise<TakeRefusal | undefined>;
  destroy(): void;
}

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

export function createTakes(deps: TakesDeps): Takes {
  const maxTakes = deps.maxTakes ?? MAX_TAKES;
  const keepMs = deps.keepMs ?? 24 * 3600_000;
  const now = deps.now ?? Date.now;
  const store = deps.store.takes;
  const watching = new Map<string, (stage: Stage) => void>();
  const unlisten = deps.queue.listen({ stage: (id, stage) => watching.get(id)?.(stage) });
  let lastExpiry = 0;

  /** Old groups are forgotten now and then as new ones begin (their songs stay, private). */
  const forgetOld = async () => {
    if (now() - lastExpiry < 60_000) return;
    lastExpiry = now();
    const gone = await store.expire(now() - keepMs);
    if (gone) deps.log(`forgot ${gone} take groups older than ${Math.round(keepMs / 3600_000)} h`);
  };

  const make = async (g: TakeGroupRecord, seed: number): Promise<TakeRefusal | undefined> => {
    const full = await deps.queue.full('dedication');
    if (full) return { code: 'busy', message: full.message };
    const id = await deps.store.songs.newId();
    const take = await store.addTake(g.id, id, seed, maxTakes);
    if (!take) return { code: 'too-many-takes', message: `a song has at most ${maxTakes} takes: choose one of them` };
    const n = take.n;
    const reported = new Set<DedicationStage>();
    watching.set(id, (stage) => {
      const shown = PHONE_STAGE[stage];
      if (reported.has(shown)) return;
      reported.add(shown);
      deps.toPhone(g.phoneId, { type: ServerMessage.TakeProgress, group: g.id, id, stage: shown });
    });
    try {
      await deps.queue.submit({ type: 'song', request: { ...g.request, seed }, kind: 'private', priority: 'dedication', id });
    } catch (error) {
      watching.delete(id);
      await store.removeTake(id);
      throw error;
    }
    deps.toPhone(g.phoneId, { type: ServerMessage.TakeAccepted, group: g.id, id, take: n, seed });
    void deps.queue
      .wait(id)
      .finally(() => watching.delete(id))
      .then(
        (result) => {
          if (result.type !== 'song') throw new Error(`job ${id} made an announcement, not a song`);
          deps.toPhone(g.phoneId, { type: ServerMessage.TakeReady, group: g.id, id: result.song.id, take: n, seed, song: songView(result.song) });
        },
        (error: unknown) => {
          deps.log(`take ${n} of ${g.id} failed: ${error instanceof Error ? error.message : String(error)}`);
          deps.toPhone(g.phoneId, { type: ServerMessage.TakeFailed, group: g.id, id, code: 'composition-failed', message: 'the song could not be made; please try again' });
        },
      )
      .catch((error: unknown) => deps.log(`take ${id}: ${error instanceof Error ? error.message : String(error)}`));
    return undefined;
  };

  const newSeed = (used: number[]): number => {
    for (;;) {
      const seed = randomInt(0, LIMITS.seedMax);
      if (!used.includes(seed)) return seed;
    }
  };

  return {
    async create(phone, request) {
      await forgetOld();
      const seed = request.seed ?? newSeed([]);
      // Every take sings the same words: the writer's are fixed now if the sender gave none.
      const lyrics = request.lyrics ?? (await deps.draft(request, seed));
      const g = await store.addGroup({ id: `t_${randomBytes(9).toString('base64url')}`, phoneId: phone.id, request: { ...request, lyrics } }, now());
      return make(g, seed);
    },
    async another(phone, group) {
      const g = await store.get(group);
      if (!g || g.phoneId !== phone.id) return { code: 'unknown-take', message: 'those takes are no longer here: make the song again' };
      if (g.takes.length >= maxTakes) return { code: 'too-many-takes', message: `a song has at most ${maxTakes} takes: choose one of them` };
      return make(g, newSeed(g.takes.map((t) => t.seed)));
    },
    async send(phone, takeId, target) {
      const g = await store.groupOf(takeId);
      const take = g?.phoneId === phone.id ? g.takes.find((t) => t.songId === takeId) : undefined;
      if (!g || !take) return { code: 'unknown-take', message: 'no such take on this phone: make the song again' };
      // Its song is in the library once it is made (a take still being made, or one that failed, is not).
      const song = await deps.store.songs.get(takeId);
      if (!song) return { code: 'unknown-take', message: 'that take is not ready yet: wait for it to finish' };
      if (!(await store.markSent(takeId, target))) return { code: 'unknown-take', message: `that take was already sent to the ${target === 'tv' ? 'TV' : 'radio'}` };
      await deps.dedications().deliver(phone, { ...g.request, seed: take.seed }, target, song);
      return undefined;
    },
    destroy() {
      unlisten();
    },
  };
}
