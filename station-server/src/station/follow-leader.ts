// A follower's side of a channel: it reads the leader's timeline from the store about once a target
// duration, or at once when told it moved on, and serves it; a store that does not answer leaves it
// serving what it read last (see follow.ts for why and how the timelines compare).
import { StationEvent } from '../events.js';
import { TARGET_DURATION } from './hls-package.js';
import { changedFrom, isNewer, loadTimeline } from './follow.js';
import { forgetSegments, type ChannelState, type PlayoutContext } from './playout-context.js';

/** Replaces what a channel serves with the stored timeline, if it is not older; forgets segments whose audio changed. */
export async function readTimeline(ctx: PlayoutContext, state: ChannelState, at: number): Promise<void> {
  const items = await loadTimeline(ctx.store, state.config.id, ctx.keep, at);
  state.readAt = at;
  state.stale = false;
  if (!isNewer(state.items, items)) return;
  const from = changedFrom(state.items, items);
  if (from === undefined) return;
  forgetSegments(ctx, state.config.id, from);
  state.items = items;
  state.cutIndex = undefined;
  state.cache.clear();
}

/** A follower reads the leader's timeline about once a target duration, or at once when told it moved on. */
export async function followLeader(ctx: PlayoutContext, state: ChannelState, at: number, becameFollower: (state: ChannelState) => void): Promise<void> {
  const { events } = ctx;
  if (state.role !== 'follower') {
    state.role = 'follower';
    becameFollower(state);
  }
  const due = state.stale || state.readAt === undefined || at - state.readAt >= TARGET_DURATION * 1000 || at < state.readAt;
  if (!due) return;
  try {
    await readTimeline(ctx, state, at);
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
