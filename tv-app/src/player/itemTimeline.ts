// The items of a live stream as the stream itself announces them (EXT-X-DATERANGE with
// CLASS="org.radio-optimism.item"), kept after they slide out of the playlist window, so the
// view follows the audio being heard, not the server's clock.
// A crossfade arrives as its own "transition" item (the outgoing song's tail mixed with the
// incoming one's head) between a shortened song and the rest of the next one. The screen should
// change songs in the middle of the fade, and lyrics must know how far into its song each item
// starts. The station can say both exactly (X-SONG-OFFSET, X-FADE-AT, in seconds); without them
// the TV assumes a fade centred in the transition.
import type { ItemKind } from '../station/types';

export const ITEM_CLASS = 'org.radio-optimism.item';

export interface StreamItem {
  /** The DATERANGE id, "item-<index>". */
  id: string;
  index: number;
  songId: string;
  kind: ItemKind;
  title: string;
  /** Epoch milliseconds. */
  startMs: number;
  durationMs: number;
  /** How far into the song (X-SONG-ID) the item starts; negative when it starts inside the item. */
  songOffsetMs: number;
  /** For a transition: when, into the item, the screen switches to the incoming song. */
  switchAtMs: number;
}

/** What the screen shows at one moment: a song, and how far into it the sound is. */
export interface HeardSong {
  /** The stream item carrying the sound (for a transition's first half, the item before it). */
  item: StreamItem;
  songId: string;
  /** Seconds into the song. */
  offset: number;
  /** Stable while one song plays across items: changes only when another song starts. */
  key: string;
}

/** The fields of one DATERANGE tag, as hls.js parses them. */
export interface DateRangeLike {
  id: string;
  class: string;
  startDate: Date;
  duration: number | null;
  attr: Record<string, unknown>;
}

const KINDS: readonly ItemKind[] = ['song', 'jingle', 'dedication', 'intro', 'transition'];

const seconds = (value: unknown): number | undefined => {
  const n = typeof value === 'string' || typeof value === 'number' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

export function toStreamItem(range: DateRangeLike): StreamItem | undefined {
  if (range.class !== ITEM_CLASS) return undefined;
  const songId = range.attr['X-SONG-ID'];
  const kind = range.attr['X-KIND'];
  const title = range.attr['X-TITLE'];
  const index = Number(/(\d+)$/.exec(range.id)?.[1]);
  if (typeof songId !== 'string' || !Number.isFinite(index)) return undefined;
  const durationMs = Math.max(0, (range.duration ?? 0) * 1000);
  const isTransition = kind === 'transition';
  const switchAtMs = isTransition ? (seconds(range.attr['X-FADE-AT']) ?? durationMs / 2000) * 1000 : 0;
  return {
    id: range.id,
    index,
    songId,
    kind: KINDS.includes(kind as ItemKind) ? (kind as ItemKind) : 'song',
    title: typeof title === 'string' ? title : '',
    startMs: range.startDate.getTime(),
    durationMs,
    songOffsetMs: (seconds(range.attr['X-SONG-OFFSET']) ?? (isTransition ? -switchAtMs / 1000 : 0)) * 1000,
    switchAtMs,
  };
}

export class ItemTimeline {
  private readonly items = new Map<string, StreamItem>();

  /** Adds what a playlist refresh announced; returns the items not seen before. */
  add(ranges: Iterable<DateRangeLike | undefined>): StreamItem[] {
    const fresh: StreamItem[] = [];
    for (const range of ranges) {
      const item = range && toStreamItem(range);
      if (!item) continue;
      if (!this.items.has(item.id)) fresh.push(item);
      this.items.set(item.id, item);
    }
    return fresh;
  }

  /** The item playing at `ms`: the latest one that has started (a gap keeps the previous one). */
  at(ms: number): StreamItem | undefined {
    let best: StreamItem | undefined;
    for (const item of this.items.values()) {
      if (item.startMs <= ms && (!best || item.startMs > best.startMs)) best = item;
    }
    return best;
  }

  /** The item before `item` in the stream, if still known. */
  before(item: StreamItem): StreamItem | undefined {
    let best: StreamItem | undefined;
    for (const other of this.items.values()) {
      if (other.startMs < item.startMs && (!best || other.startMs > best.startMs)) best = other;
    }
    return best;
  }

  /**
   * The song heard at `ms`. A transition shows the outgoing song until its switch point; the
   * item after a transition, without X-SONG-OFFSET, goes on from where the transition left it.
   */
  heard(ms: number): HeardSong | undefined {
    const item = this.at(ms);
    if (!item) return undefined;
    if (item.kind === 'transition' && ms < item.startMs + item.switchAtMs) {
      const prev = this.before(item);
      if (prev) return this.song(prev, ms);
    }
    return this.song(item, ms);
  }

  private song(item: StreamItem, ms: number): HeardSong {
    let offsetMs = item.songOffsetMs;
    let startedMs = item.startMs - item.songOffsetMs;
    const prev = this.before(item);
    if (item.kind !== 'transition' && prev?.kind === 'transition' && prev.songId === item.songId) {
      // The rest of the song the transition brought in: the same play, so the same key, even when
      // the two items' dates and offsets (rounded to the millisecond) disagree by a little.
      startedMs = prev.startMs - prev.songOffsetMs;
      // Not told where in the song this item starts: it continues the transition's incoming half.
      if (item.songOffsetMs === 0) offsetMs = prev.songOffsetMs + prev.durationMs;
    }
    return { item, songId: item.songId, offset: (offsetMs + ms - item.startMs) / 1000, key: `${item.songId}@${Math.round(startedMs)}` };
  }

  /** The item after `item` in the stream, if the playlist has announced it yet. */
  after(item: StreamItem): StreamItem | undefined {
    let best: StreamItem | undefined;
    for (const other of this.items.values()) {
      if (other.startMs > item.startMs && (!best || other.startMs < best.startMs)) best = other;
    }
    return best;
  }

  /** Forgets items that ended well before `ms`, so a TV left on for days stays small. */
  prune(ms: number, keepMs = 10 * 60_000): void {
    for (const [id, item] of this.items) if (item.startMs + item.durationMs < ms - keepMs) this.items.delete(id);
  }

  clear(): void {
    this.items.clear();
  }

  get size(): number {
    return this.items.size;
  }
}
