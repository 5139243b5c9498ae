// Scheduling a channel's next item: the rotation's choice (a waiting dedication first), checked for
// playable files, preceded by a dedication's spoken intro or joined to the item before by a crossfade,
// then stored as it is added to the timeline.
import { join } from 'node:path';
import type { SongRecord } from '../library/store.js';
import { StationEvent } from '../events.js';
import { mixSource, planCrossfade, renderCrossfade } from './crossfade.js';
import { TARGET_DURATION } from './hls-package.js';
import { chooseNext, type SongInfo } from './rotation.js';
import { isSongItem, itemEndMs, nextSlot, type AirItem } from './timeline.js';
import { saveItem, type ChannelState, type PlayoutContext } from './playout-context.js';
import type { PlayoutSources } from './playout-sources.js';
import type { DedicationWeaving } from './dedication-weaving.js';

const info = (s: SongRecord): SongInfo => ({ id: s.id, title: s.title, genre: s.genre, vibe: s.vibe, language: s.language, theme: s.theme });

/** Adds the channel's next item (or items: an intro, a crossfade) after its last; false when nothing can be scheduled. */
export async function scheduleNext(ctx: PlayoutContext, sources: PlayoutSources, weaving: DedicationWeaving, state: ChannelState, at: number, unplayable: ReadonlySet<string>): Promise<boolean> {
  const { store, events } = ctx;
  const programme = ctx.programme();
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
      if (excluded.has(id) || !weaving.ready(id, at)) continue;
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
      exclude: new Set([...excluded, ...[...ctx.states.values()].flatMap((st) => st.dedications)]),
      dedications,
      history,
      songsSinceJingle,
    });
    if (!choice) return false;
    const packaged = await sources.packageOf(choice.song.id);
    if (packaged) await sources.filled(`songs/${choice.song.id}`);
    if (!packaged || packaged.segments.length === 0 || !sources.hasFiles(`songs/${choice.song.id}`)) {
      excluded.add(choice.song.id);
      if (packaged) sources.skipSource(`songs/${choice.song.id}`, 'its files are gone');
      else events.emit(StationEvent.Fallback, { channel: state.config.id, reason: `song ${choice.song.id} has no HLS package; choosing another` });
      continue;
    }
    if (choice.fallbackReason) events.emit(StationEvent.Fallback, { channel: state.config.id, reason: choice.fallbackReason });
    if (choice.kind === 'dedication') {
      state.dedications = state.dedications.filter((id) => id !== choice.song.id);
      // Marked aired before it is scheduled: a dedication another leader aired already (or a late nudge) is not aired again.
      if (!(await weaving.claim(state, choice.song.id, slot.startMs))) {
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
    const intro = choice.kind === 'dedication' ? await weaving.introFor(state, choice.song.id, slot) : undefined;
    if (intro) Object.assign(item, nextSlot(intro, at));
    const items = intro ? [intro, item] : last && seconds?.type === 'crossfade' ? await crossfadeInto(ctx, sources, state, last, item, seconds.seconds, at) : [item];
    for (const it of items) {
      state.items.push(it);
      await saveItem(ctx, state.config.id, it);
      events.emit(StationEvent.ItemScheduled, { channel: state.config.id, item: it });
    }
    // Feeds `randomize` (least recently aired first); bookkeeping, so a refusing disk is only logged.
    await store.songs.aired(choice.song.id, state.config.id, slot.startMs).catch(() => undefined);
    if (state.items.length > ctx.keep) state.items.splice(0, state.items.length - ctx.keep);
    return true;
  }
  return false;
}

/** Shortens the item before, renders the overlap once, and returns the transition and the rest of `next`. */
async function crossfadeInto(ctx: PlayoutContext, sources: PlayoutSources, state: ChannelState, last: AirItem, next: AirItem, seconds: number, at: number): Promise<AirItem[]> {
  const { store, mediaRoot } = ctx;
  const songDir = (id: string) => join(mediaRoot, 'songs', id);
  const plan = planCrossfade(last.segments, next.segments, seconds);
  const lastSong = await store.songs.get(last.songId);
  const nextSong = await store.songs.get(next.songId);
  const tailStartMs = itemEndMs(last) - (plan?.tailSec ?? 0) * 1000;
  // Only audio nobody has heard yet may change; and jingles and transitions are not faded.
  const [lastAudio, nextAudio] = [lastSong && mixSource(songDir(lastSong.id)), nextSong && mixSource(songDir(nextSong.id))];
  if (!plan || !lastSong || !nextSong || !lastAudio || !nextAudio || last.kind === 'transition' || last.source !== `songs/${last.songId}` || tailStartMs < at + 4000) return [next];
  const key = `${last.songId}-${next.songId}-${plan.tail}-${plan.head}-${Math.round(seconds * 1000)}`;
  try {
    const lastPackage = (await sources.packageOf(last.songId))!;
    const mixed = await renderCrossfade(lastAudio, lastPackage.durationSec, nextAudio, plan, join(mediaRoot, 'transitions', key));
    last.segments = last.segments.slice(0, last.segments.length - plan.tail);
    await saveItem(ctx, state.config.id, last);
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
    ctx.events.emit(StationEvent.Error, { code: 'crossfade-failed', message: `${state.config.id}: ${error instanceof Error ? error.message : String(error)}; cutting instead`, fatal: false });
    return [next];
  }
}
