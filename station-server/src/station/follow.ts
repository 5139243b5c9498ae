// Following a channel's leader: an instance that does not hold a channel's lease schedules nothing
// and serves the timeline the leader wrote to the store. It reads it about once a target duration
// (sooner when the leader says on the bus that something new is on air), so every instance cuts
// the same playlists from the same items; the leader keeps one item scheduled beyond the one on
// air, so a follower a poll behind still has what plays next.
import type { Store } from '../library/store.js';
import { followsOn, type AirItem } from './timeline.js';

/**
 * A channel's saved timeline, newest `keep` items. Rows of items dropped before they aired (a song
 * skipped for missing files, a dedication pushed in) may outlive the shorter items that replaced
 * them: such unaired leftovers are not loaded.
 */
export async function loadTimeline(store: Store, channel: string, keep: number, nowMs: number): Promise<AirItem[]> {
  const saved = (await store.timeline.recent(channel, keep)) as AirItem[];
  const broken = saved.findIndex((it, i) => i > 0 && !followsOn(saved[i - 1]!, it));
  return broken > 0 && saved.slice(broken).every((it) => it.startMs > nowMs) ? saved.slice(0, broken) : saved;
}

/** What makes an item's playlist lines and segments: two items alike here sound and list alike. */
const signature = (it: AirItem): string => `${it.index}:${it.firstSeq}:${it.startMs}:${it.source}:${it.segments.length}`;

/**
 * How a freshly read timeline differs from the one served: `undefined` if alike; otherwise the
 * first media sequence number whose audio may have changed (segments read for it on are forgotten).
 */
export function changedFrom(before: readonly AirItem[], after: readonly AirItem[]): number | undefined {
  if (before.length === after.length && before.every((it, i) => signature(it) === signature(after[i]!))) return undefined;
  const old = new Map(before.map((it) => [it.index, it]));
  let first = Number.POSITIVE_INFINITY;
  for (const it of after) {
    const was = old.get(it.index);
    if (was && signature(was) !== signature(it)) first = Math.min(first, was.firstSeq, it.firstSeq);
  }
  return first;
}

/**
 * Whether `after` may replace `before` for listeners: a follower never serves a timeline that goes
 * back (a store read that came back short or old is ignored until a newer one arrives).
 */
export function isNewer(before: readonly AirItem[], after: readonly AirItem[]): boolean {
  if (after.length === 0) return false;
  const last = (items: readonly AirItem[]) => items[items.length - 1];
  return !last(before) || last(after)!.index >= last(before)!.index;
}
