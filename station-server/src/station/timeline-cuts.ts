// Changes to a channel's timeline in memory that listeners must not hear as a jump: cutting an item
// short after what is already listed, and dropping what has not started yet.
import { forgetSegments, saveItem, type ChannelState, type PlayoutContext } from './playout-context.js';
import { playedSegments } from './timeline.js';

/**
 * Ends a channel's item `i` after the segments already listed (a live playlist never loses a listed
 * segment) and drops what follows, so the next item, scheduled on the next tick, starts within one
 * segment. With nothing of it listed yet, the item is dropped whole and the next one takes its place.
 */
export function cutFrom(ctx: PlayoutContext, state: ChannelState, i: number, at: number): void {
  const item = state.items[i]!;
  let keepFrom = i;
  let nextSeq = item.firstSeq;
  if (item.startMs <= at) {
    const listed = playedSegments(item, at);
    if (listed > 0) {
      item.segments = item.segments.slice(0, listed);
      void saveItem(ctx, state.config.id, item);
      keepFrom = i + 1;
      nextSeq += listed;
      state.cutIndex = item.index;
    } else state.cutIndex = state.items[i - 1]?.index;
  }
  state.items.splice(keepFrom);
  // Sequence numbers from the cut on will name other audio: forget what was read for them.
  forgetSegments(ctx, state.config.id, nextSeq);
  state.cache.clear();
}

/** Drops the items that have not started (nobody has heard them), so the next choice comes right after the one on air. */
export function dropUnstarted(ctx: PlayoutContext, state: ChannelState): void {
  const at = ctx.now();
  const firstFuture = state.items.findIndex((it) => it.startMs > at);
  if (firstFuture >= 0) state.items.splice(firstFuture);
  state.cache.clear();
}
