// One live channel on screen: the player, the stream's own item timeline, the details fetched
// for each item as soon as the playlist announces it (so the switch is instant when the audio
// gets there), and the server's now-playing for what the stream does not carry (dedications).
import type { StationApi } from '../station/api';
import { parseVtt, type LyricCue } from '../lyrics/vtt';
import type { AirItem, NowPlaying, Song } from '../station/types';
import { ItemTimeline, type HeardSong, type StreamItem } from './itemTimeline';
import { LivePlayer, type PlayerStatus } from './livePlayer';

/** Air items kept behind the one on air, and songs whose details (song, lyrics) stay cached. */
const KEEP_AIR_ITEMS = 4;
const KEEP_DETAILS = 24;

/** One song as the screen shows it; `id` stays the same while the song plays across items. */
export interface ShownItem extends StreamItem {
  song?: Song;
  air?: AirItem;
  cues?: LyricCue[];
  artwork: string;
}

export interface LiveSnapshot {
  channel: string | undefined;
  status: PlayerStatus;
  item: ShownItem | undefined;
  next: ShownItem | undefined;
}

interface Details {
  song?: Song;
  cues?: LyricCue[];
}

const TICK_MS = 100;

const fromAir = (air: AirItem): StreamItem => ({
  id: `item-${air.index}`,
  index: air.index,
  songId: air.songId,
  kind: air.kind,
  title: air.title,
  startMs: Date.parse(air.start),
  durationMs: Date.parse(air.end) - Date.parse(air.start),
  songOffsetMs: 0,
  switchAtMs: 0,
});

const heardFromAir = (item: StreamItem, ms: number): HeardSong => ({ item, songId: item.songId, offset: (ms - item.startMs) / 1000, key: `${item.songId}@${item.startMs}` });

export class LiveController {
  readonly player: LivePlayer;
  private readonly timeline = new ItemTimeline();
  private readonly details = new Map<string, Details>();
  private readonly airByIndex = new Map<number, AirItem>();
  private readonly listeners = new Set<() => void>();
  private tick: ReturnType<typeof setInterval> | undefined;
  /** Server clock minus ours, for the fallback without PROGRAM-DATE-TIME. */
  private skewMs = 0;
  private snapshot: LiveSnapshot = { channel: undefined, status: 'idle', item: undefined, next: undefined };

  constructor(
    private readonly api: StationApi,
    audio: HTMLAudioElement,
  ) {
    this.player = new LivePlayer(audio, {
      status: (status) => this.update({ status }),
      dateRanges: (ranges) => {
        for (const item of this.timeline.add(ranges)) this.prefetch(item.songId);
      },
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveSnapshot => this.snapshot;

  tune(channel: string): void {
    this.timeline.clear();
    this.airByIndex.clear();
    this.update({ channel, item: undefined, next: undefined });
    this.player.start(this.api.url(`/live/${encodeURIComponent(channel)}/index.m3u8`));
    clearInterval(this.tick);
    this.tick = setInterval(this.onTick, TICK_MS);
    this.api.now(channel).then((now) => this.onNow(now), () => undefined);
  }

  /** Stops the live audio (a dedication plays on demand); `tune` starts it again at the live edge. */
  suspend(): void {
    clearInterval(this.tick);
    this.player.stop();
  }

  /** The server's now-playing, from REST or the socket. */
  onNow(now: NowPlaying): void {
    if (now.channel !== this.snapshot.channel) return;
    this.skewMs = Date.parse(now.serverTime) - Date.now();
    for (const air of [now.current, now.next]) {
      if (!air) continue;
      this.airByIndex.set(air.index, air);
      this.prefetch(air.songId);
    }
    // Items long gone from the air are not needed again; the app may run for days.
    const oldest = (now.current?.index ?? 0) - KEEP_AIR_ITEMS;
    for (const index of this.airByIndex.keys()) if (index < oldest) this.airByIndex.delete(index);
    this.onTick();
  }

  /** Where the audio is: the song heard and how far into it, in seconds. */
  position(): HeardSong | undefined {
    const at = this.heardAt();
    return at === undefined ? undefined : this.heardSong(at);
  }

  destroy(): void {
    clearInterval(this.tick);
    this.player.destroy();
    this.listeners.clear();
  }

  private heardAt(): number | undefined {
    if (this.player.usesHlsJs) return this.player.playingDate();
    // The platform player ignores PROGRAM-DATE-TIME: estimate from the server clock and the
    // usual live latency (three 2 s segments).
    return this.player.status === 'playing' ? Date.now() + this.skewMs - 6000 : undefined;
  }

  private heardSong(ms: number): HeardSong | undefined {
    const fromStream = this.timeline.heard(ms);
    if (fromStream || this.player.usesHlsJs) return fromStream;
    let best: AirItem | undefined;
    for (const air of this.airByIndex.values()) if (Date.parse(air.start) <= ms && (!best || air.index > best.index)) best = air;
    return best && heardFromAir(fromAir(best), ms);
  }

  /** The next item that brings another song (a transition brings its incoming one). */
  private nextSong(heard: HeardSong): StreamItem | undefined {
    let item: StreamItem | undefined = heard.item;
    while ((item = this.timeline.after(item))) if (item.songId !== heard.songId) return item;
    const air = this.airByIndex.get(heard.item.index + 1);
    return air && air.songId !== heard.songId ? fromAir(air) : undefined;
  }

  private readonly onTick = () => {
    const at = this.heardAt();
    const heard = at === undefined ? undefined : this.heardSong(at);
    const nextStream = heard && this.nextSong(heard);
    const item = heard && this.shown({ ...heard.item, songId: heard.songId, id: heard.key });
    const next = nextStream && this.shown(nextStream);
    const prev = this.snapshot;
    if (same(prev.item, item) && same(prev.next, next)) return;
    if (at !== undefined) this.timeline.prune(at);
    this.update({ item, next });
  };

  private shown(item: StreamItem): ShownItem {
    const d = this.details.get(item.songId);
    // The server's view of the item carrying this song (a transition's belongs to the song after it).
    const air = [item.index, item.index + 1, item.index - 1].map((i) => this.airByIndex.get(i)).find((a) => a?.songId === item.songId && a.kind !== 'transition');
    const artwork = this.api.url(d?.song?.files.cover ?? air?.artwork ?? `/media/songs/${item.songId}/cover.jpg`);
    return {
      ...item,
      // A transition on screen is the song it brings in; progress is measured against the whole song.
      kind: item.kind === 'transition' ? (air?.kind ?? 'song') : item.kind,
      durationMs: d?.song ? d.song.durationSec * 1000 : item.durationMs,
      title: item.title || d?.song?.title || air?.title || '',
      song: d?.song,
      air,
      cues: d?.cues,
      artwork,
    };
  }

  private prefetch(songId: string) {
    const known = this.details.get(songId);
    if (known) {
      // Most recently used last, so the oldest is the one to forget.
      this.details.delete(songId);
      this.details.set(songId, known);
      return;
    }
    const d: Details = {};
    this.details.set(songId, d);
    if (this.details.size > KEEP_DETAILS) this.details.delete(this.details.keys().next().value!);
    this.api
      .song(songId)
      .then(async (song) => {
        d.song = song;
        // Warm the image cache so the cover appears with the audio, not after it.
        if (typeof Image !== 'undefined') new Image().src = this.api.url(song.files.cover);
        d.cues = parseVtt(await this.api.text(song.files.lyrics));
      })
      .catch(() => {
        // Details are a nicety: the item still shows with its stream title. Try again next time.
        if (!d.song) this.details.delete(songId);
      })
      .finally(() => this.refresh());
  }

  private refresh() {
    const prev = this.snapshot;
    this.snapshot = { ...prev, item: prev.item && this.shown(prev.item), next: prev.next && this.shown(prev.next) };
    this.emit();
  }

  private update(patch: Partial<LiveSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    this.emit();
  }

  private emit() {
    for (const l of this.listeners) l();
  }
}

const same = (a: ShownItem | undefined, b: ShownItem | undefined) =>
  a === b || (!!a && !!b && a.id === b.id && a.song === b.song && a.air === b.air && a.cues === b.cues);
