// Weaving dedications into a channel: an approved dedication is stored in the channel's air queue
// first, so whoever leads the channel, now, after a failover or after a restart, airs it. The leader
// reads what waits on taking the lease, on each `on-air` nudge and every AIR_QUEUE_RECHECK_MS, puts
// it right after the item on air (after its spoken intro), and marks it aired so it airs once.
import { StationEvent } from '../events.js';
import type { SongQueue } from '../songs/song-queue.js';
import { createDedicationIntros } from './dedication-intros.js';
import type { ChannelState, PlayoutContext } from './playout-context.js';
import { dropUnstarted } from './timeline-cuts.js';
import type { AirItem, nextSlot } from './timeline.js';

/** A channel's leader reads its air queue from the store at least this often (besides on taking the
 *  lease and on each nudge), so a dedication whose nudge was lost still airs. */
export const AIR_QUEUE_RECHECK_MS = 10_000;

export interface DedicationWeaving {
  /** Stores a dedication for a channel; queued here at once when this instance leads (or runs alone). */
  queue(channel: string, songId: string): Promise<void>;
  /** The leader reads what waits in the channel's air queue, if it is due. */
  pull(state: ChannelState, at: number): Promise<void>;
  /** Marks a dedication aired in the store; false if it was marked before (it is then not aired). */
  claim(state: ChannelState, songId: string, atMs: number): Promise<boolean>;
  /** Whether a waiting dedication may air now (its intro is settled, or it waited long enough). */
  ready(songId: string, at: number): boolean;
  /** The spoken intro of a dedication, made on the song queue; undefined (a plain start) if it is not ready. */
  introFor(state: ChannelState, songId: string, slot: ReturnType<typeof nextSlot>): Promise<AirItem | undefined>;
  /** A channel this instance no longer leads: what waited here is the leader's now (it is in the store). */
  following(state: ChannelState): void;
  destroy(): void;
}

export function createDedicationWeaving(ctx: PlayoutContext, queue: SongQueue | undefined): DedicationWeaving {
  const { store, events, mediaRoot, now } = ctx;
  // Dedications' spoken intros, made on the song queue; once one is settled, its dedication makes room.
  const intros = createDedicationIntros({
    store,
    queue,
    mediaRoot,
    now,
    onSettled(songId) {
      // While the intro was made, the channel scheduled on; what has not started yet makes room again.
      if (ctx.destroyed()) return;
      for (const state of ctx.states.values()) if (state.dedications.includes(songId)) dropUnstarted(ctx, state);
      void ctx.tick();
    },
    onError: (_songId, message) => events.emit(StationEvent.Error, { code: 'intro-failed', message, fatal: false }),
  });

  const queueHere = (id: string, songId: string) => {
    const state = ctx.states.get(id);
    if (!state) return;
    state.dedications.push(songId);
    intros.request(songId);
    // What has not started yet has not been heard: make room for the dedication right after the song on air.
    dropUnstarted(ctx, state);
  };

  /** Stores a dedication in the channel's air queue and nudges the leader to read it; a lost nudge only
   *  delays it (the leader reads the queue on taking the lease and every AIR_QUEUE_RECHECK_MS). */
  async function handOver(channel: string, songId: string): Promise<void> {
    try {
      await store.dedications.queueToAir(channel, songId, Date.now());
    } catch (error) {
      const message = `${channel}: dedication ${songId} could not be stored for the leader (${error instanceof Error ? error.message : String(error)})`;
      events.emit(StationEvent.Error, { code: 'dedication-not-forwarded', message, fatal: false });
      throw new Error(message);
    }
    const sent = await ctx.bus?.publish('on-air', { channel, songId });
    if (sent && !sent.ok) events.emit(StationEvent.Error, { code: 'dedication-not-forwarded', message: `${channel}: the leader was not told of dedication ${songId} (${sent.error.message}); it finds it in the store within ${AIR_QUEUE_RECHECK_MS / 1000} s`, fatal: false });
  }

  // A nudge: the air queue in the store says what waits (the message itself may be stale or repeated).
  const unsubscribe = ctx.bus?.subscribe('on-air', ({ channel }) => {
    const state = ctx.states.get(channel);
    if (!state || !ctx.leads(channel)) return;
    state.airStale = true;
    void ctx.tick();
  });

  return {
    async queue(id, songId) {
      if (!ctx.leads(id) && ctx.bus) return handOver(id, songId);
      // Leading (or alone): queued at once; stored so a restart or the next leader still airs it.
      queueHere(id, songId);
      await store.dedications.queueToAir(id, songId, Date.now()).catch((error: unknown) => {
        events.emit(StationEvent.Error, { code: 'air-queue-write-failed', message: `${id}: dedication ${songId} airs from memory; it could not be stored (${error instanceof Error ? error.message : String(error)})`, fatal: false });
      });
    },
    async pull(state, at) {
      const due = state.airStale || state.airReadAt === undefined || at - state.airReadAt >= AIR_QUEUE_RECHECK_MS || at < state.airReadAt;
      if (!due) return;
      state.airReadAt = at;
      state.airStale = false;
      const channel = state.config.id;
      let waiting: string[];
      try {
        waiting = await store.dedications.waitingToAir(channel, 50);
        state.airReadFailed = undefined;
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        if (!state.airReadFailed) events.emit(StationEvent.Error, { code: 'air-queue-read-failed', message: `${channel}: the air queue could not be read (${why}); trying again`, fatal: false });
        state.airReadFailed = why;
        return;
      }
      for (const songId of waiting) {
        if (state.dedications.includes(songId)) continue;
        // Already on this timeline (its mark did not reach the store): mark it now rather than air it twice.
        if (state.items.some((it) => it.songId === songId && it.kind === 'dedication')) {
          await store.dedications.markAired(channel, songId, at).catch(() => false);
          continue;
        }
        queueHere(channel, songId);
      }
    },
    async claim(state, songId, atMs) {
      try {
        return await store.dedications.markAired(state.config.id, songId, atMs);
      } catch (error) {
        // A store that does not answer does not stop it airing.
        events.emit(StationEvent.Error, { code: 'air-queue-mark-failed', message: `${state.config.id}: dedication ${songId} airs, but could not be marked aired (${error instanceof Error ? error.message : String(error)})`, fatal: false });
        return true;
      }
    },
    ready: (songId, at) => intros.settled(songId, at),
    async introFor(state, songId, slot) {
      try {
        const intro = await intros.take(songId);
        const song = await store.songs.get(songId);
        if (!song || !intro) return undefined;
        return { ...slot, kind: 'intro', songId, source: intro.source, segments: intro.packaged.segments, title: song.title };
      } catch (error) {
        events.emit(StationEvent.Error, { code: 'intro-failed', message: `${state.config.id}: the intro for ${songId} could not be made (${error instanceof Error ? error.message : String(error)}); playing the song without it`, fatal: false });
        return undefined;
      }
    },
    following(state) {
      // Dedications waiting here are in the store's air queue; the leader is nudged to read it.
      for (const songId of state.dedications.splice(0)) void handOver(state.config.id, songId).catch(() => undefined);
    },
    destroy: () => unsubscribe?.(),
  };
}
