// Playout: keeps every channel's timeline filled on the wall clock, persisted as it is scheduled,
// and says what is on air. Channels cost a few objects each: playlists are cut from the timeline
// on request, over segments that already exist. The parts: scheduling the next item
// (schedule-next.ts), weaving in dedications (dedication-weaving.ts), the sources' files
// (playout-sources.ts), cuts in the timeline (timeline-cuts.ts) and following a leader (follow-leader.ts).
import type { Store } from '../library/store.js';
import type { SongQueue } from '../songs/song-queue.js';
import { StationEvent, type StationEvents } from '../events.js';
import type { ChannelConfig } from './programme-schema.js';
import type { Programme } from './programme.js';
import { join } from 'node:path';
import { PACKAGE_DIR } from './hls-package.js';
import { channelPts, shiftTimestamps } from './ts-timestamps.js';
import { liveWindow, mediaPlaylist, type AirItem } from './timeline.js';
import type { RenditionName } from './hls-package.js';
import { channelSegment, originCache, segmentStartMs } from './segment-file.js';
import { silentSegment } from './silence.js';
import { steadyClock } from './steady-clock.js';
import type { Bus } from '../cluster/bus.js';
import type { Lease } from '../cluster/lease.js';
import { loadTimeline } from './follow.js';
import { currentIndex, type ChannelState, type PlayoutContext } from './playout-context.js';
import { createPlayoutSources } from './playout-sources.js';
import { createDedicationWeaving } from './dedication-weaving.js';
import { scheduleNext } from './schedule-next.js';
import { cutFrom } from './timeline-cuts.js';
import { followLeader, readTimeline } from './follow-leader.js';

export { UNPLAYABLE_RECHECK_MS } from './playout-sources.js';
export { AIR_QUEUE_RECHECK_MS } from './dedication-weaving.js';
export { INTRO_WAIT_MS } from './dedication-intros.js';

export interface PlayoutOptions {
  store: Store;
  /** The local folder the media store keeps songs, intros and transitions in (DATA_DIR/media). */
  mediaRoot: string;
  /** Where dedications' spoken intros are made (absent: dedications air without one). */
  queue?: SongQueue;
  events: StationEvents;
  programme: Programme;
  /** The clock (default: the wall clock, never running backwards; see steady-clock.ts); tests pass a fake one. */
  now?: () => number;
  /** How often timelines are checked, ms (default 1000). */
  tickMs?: number;
  /** Items kept in memory per channel (history for no-repeat and the live window). */
  keepItems?: number;
  /** Which channels this instance schedules (absent: all of them); the others follow the store (follow.ts). */
  lease?: Lease;
  /** Tells followers a leader's channel moved on, and carries dedications from followers to leaders. */
  bus?: Bus;
  /** Makes a source's playout files local when they are not (S3 media's read-through cache, media-cache.ts):
   *  a song chosen, or a segment asked for, that the cache no longer or not yet holds is fetched, not skipped. */
  fill?: (source: string) => Promise<boolean>;
}

export interface NowPlaying {
  current: AirItem | undefined;
  next: AirItem | undefined;
}

export interface Playout {
  channels(): ChannelConfig[];
  channel(id: string): ChannelConfig | undefined;
  nowPlaying(channel: string): NowPlaying;
  items(channel: string): readonly AirItem[];
  playlist(channel: string, rendition: RenditionName): string;
  /** A segment of a channel by media sequence number, re-timed to the channel's clock. */
  segment(channel: string, rendition: RenditionName, seq: number): Promise<Buffer | undefined>;
  /**
   * Puts a song at the front of a channel's queue (dedications), replacing what has not started. It is
   * stored in the channel's air queue first, so whoever leads the channel, now or after a failover or
   * a restart, airs it, once. Rejects only when this instance does not lead the channel and the store
   * refused it (nobody would know of it then).
   */
  queueDedication(channel: string, songId: string): Promise<void>;
  /**
   * Ends the item on air now (after its segments already listed) and lets the next tick schedule
   * another; the item skipped, or undefined when nothing is on air or another instance leads the channel.
   */
  skip(channel: string): AirItem | undefined;
  setProgramme(programme: Programme): void;
  /** Brings every timeline up to the clock; the timer calls it, tests call it directly. */
  tick(): Promise<void>;
  /** Resolves once the saved timelines are loaded from the store (tick and start wait for it too). */
  ready(): Promise<void>;
  /** Loads the saved timelines and starts the clock. */
  start(): Promise<void>;
  destroy(): void;
}

export function createPlayout(options: PlayoutOptions): Playout {
  const { store, events, mediaRoot } = options;
  const now = options.now ?? steadyClock();
  const keep = options.keepItems ?? 60;
  let programme = options.programme;
  const states = new Map<string, ChannelState>();
  const segments = new Map<string, Promise<Buffer | undefined>>();
  const originPts = originCache();
  let timer: NodeJS.Timeout | undefined;
  let destroyed = false;
  let ticking: Promise<void> | undefined;
  let rerun = false;

  const leads = (channel: string): boolean => !options.lease || options.lease.isLeader(channel);
  const ctx: PlayoutContext = {
    store,
    events,
    mediaRoot,
    now,
    keep,
    bus: options.bus,
    states,
    segments,
    programme: () => programme,
    leads,
    destroyed: () => destroyed,
    tick: () => api.tick(),
  };
  const sources = createPlayoutSources(ctx, options.fill);
  const weaving = createDedicationWeaving(ctx, options.queue);

  const stateOf = async (config: ChannelConfig): Promise<ChannelState> => {
    let state = states.get(config.id);
    if (!state) {
      const items = await loadTimeline(store, config.id, keep, now());
      if (states.has(config.id)) return stateOf(config);
      state = { config, items, dedications: [], announced: undefined, cache: new Map(), readAt: now() };
      states.set(config.id, state);
    }
    state.config = config;
    return state;
  };
  const claimed = new Set<string>();
  let started = false;
  /** Contends for the lease of every channel of the programme, and lets go of channels it dropped. */
  const claim = async () => {
    const lease = options.lease;
    if (!lease || !started || destroyed) return;
    const wanted = new Set(programme.channels.map((c) => c.id));
    for (const id of [...claimed]) if (!wanted.has(id)) (claimed.delete(id), await lease.release(id).catch(() => undefined));
    for (const id of wanted) if (!claimed.has(id)) (claimed.add(id), await lease.acquire(id).catch(() => false));
  };
  const syncChannels = async () => {
    for (const c of programme.channels) await stateOf(c);
    for (const id of [...states.keys()]) if (!programme.channels.some((c) => c.id === id)) states.delete(id);
    await claim();
  };
  // Saved timelines are read from the store before the first tick schedules anything.
  let syncing: Promise<void> = syncChannels();

  async function tickOnce(): Promise<void> {
    await syncing;
    const at = now();
    // Songs found without their files stay out of rotation until they are looked at again.
    const unplayableSongs = sources.unplayableSongs(at);
    // A folder moved or deleted under the item on air or the next one is found here, before a
    // listener asks for a segment of it (one look per source, whatever the number of channels).
    const looked = new Map<string, boolean>();
    for (const state of states.values()) {
      if (!leads(state.config.id)) continue;
      const i = currentIndex(state, at);
      for (const item of [state.items[i], state.items[i + 1]]) {
        for (const source of item ? new Set([item.source, `songs/${item.songId}`]) : []) {
          if (looked.has(source)) continue;
          if (!sources.hasFiles(source)) await sources.filled(source);
          const present = sources.hasFiles(source);
          looked.set(source, present);
          if (!present) sources.skipSource(source, 'its files are gone');
        }
      }
    }
    for (const state of states.values()) {
      try {
        const leader = leads(state.config.id);
        if (!leader) await followLeader(ctx, state, at, (s) => weaving.following(s));
        else {
          // Taking over: go on from what the last leader stored, not from what this instance last read.
          if (state.role === 'follower') await readTimeline(ctx, state, now());
          // Taking over (or starting): what waits in the air queue is this instance's to air now.
          if (state.role !== 'leader') state.airStale = true;
          state.role = 'leader';
          await weaving.pull(state, at);
          // Always know what comes next: keep one item scheduled beyond the one on air.
          for (let guard = 0; guard < 4; guard++) {
            const last = state.items[state.items.length - 1];
            if (last && last.startMs > at) break;
            if (!(await scheduleNext(ctx, sources, weaving, state, at, unplayableSongs))) break;
          }
        }
        const i = currentIndex(state, at);
        const current = i >= 0 ? state.items[i] : undefined;
        if (current?.index !== state.announced) {
          state.announced = current?.index;
          events.emit(StationEvent.NowPlaying, { channel: state.config.id, current, next: i >= 0 ? state.items[i + 1] : undefined });
          if (leader && current && options.bus) {
            const seq = liveWindow(state.items, at, 1)[0]?.seq;
            void options.bus.publish('now-playing', { channel: state.config.id, songId: current.songId, title: current.title.slice(0, 300), startedAt: Math.max(0, Math.round(current.startMs)), ...(seq === undefined ? {} : { mediaSequence: seq }) });
          }
        }
      } catch (error) {
        events.emit(StationEvent.Error, { code: 'playout-failed', message: `${state.config.id}: ${error instanceof Error ? error.message : String(error)}`, fatal: false });
      }
    }
  }

  const unsubscribe = [
    options.bus?.subscribe('now-playing', ({ channel }) => {
      const state = states.get(channel);
      if (!state || leads(channel)) return;
      state.stale = true;
      void api.tick();
    }),
    () => weaving.destroy(),
    options.lease?.onChange(() => void api.tick()),
  ];

  const api: Playout = {
    channels: () => programme.channels,
    channel: (id) => states.get(id)?.config,
    items: (id) => states.get(id)?.items ?? [],
    nowPlaying(id) {
      const state = states.get(id);
      if (!state) return { current: undefined, next: undefined };
      const i = currentIndex(state, now());
      return { current: i >= 0 ? state.items[i] : undefined, next: i >= 0 ? state.items[i + 1] : state.items.find((it) => it.startMs > now()) };
    },
    playlist(id, rendition) {
      const state = states.get(id);
      if (!state) return '';
      const at = now();
      // Cut once per new segment, whatever the number of listeners.
      const key = `${rendition}:${liveWindow(state.items, at, 1)[0]?.seq ?? -1}`;
      const cached = state.cache.get(key);
      if (cached) return cached;
      const text = mediaPlaylist(state.items, at, id, rendition);
      if (state.cache.size > 8) state.cache.clear();
      state.cache.set(key, text);
      return text;
    },
    async segment(id, rendition, seq) {
      const state = states.get(id);
      const item = state?.items.find((it) => seq >= it.firstSeq && seq < it.firstSeq + it.segments.length);
      if (!state || !item || item.startMs > now()) return undefined;
      const key = `${id}/${rendition}/${seq}`;
      const hit = segments.get(key);
      if (hit) return hit;
      const source = item.source ?? `songs/${item.songId}`;
      const folder = join(mediaRoot, source, PACKAGE_DIR, rendition);
      const n = seq - item.firstSeq;
      const loading = (async () => {
        try {
          await sources.filled(source);
          return await channelSegment(folder, item, n, await originPts(folder, item, n));
        } catch (error) {
          // Listed already, so it must be answered: with silence in its slot, while the channel moves on.
          sources.skipSource(source, error instanceof Error ? error.message : String(error));
          const silence = await silentSegment(mediaRoot, rendition).catch(() => undefined);
          return silence && shiftTimestamps(silence.data, channelPts(segmentStartMs(item, n)) - silence.origin);
        }
      })();
      // The promise is cached, not the bytes: when a segment appears, every listener of the channel
      // asks for it in the same instant, and they should share one read.
      segments.set(key, loading);
      loading.catch(() => segments.delete(key));
      // A small cache: listeners of a channel all ask for the same few newest segments.
      if (segments.size > 64 * Math.max(1, states.size)) segments.delete(segments.keys().next().value!);
      return loading;
    },
    queueDedication: (id, songId) => weaving.queue(id, songId),
    skip(id) {
      const state = states.get(id);
      if (!state || !leads(id)) return undefined;
      const at = now();
      const i = currentIndex(state, at);
      if (i < 0) return undefined;
      const item = { ...state.items[i]! };
      cutFrom(ctx, state, i, at);
      queueMicrotask(() => void api.tick());
      return item;
    },
    setProgramme(next) {
      programme = next;
      syncing = syncing.then(syncChannels, syncChannels);
    },
    tick() {
      // A tick asked for while one runs (a source skipped mid-tick) runs once more right after it.
      if (ticking) {
        rerun = true;
        return ticking;
      }
      ticking = (async () => {
        do {
          rerun = false;
          await tickOnce();
        } while (rerun);
      })().finally(() => (ticking = undefined));
      return ticking;
    },
    ready: () => syncing,
    async start() {
      await syncing;
      if (timer || destroyed) return;
      started = true;
      await claim();
      // Made now, so the first missing segment is answered at once.
      void silentSegment(mediaRoot, '128k').catch((error: unknown) => events.emit(StationEvent.Error, { code: 'silence-failed', message: `the silent stand-in segment could not be made: ${error instanceof Error ? error.message : String(error)}`, fatal: false }));
      void this.tick();
      timer = setInterval(() => void this.tick(), options.tickMs ?? 1000);
    },
    destroy() {
      destroyed = true;
      for (const stop of unsubscribe) stop?.();
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
  return api;
}
