// A channel's timeline on the wall clock, and the live HLS playlists cut from it. Pure functions:
// the same items and the same moment give the same playlist, so every listener hears the same
// moment and a restarted server serves exactly what it served before.
import { RENDITIONS, TARGET_DURATION, type PackagedSegment, type RenditionName } from './hls-package.js';

export type AirItemKind = 'song' | 'jingle' | 'dedication' | 'intro' | 'transition';

/** Items that count as songs for rotation rules (no-repeat, jingle cadence). */
export const isSongItem = (item: AirItem): boolean => item.kind === 'song' || item.kind === 'dedication';

export interface AirItem {
  /** Position in the channel since it first went on air; also its discontinuity number. */
  index: number;
  /** Media sequence number of the item's first segment. */
  firstSeq: number;
  /** Wall-clock start, ms since the epoch. */
  startMs: number;
  kind: AirItemKind;
  songId: string;
  /** Folder of the packaged audio under the media root: `songs/<id>` or `transitions/<key>`. */
  source: string;
  segments: PackagedSegment[];
  title: string;
  /** Seconds into its song where the item starts: positive when the song's head was played by a
   *  crossfade before it, negative when the song starts inside this item (a transition). */
  songOffsetSec?: number;
  /** On a transition: seconds into the item where the outgoing song hands over to the incoming one. */
  fadeAtSec?: number;
}

export const itemDurationMs = (item: AirItem): number => Math.round(item.segments.reduce((t, s) => t + s.duration, 0) * 1000);
export const itemEndMs = (item: AirItem): number => item.startMs + itemDurationMs(item);

/** Whether `item` comes straight after `prev` on one timeline (next index, next sequence number, not before its end). */
export const followsOn = (prev: AirItem, item: AirItem): boolean =>
  item.index === prev.index + 1 && item.firstSeq === prev.firstSeq + prev.segments.length && item.startMs >= itemEndMs(prev) - 1;

/** How many of an item's segments have completely played by `nowMs` (and so are listed). */
export function playedSegments(item: AirItem, nowMs: number): number {
  let end = item.startMs;
  let n = 0;
  for (const s of item.segments) {
    end += s.duration * 1000;
    if (end > nowMs) break;
    n++;
  }
  return n;
}

/** A new channel starts this far in the past, so its first listener finds a full live window. */
export const FIRST_ITEM_LEAD_MS = 3 * TARGET_DURATION * 1000;

/** Where the next item goes: straight after the last one, or now if the channel was off the air. */
export function nextSlot(last: AirItem | undefined, nowMs: number): { index: number; firstSeq: number; startMs: number } {
  if (!last) return { index: 0, firstSeq: 0, startMs: nowMs - FIRST_ITEM_LEAD_MS };
  return { index: last.index + 1, firstSeq: last.firstSeq + last.segments.length, startMs: Math.max(itemEndMs(last), nowMs) };
}

export interface WindowSegment {
  item: AirItem;
  /** Position in the item. */
  n: number;
  seq: number;
  startMs: number;
  duration: number;
}

/** The last `size` segments that have completely played out by `nowMs`. */
export function liveWindow(items: readonly AirItem[], nowMs: number, size: number): WindowSegment[] {
  const out: WindowSegment[] = [];
  for (let i = items.length - 1; i >= 0 && out.length < size; i--) {
    const item = items[i]!;
    if (item.startMs > nowMs) continue;
    let t = item.startMs;
    const starts = item.segments.map((s) => {
      const at = t;
      t += s.duration * 1000;
      return at;
    });
    for (let n = item.segments.length - 1; n >= 0 && out.length < size; n--) {
      const duration = item.segments[n]!.duration;
      if (starts[n]! + duration * 1000 > nowMs) continue;
      out.push({ item, n, seq: item.firstSeq + n, startMs: starts[n]!, duration });
    }
  }
  return out.reverse();
}

/** Quoted-string attribute values may not hold a double quote or a line break (RFC 8216 4.2). */
const attr = (text: string): string => text.replace(/["\r\n]/g, "'").replace(/[\u0000-\u001f]/g, ' ').slice(0, 200);

/** Segments are served per channel (re-timed to the channel's clock): `/live/<channel>/<rendition>/<seq>.ts`. */
export const segmentUri = (channel: string, rendition: RenditionName, seq: number): string => `/live/${channel}/${rendition}/${seq}.ts`;

export function mediaPlaylist(items: readonly AirItem[], nowMs: number, channel: string, rendition: RenditionName, size = 8): string {
  const window = liveWindow(items, nowMs, size);
  const lines = ['#EXTM3U', '#EXT-X-VERSION:6', `#EXT-X-TARGETDURATION:${TARGET_DURATION}`];
  if (window.length === 0) return `${lines.join('\n')}\n#EXT-X-MEDIA-SEQUENCE:0\n`;
  const first = window[0]!;
  lines.push(`#EXT-X-MEDIA-SEQUENCE:${first.seq}`, `#EXT-X-DISCONTINUITY-SEQUENCE:${first.item.index}`);
  let current: AirItem | undefined;
  for (const s of window) {
    if (s.item !== current) {
      if (current) lines.push('#EXT-X-DISCONTINUITY');
      current = s.item;
      const it = s.item;
      lines.push(
        `#EXT-X-DATERANGE:ID="item-${it.index}",CLASS="org.radio-optimism.item",START-DATE="${new Date(it.startMs).toISOString()}",DURATION=${(itemDurationMs(it) / 1000).toFixed(3)},X-SONG-ID="${attr(it.songId)}",X-KIND="${it.kind}",X-TITLE="${attr(it.title)}"${it.songOffsetSec !== undefined ? `,X-SONG-OFFSET=${it.songOffsetSec.toFixed(3)}` : ''}${it.fadeAtSec !== undefined ? `,X-FADE-AT=${it.fadeAtSec.toFixed(3)}` : ''}`,
      );
    }
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(s.startMs).toISOString()}`, `#EXTINF:${s.duration.toFixed(6)},`, segmentUri(channel, rendition, s.seq));
  }
  return `${lines.join('\n')}\n`;
}

export function multivariantPlaylist(): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const r of RENDITIONS) {
    // BANDWIDTH is the peak: the audio bitrate plus MPEG-TS overhead (about 10%).
    lines.push(`#EXT-X-STREAM-INF:BANDWIDTH=${Math.round(r.bitrate * 1.1)},AVERAGE-BANDWIDTH=${Math.round(r.bitrate * 1.08)},CODECS="mp4a.40.2"`, `${r.name}.m3u8`);
  }
  return `${lines.join('\n')}\n`;
}
