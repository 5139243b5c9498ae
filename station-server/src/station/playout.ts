// Playout: keeps every channel's timeline filled on the wall clock, persisted as it is scheduled,
// and says what is on air. Channels cost a few objects each: playlists are cut from the timeline
// on request, over segments that already exist.
import type { SongRecord, Store } from '../library/store.js';
import type { SongQueue } from '../songs/song-queue.js';
import { StationEvent, type StationEvents } from '../events.js';
import type { ChannelConfig } from './programme-schema.js';
import type { Programme } from './programme.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { mixSource, planCrossfade, renderCrossfade } from './crossfade.js';
import { PACKAGE_DIR, TARGET_DURATION, readPackage, type PackagedAudio } from './hls-package.js';
import { channelPts, shiftTimestamps } from './ts-timestamps.js';
import { chooseNext, type SongInfo } from './rotation.js';
import { createDedicationIntros } from './dedication-intros.js';
import { isSongItem, itemEndMs, liveWindow, mediaPlaylist, nextSlot, playedSegments, type AirItem } from './timeline.js';
import type { RenditionName } from './hls-package.js';
import { channelSegment, originCache, segmentStartMs } from './segment-file.js';
import { silentSegment } from './silence.js';
import { steadyClock } from './steady-clock.js';
import type { Bus } from '../cluster/bus.js';
import type { Lease } from '../cluster/lease.js';
import { changedFrom, isNewer, loadTimeline } from './follow.js';

/** A song found without its files is left out of rotation this long, then looked at again. */
export const UNPLAYABLE_RECHECK_MS = 60_000;
/** A channel's leader reads its air queue from the store at least this often (besides on taking the
 *  lease and on each nudge), so a dedication whose nudge was lost still airs. */
export const AIR_QUEUE_RECHECK_MS = 10_000;
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

interface ChannelState {
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

export function createPlayout(options: PlayoutOptions): Playout {
  const { store, events, mediaRoot, queue } = options;
  const now = options.now ?? steadyClock();
  const keep = options.keepItems ?? 60;
  let programme = options.programme;
  const states = new Map<string, ChannelState>();
  const packages = new Map<string, PackagedAudio | null>();
  const segments = new Map<string, Promise<Buffer | undefined>>();
  const originPts = originCache();
  // Sources (`songs/<id>`, `intros/<id>`, …) found without their files, and when: left out of rotation.
  const unplayable = new Map<string, number>();
  const isUnplayable = (source: string, at: number): boolean => {
    const since = unplayable.get(source);
    if (since === undefined) return false;
    if (at - since < UNPLAYABLE_RECHECK_MS && at >= since) return true;
    unplayable.delete(source);
    return false;
  };
  let timer: NodeJS.Timeout | undefined;
  let destroyed = false;
  const songDir = (id: string) => join(mediaRoot, 'songs', id);
  const info = (s: SongRecord): SongInfo => ({ id: s.id, title: s.title, genre: s.genre, vibe: s.vibe, language: s.language, theme: s.theme });
  /** A timeline write that failed for another reason than the disk (which the store logs itself). */
  const saved = (channel: string, item: AirItem): Promise<void> =>
    store.timeline.append(channel, item.index, item).catch((error: unknown) => {
      events.emit(StationEvent.Error, { code: 'timeline-save-failed', message: `${channel}: ${error instanceof Error ? error.message : String(error)}`, fatal: false });
    });
  // Dedications' spoken intros, made on the song queue; once one is settled, its dedication makes room.
  const intros = createDedicationIntros({
    store,
    queue,
    mediaRoot,
    now,
    onSettled(songId) {
      // While the intro was made, the channel scheduled on; what has not started yet makes room again.
      if (destroyed) return;
      for (const state of states.values()) if (state.dedications.includes(songId)) dropUnstarted(state);
      void api.tick();
    },
    onError: (_songId, message) => events.emit(StationEvent.Error, { code: 'intro-failed', message, fatal: false }),
  });
  let ticking: Promise<void> | undefined;
  let rerun = false;

  const leads = (channel: string): boolean => !options.lease || options.lease.isLeader(channel);
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

  /** Fetches a source's files into the cache when they are not here (only with `fill`); a failed fetch leaves them missing. */
  const filled = async (source: string): Promise<void> => {
    if (options.fill && !hasFiles(source)) await options.fill(source).catch(() => false);
  };

  const packageOf = async (songId: string): Promise<PackagedAudio | undefined> => {
    if (!packages.has(songId)) {
      const song = await store.songs.get(songId);
      if (song) await filled(`songs/${songId}`);
      packages.set(songId, (song && (await readPackage(songDir(songId)))) || null);
    }
    return packages.get(songId) ?? undefined;
  };

  /** Whether a source's package folder is on disk: a cheap look for a folder moved or deleted (a lost single file is found when it is read). */
  const hasFiles = (source: string): boolean => existsSync(join(mediaRoot, source, PACKAGE_DIR));

  /**
   * A source's files are gone or broken: it leaves rotation, and every channel playing it (or about
   * to) moves on. The item on air keeps only the segments already listed (a live playlist never
   * loses a listed segment); what follows is dropped and scheduled again from what still plays, so
   * the next item starts within one segment. Said once per source in the log.
   */
  function skipSource(source: string, why: string): void {
    const at = now();
    if (!isUnplayable(source, at)) {
      events.emit(StationEvent.Error, { code: 'media-missing', message: `${source}: ${why}; skipping it on every channel`, fatal: false });
    }
    unplayable.set(source, at);
    if (source.startsWith('songs/')) packages.delete(source.slice('songs/'.length));
    for (const state of states.values()) {
      // A follower's timeline is the leader's to change: it reads the change from the store.
      if (!leads(state.config.id)) continue;
      // An intro or a crossfade into a song has its own files, but leads into the song: it goes too.
      const i = state.items.findIndex((it) => (it.source === source || `songs/${it.songId}` === source) && itemEndMs(it) > at);
      if (i < 0) continue;
      cutFrom(state, i, at);
      events.emit(StationEvent.Fallback, { channel: state.config.id, reason: `${source} cannot be played (${why}); going on with the next item` });
    }
    // Schedule the replacement now rather than on the next timer tick (after this call returns).
    queueMicrotask(() => void api.tick());
  }

  /**
   * Ends a channel's item `i` after the segments already listed (a live playlist never loses a listed
   * segment) and drops what follows, so the next item, scheduled on the next tick, starts within one
   * segment. With nothing of it listed yet, the item is dropped whole and the next one takes its place.
   */
  function cutFrom(state: ChannelState, i: number, at: number): void {
    const item = state.items[i]!;
    let keepFrom = i;
    let nextSeq = item.firstSeq;
    if (item.startMs <= at) {
      const listed = playedSegments(item, at);
      if (listed > 0) {
        item.segments = item.segments.slice(0, listed);
        void saved(state.config.id, item);
        keepFrom = i + 1;
        nextSeq += listed;
        state.cutIndex = item.index;
      } else state.cutIndex = state.items[i - 1]?.index;
    }
    state.items.splice(keepFrom);
    // Sequence numbers from the cut on will name other audio: forget what was read for them.
    for (const key of segments.keys()) {
      const [channel, , seq] = key.split('/');
      if (channel === state.config.id && Number(seq) >= nextSeq) segments.delete(key);
    }
    state.cache.clear();
  }

  /** Drops the items that have not started (nobody has heard them), so the next choice comes right after the one on air. */
  function dropUnstarted(state: ChannelState): void {
    const at = now();
    const firstFuture = state.items.findIndex((it) => it.startMs > at);
    if (firstFuture >= 0) state.items.splice(firstFuture);
    state.cache.clear();
  }

  async function scheduleNext(state: ChannelState, at: number, unplayable: ReadonlySet<string>): Promise<boolean> {
    const last = state.items[state.items.length - 1];
    // After a cut, straight on from the last listed segment: no gap, and on air within one segment.
    const resume = last && last.index === state.cutIndex && at - itemEndMs(last) <= TARGET_DURATION * 1000;
    const slot = nextSlot(last, resume ? itemEndMs(last) : at);
    const history = state.items.filter(isSongItem).map((i) => i.songId);
    const lastJingle = state.items.map((i) => i.kind).lastIndexOf('jingle');
    const songsSinceJingle = state.items.slice(lastJingle + 1).filter(isSongItem).length;
    const excluded = new Set<string>(unplayable);
    for (let attempt = 0; attempt < 8; attempt++) {
      const dedications: SongInfo[] = [];
      for (const id of state.dedications) {
        if (excluded.has(id) || !intros.settled(id, at)) continue;
        const song = await store.songs.get(id);
        if (song) dedications.push(info(song));
      }
      const choice = await chooseNext({
        programme,
        channel: state.config,
        atMs: slot.startMs,
        itemIndex: slot.index,
        next: async (query) => {
          const song = await store.songs.next(query);
          return song && info(song);
        },
        // A song waiting to air as a dedication (perhaps for its intro) is not picked as a plain song meanwhile.
        exclude: new Set([...excluded, ...[...states.values()].flatMap((st) => st.dedications)]),
        dedications,
        history,
        songsSinceJingle,
      });
      if (!choice) return false;
      const packaged = await packageOf(choice.song.id);
      if (packaged) await filled(`songs/${choice.song.id}`);
      if (!packaged || packaged.segments.length === 0 || !hasFiles(`songs/${choice.song.id}`)) {
        excluded.add(choice.song.id);
        if (packaged) skipSource(`songs/${choice.song.id}`, 'its files are gone');
        else events.emit(StationEvent.Fallback, { channel: state.config.id, reason: `song ${choice.song.id} has no HLS package; choosing another` });
        continue;
      }
      if (choice.fallbackReason) events.emit(StationEvent.Fallback, { channel: state.config.id, reason: choice.fallbackReason });
      if (choice.kind === 'dedication') {
        state.dedications = state.dedications.filter((id) => id !== choice.song.id);
        // Marked aired before it is scheduled: a dedication another leader aired already (or a late nudge) is not aired again.
        if (!(await claimAiring(state, choice.song.id, slot.startMs))) {
          excluded.add(choice.song.id);
          continue;
        }
      }
      const item: AirItem = {
        ...slot,
        kind: choice.kind,
        songId: choice.song.id,
        source: `songs/${choice.song.id}`,
        segments: packaged.segments,
        title: choice.song.title,
      };
      const seconds = programme.playlists.get(choice.playlist)?.transition;
      const intro = choice.kind === 'dedication' ? await introFor(state, choice.song.id, slot) : undefined;
      if (intro) Object.assign(item, nextSlot(intro, at));
      const items = intro ? [intro, item] : last && seconds?.type === 'crossfade' ? await crossfadeInto(state, last, item, seconds.seconds, at) : [item];
      for (const it of items) {
        state.items.push(it);
        await saved(state.config.id, it);
        events.emit(StationEvent.ItemScheduled, { channel: state.config.id, item: it });
      }
      // Feeds `randomize` (least recently aired first); bookkeeping, so a refusing disk is only logged.
      await store.songs.aired(choice.song.id, state.config.id, slot.startMs).catch(() => undefined);
      if (state.items.length > keep) state.items.splice(0, state.items.length - keep);
      return true;
    }
    return false;
  }

  /** The spoken intro of a dedication, made on the song queue; undefined (a plain start) if it is not ready. */
  async function introFor(state: ChannelState, songId: string, slot: ReturnType<typeof nextSlot>): Promise<AirItem | undefined> {
    try {
      const intro = await intros.take(songId);
      const song = await store.songs.get(songId);
      if (!song || !intro) return undefined;
      return { ...slot, kind: 'intro', songId, source: intro.source, segments: intro.packaged.segments, title: song.title };
    } catch (error) {
      events.emit(StationEvent.Error, { code: 'intro-failed', message: `${state.config.id}: the intro for ${songId} could not be made (${error instanceof Error ? error.message : String(error)}); playing the song without it`, fatal: false });
      return undefined;
    }
  }

  /** Shortens the item before, renders the overlap once, and returns the transition and the rest of `next`. */
  async function crossfadeInto(state: ChannelState, last: AirItem, next: AirItem, seconds: number, at: number): Promise<AirItem[]> {
    const plan = planCrossfade(last.segments, next.segments, seconds);
    const lastSong = await store.songs.get(last.songId);
    const nextSong = await store.songs.get(next.songId);
    const tailStartMs = itemEndMs(last) - (plan?.tailSec ?? 0) * 1000;
    // Only audio nobody has heard yet may change; and jingles and transitions are not faded.
    const [lastAudio, nextAudio] = [lastSong && mixSource(songDir(lastSong.id)), nextSong && mixSource(songDir(nextSong.id))];
    if (!plan || !lastSong || !nextSong || !lastAudio || !nextAudio || last.kind === 'transition' || last.source !== `songs/${last.songId}` || tailStartMs < at + 4000) return [next];
    const key = `${last.songId}-${next.songId}-${plan.tail}-${plan.head}-${Math.round(seconds * 1000)}`;
    try {
      const lastPackage = (await packageOf(last.songId))!;
      const mixed = await renderCrossfade(lastAudio, lastPackage.durationSec, nextAudio, plan, join(mediaRoot, 'transitions', key));
      last.segments = last.segments.slice(0, last.segments.length - plan.tail);
      await saved(state.config.id, last);
      // In the mix, the incoming song begins where the overlap does; the screen switches at its middle.
      const incomingAt = plan.tailSec - plan.seconds;
      const transition: AirItem = {
        ...nextSlot(last, at),
        kind: 'transition',
        songId: next.songId,
        source: `transitions/${key}`,
        segments: mixed.segments,
        title: next.title,
        songOffsetSec: -incomingAt,
        fadeAtSec: incomingAt + plan.seconds / 2,
      };
      const rest: AirItem = { ...next, ...nextSlot(transition, at), segments: next.segments.slice(plan.head), songOffsetSec: plan.headSec };
      return [transition, rest];
    } catch (error) {
      events.emit(StationEvent.Error, { code: 'crossfade-failed', message: `${state.config.id}: ${error instanceof Error ? error.message : String(error)}; cutting instead`, fatal: false });
      return [next];
    }
  }

  const currentIndex = (state: ChannelState, at: number): number => {
    for (let i = state.items.length - 1; i >= 0; i--) if (state.items[i]!.startMs <= at) return itemEndMs(state.items[i]!) > at ? i : -1;
    return -1;
  };

  async function tickOnce(): Promise<void> {
    await syncing;
    const at = now();
    // Songs found without their files stay out of rotation until they are looked at again.
    const unplayableSongs = new Set<string>();
    for (const source of [...unplayable.keys()]) if (source.startsWith('songs/') && isUnplayable(source, at)) unplayableSongs.add(source.slice('songs/'.length));
    // A folder moved or deleted under the item on air or the next one is found here, before a
    // listener asks for a segment of it (one look per source, whatever the number of channels).
    const looked = new Map<string, boolean>();
    for (const state of states.values()) {
      if (!leads(state.config.id)) continue;
      const i = currentIndex(state, at);
      for (const item of [state.items[i], state.items[i + 1]]) {
        for (const source of item ? new Set([item.source, `songs/${item.songId}`]) : []) {
          if (looked.has(source)) continue;
          if (!hasFiles(source)) await filled(source);
          const present = hasFiles(source);
          looked.set(source, present);
          if (!present) skipSource(source, 'its files are gone');
        }
      }
    }
    for (const state of states.values()) {
      try {
        const leader = leads(state.config.id);
        if (!leader) await follow(state, at);
        else {
          // Taking over: go on from what the last leader stored, not from what this instance last read.
          if (state.role === 'follower') await read(state, now());
          // Taking over (or starting): what waits in the air queue is this instance's to air now.
          if (state.role !== 'leader') state.airStale = true;
          state.role = 'leader';
          await pullAirQueue(state, at);
          // Always know what comes next: keep one item scheduled beyond the one on air.
          for (let guard = 0; guard < 4; guard++) {
            const last = state.items[state.items.length - 1];
            if (last && last.startMs > at) break;
            if (!(await scheduleNext(state, at, unplayableSongs))) break;
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

  /** Replaces what a channel serves with the stored timeline, if it is not older; forgets segments whose audio changed. */
  async function read(state: ChannelState, at: number): Promise<void> {
    const items = await loadTimeline(store, state.config.id, keep, at);
    state.readAt = at;
    state.stale = false;
    if (!isNewer(state.items, items)) return;
    const from = changedFrom(state.items, items);
    if (from === undefined) return;
    for (const key of segments.keys()) {
      const [channel, , seq] = key.split('/');
      if (channel === state.config.id && Number(seq) >= from) segments.delete(key);
    }
    state.items = items;
    state.cutIndex = undefined;
    state.cache.clear();
  }

  /** A follower reads the leader's timeline about once a target duration, or at once when told it moved on. */
  async function follow(state: ChannelState, at: number): Promise<void> {
    if (state.role !== 'follower') {
      state.role = 'follower';
      // Dedications waiting here are in the store's air queue; the leader is nudged to read it.
      for (const songId of state.dedications.splice(0)) void handOver(state.config.id, songId).catch(() => undefined);
    }
    const due = state.stale || state.readAt === undefined || at - state.readAt >= TARGET_DURATION * 1000 || at < state.readAt;
    if (!due) return;
    try {
      await read(state, at);
      if (state.readFailed) events.emit(StationEvent.Error, { code: 'timeline-read-failed', message: `${state.config.id}: the stored timeline can be read again`, fatal: false });
      state.readFailed = undefined;
    } catch (error) {
      // The store is away (a database restart): serve what was read last, try again next tick, say it once.
      state.readAt = at;
      const why = error instanceof Error ? error.message : String(error);
      if (!state.readFailed) events.emit(StationEvent.Error, { code: 'timeline-read-failed', message: `${state.config.id}: serving the timeline read last; the store did not answer (${why})`, fatal: false });
      state.readFailed = why;
    }
  }

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
    const sent = await options.bus?.publish('on-air', { channel, songId });
    if (sent && !sent.ok) events.emit(StationEvent.Error, { code: 'dedication-not-forwarded', message: `${channel}: the leader was not told of dedication ${songId} (${sent.error.message}); it finds it in the store within ${AIR_QUEUE_RECHECK_MS / 1000} s`, fatal: false });
  }

  /** The leader weaves in what waits in the channel's air queue: on taking the lease, on a nudge, and every AIR_QUEUE_RECHECK_MS. */
  async function pullAirQueue(state: ChannelState, at: number): Promise<void> {
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
  }

  /** Marks a dedication aired in the store; false if it was marked before. A store that does not answer does not stop it airing. */
  async function claimAiring(state: ChannelState, songId: string, atMs: number): Promise<boolean> {
    try {
      return await store.dedications.markAired(state.config.id, songId, atMs);
    } catch (error) {
      events.emit(StationEvent.Error, { code: 'air-queue-mark-failed', message: `${state.config.id}: dedication ${songId} airs, but could not be marked aired (${error instanceof Error ? error.message : String(error)})`, fatal: false });
      return true;
    }
  }

  const queueHere = (id: string, songId: string) => {
    const state = states.get(id);
    if (!state) return;
    state.dedications.push(songId);
    intros.request(songId);
    // What has not started yet has not been heard: make room for the dedication right after the song on air.
    dropUnstarted(state);
  };
  const unsubscribe = [
    options.bus?.subscribe('now-playing', ({ channel }) => {
      const state = states.get(channel);
      if (!state || leads(channel)) return;
      state.stale = true;
      void api.tick();
    }),
    // A nudge: the air queue in the store says what waits (the message itself may be stale or repeated).
    options.bus?.subscribe('on-air', ({ channel }) => {
      const state = states.get(channel);
      if (!state || !leads(channel)) return;
      state.airStale = true;
      void api.tick();
    }),
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
          await filled(source);
          return await channelSegment(folder, item, n, await originPts(folder, item, n));
        } catch (error) {
          // Listed already, so it must be answered: with silence in its slot, while the channel moves on.
          skipSource(source, error instanceof Error ? error.message : String(error));
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
    async queueDedication(id, songId) {
      if (!leads(id) && options.bus) return handOver(id, songId);
      // Leading (or alone): queued at once; stored so a restart or the next leader still airs it.
      queueHere(id, songId);
      await store.dedications.queueToAir(id, songId, Date.now()).catch((error: unknown) => {
        events.emit(StationEvent.Error, { code: 'air-queue-write-failed', message: `${id}: dedication ${songId} airs from memory; it could not be stored (${error instanceof Error ? error.message : String(error)})`, fatal: false });
      });
    },
    skip(id) {
      const state = states.get(id);
      if (!state || !leads(id)) return undefined;
      const at = now();
      const i = currentIndex(state, at);
      if (i < 0) return undefined;
      const item = { ...state.items[i]! };
      cutFrom(state, i, at);
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
