// Takes: a phone makes the same words up to MAX_TAKES times, each with a new seed (so a new melody and
// arrangement), hears them side by side, and sends the one it likes. Each take is a private song in the
// library until it is sent; sending hands that exact song to the dedications (TV now, or the radio's
// moderation). Which takes belong together is kept in memory: after a restart the songs are still
// there (private), but the phone starts a new group.
import { randomBytes, randomInt } from 'node:crypto';
import { LIMITS, MAX_TAKES, ServerMessage, type DedicationStage, type ErrorCode, type SongRequest } from '@radio-optimism/shared';
import type { Stage } from '../composer/pipeline.js';
import type { PhoneRecord, SongRecord, Store } from '../library/store.js';
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
  /** Groups kept in memory (oldest forgotten first; default 2000). */
  maxGroups?: number;
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

interface Take {
  id: string;
  seed: number;
  song?: SongRecord;
  failed?: boolean;
  sent: Set<'tv' | 'radio'>;
}

interface Group {
  id: string;
  phoneId: string;
  request: SongRequest;
  takes: Take[];
}

export function createTakes(deps: TakesDeps): Takes {
  const maxTakes = deps.maxTakes ?? MAX_TAKES;
  const maxGroups = deps.maxGroups ?? 2000;
  const groups = new Map<string, Group>();
  const watching = new Map<string, (stage: Stage) => void>();
  const unlisten = deps.queue.listen({ stage: (id, stage) => watching.get(id)?.(stage) });

  const remember = (g: Group) => {
    groups.set(g.id, g);
    if (groups.size > maxGroups) groups.delete(groups.keys().next().value!);
  };

  const make = async (g: Group, seed: number): Promise<TakeRefusal | undefined> => {
    const full = await deps.queue.full('dedication');
    if (full) return { code: 'busy', message: full.message };
    const id = await deps.store.songs.newId();
    const take: Take = { id, seed, sent: new Set() };
    g.takes.push(take);
    const n = g.takes.length;
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
      g.takes.pop();
      throw error;
    }
    deps.toPhone(g.phoneId, { type: ServerMessage.TakeAccepted, group: g.id, id, take: n, seed });
    void deps.queue
      .wait(id)
      .finally(() => watching.delete(id))
      .then(
        (result) => {
          if (result.type !== 'song') throw new Error(`job ${id} made an announcement, not a song`);
          take.song = result.song;
          deps.toPhone(g.phoneId, { type: ServerMessage.TakeReady, group: g.id, id: result.song.id, take: n, seed, song: songView(result.song) });
        },
        (error: unknown) => {
          take.failed = true;
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

  const find = (phone: PhoneRecord, group: string): Group | undefined => {
    const g = groups.get(group);
    return g && g.phoneId === phone.id ? g : undefined;
  };

  return {
    async create(phone, request) {
      const seed = request.seed ?? newSeed([]);
      // Every take sings the same words: the writer's are fixed now if the sender gave none.
      const lyrics = request.lyrics ?? (await deps.draft(request, seed));
      const g: Group = { id: `t_${randomBytes(9).toString('base64url')}`, phoneId: phone.id, request: { ...request, lyrics }, takes: [] };
      remember(g);
      return make(g, seed);
    },
    async another(phone, group) {
      const g = find(phone, group);
      if (!g) return { code: 'unknown-take', message: 'those takes are no longer here: make the song again' };
      if (g.takes.length >= maxTakes) return { code: 'too-many-takes', message: `a song has at most ${maxTakes} takes: choose one of them` };
      return make(g, newSeed(g.takes.map((t) => t.seed)));
    },
    async send(phone, takeId, target) {
      for (const g of groups.values()) {
        if (g.phoneId !== phone.id) continue;
        const take = g.takes.find((t) => t.id === takeId);
        if (!take) continue;
        if (!take.song) return { code: 'unknown-take', message: 'that take is not ready yet: wait for it to finish' };
        if (take.sent.has(target)) return { code: 'unknown-take', message: `that take was already sent to the ${target === 'tv' ? 'TV' : 'radio'}` };
        take.sent.add(target);
        await deps.dedications().deliver(phone, { ...g.request, seed: take.seed }, target, take.song);
        return undefined;
      }
      return { code: 'unknown-take', message: 'no such take on this phone: make the song again' };
    },
    destroy() {
      unlisten();
      groups.clear();
    },
  };
}
