// What the parts of playout share: each channel's state in memory, the segment cache, and the few
// station-wide parts (store, events, clock). Playout (playout.ts) makes one and hands it to each part.
import type { Store } from '../library/store.js';
import { StationEvent, type StationEvents } from '../events.js';
import type { Bus } from '../cluster/bus.js';
import type { ChannelConfig } from './programme-schema.js';
import type { Programme } from './programme.js';
import { itemEndMs, type AirItem } from './timeline.js';

export interface ChannelState {
  config: ChannelConfig;
  items: AirItem[];
  dedications: string[];
  announced: number | undefined;
  /** Index of an item cut short because its files were gone: the next one starts where it stopped. */
  cutIndex?: number;
  /** Playlist text cache, keyed by rendition and the newest segment's sequence number. */
  cache: Map<string, string>;
  /** Whether this instance scheduled the channel on its last tick (undefined before the first). */
  role?: 'leader' | 'follower';
  /** When a follower last read the timeline (clock time); `stale` asks for a read on the next tick. */
  readAt?: number;
  stale?: boolean;
  /** Why the follower's last read failed (said once, and again when reads work). */
  readFailed?: string;
  /** When the leader last read the channel's air queue (clock time); `airStale` asks for a read on the next tick. */
  airReadAt?: number;
  airStale?: boolean;
  /** Why the leader's last read of the air queue failed (said once). */
  airReadFailed?: string;
}

export interface PlayoutContext {
  readonly store: Store;
  readonly events: StationEvents;
  /** The local folder the media store keeps songs, intros and transitions in. */
  readonly mediaRoot: string;
  readonly now: () => number;
  /** Items kept in memory per channel. */
  readonly keep: number;
  readonly bus: Bus | undefined;
  readonly states: Map<string, ChannelState>;
  /** Segments read, re-timed, by `channel/rendition/seq`. */
  readonly segments: Map<string, Promise<Buffer | undefined>>;
  programme(): Programme;
  /** Whether this instance schedules the channel (holds its lease, or runs alone). */
  leads(channel: string): boolean;
  destroyed(): boolean;
  /** Brings every timeline up to the clock (playout's tick). */
  tick(): Promise<void>;
}

/** A timeline write that failed for another reason than the disk (which the store logs itself). */
export const saveItem = (ctx: PlayoutContext, channel: string, item: AirItem): Promise<void> =>
  ctx.store.timeline.append(channel, item.index, item).catch((error: unknown) => {
    ctx.events.emit(StationEvent.Error, { code: 'timeline-save-failed', message: `${channel}: ${error instanceof Error ? error.message : String(error)}`, fatal: false });
  });

/** Forgets the segments read for a channel from sequence number `fromSeq` on (they will name other audio). */
export function forgetSegments(ctx: PlayoutContext, channel: string, fromSeq: number): void {
  for (const key of ctx.segments.keys()) {
    const [c, , seq] = key.split('/');
    if (c === channel && Number(seq) >= fromSeq) ctx.segments.delete(key);
  }
}

/** The item on air on a channel at `at`, by position; -1 when nothing is. */
export const currentIndex = (state: ChannelState, at: number): number => {
  for (let i = state.items.length - 1; i >= 0; i--) if (state.items[i]!.startMs <= at) return itemEndMs(state.items[i]!) > at ? i : -1;
  return -1;
};
