// What plays next on a channel: the active show or playlist, its rules, no-repeat window, jingle
// cadence and waiting dedications, with fallbacks that end in the whole library so the station is
// never silent. Each song is one indexed query to the store (store.songs.next), never a scan: the
// same store and inputs give the same choice (fake-clock tests rely on it).
import { CronExpressionParser } from 'cron-parser';
import { hashString } from '../composer/random.js';
import type { ChannelConfig, PlaylistConfig } from './programme-schema.js';
import type { Programme } from './programme.js';
import type { NextSongQuery, SongMatch } from '../library/store.js';

export interface SongInfo {
  id: string;
  title: string;
  genre: string;
  vibe: string;
  language: string;
  theme: string;
}

export interface RotationInput {
  programme: Programme;
  channel: ChannelConfig;
  atMs: number;
  /** Position of the item to choose in the channel's timeline. */
  itemIndex: number;
  /** The store's choice of a song for a query. */
  next: NextSong;
  /** Songs that must not be chosen (their files are gone, or they were just tried). */
  exclude: ReadonlySet<string>;
  /** Dedications waiting for air on this channel, oldest first. */
  dedications: readonly SongInfo[];
  /** Song ids of past items, oldest first (songs only). */
  history: readonly string[];
  /** Songs since the last jingle. */
  songsSinceJingle: number;
}

export interface RotationChoice {
  kind: 'song' | 'jingle' | 'dedication';
  song: SongInfo;
  playlist: string;
  show?: string;
  /** Set when the choice fell back from the active playlist, saying why (for the log). */
  fallbackReason?: string;
}

/** The playlist on air at a moment: a show whose cron fired within its duration, else the channel's own. */
export function activePlaylist(channel: ChannelConfig, atMs: number): { playlist: string; show?: string } {
  for (const show of channel.shows) {
    const previous = CronExpressionParser.parse(show.cron, { currentDate: new Date(atMs + 1000), tz: show.timezone }).prev().getTime();
    if (atMs >= previous && atMs < previous + show.duration) return { playlist: show.playlist, show: show.name };
  }
  return { playlist: channel.playlist };
}

/** The store's indexed choice of the next song (store.songs.next), as rotation asks for it. */
export type NextSong = (query: NextSongQuery) => Promise<SongInfo | undefined>;

export function chooseNext(input: RotationInput): Promise<RotationChoice | undefined> {
  return choose(input);
}

const seedOf = (text: string): number => hashString(text) >>> 0;

async function choose(input: RotationInput): Promise<RotationChoice | undefined> {
  const active = activePlaylist(input.channel, input.atMs);
  const show = active.show ? { show: active.show } : {};
  const playlist = input.programme.playlists.get(active.playlist);
  const exclude = [...input.exclude];
  if (playlist?.dedications !== false && input.dedications.length > 0)
    return { kind: 'dedication', song: input.dedications[0]!, playlist: active.playlist, ...show };
  const jingle = async (match: SongMatch) => input.next({ kind: 'jingle', match, mode: 'random', exclude, seed: seedOf(`${input.channel.id}:${input.itemIndex}`) });
  if (playlist && playlist.jingleEvery > 0 && input.songsSinceJingle >= playlist.jingleEvery) {
    // A station ID in the channel's language when the playlist has one.
    const languages = playlist.match.language as string[] | undefined;
    const found = (languages ? await jingle({ language: languages }) : undefined) ?? (await jingle({}));
    if (found) return { kind: 'jingle', song: found, playlist: active.playlist, ...show };
  }

  // Walk the fallback chain; the whole library is the safety source at its end.
  const reasons: string[] = [];
  const visited = new Set<string>();
  let current: PlaylistConfig | undefined = playlist;
  if (!playlist) reasons.push(`playlist "${active.playlist}" is not defined`);
  while (current && !visited.has(current.id)) {
    visited.add(current.id);
    const song = await pick(current, input, exclude);
    if (song) {
      const fallbackReason = reasons.length ? reasons.join('; ') : undefined;
      return { kind: 'song', song, playlist: current.id, ...show, ...(fallbackReason ? { fallbackReason } : {}) };
    }
    reasons.push(`playlist "${current.id}" has no songs that match`);
    current = current.fallback ? input.programme.playlists.get(current.fallback) : undefined;
  }
  const safety: PlaylistConfig = { id: 'library', name: 'Library', mode: 'randomize', match: {}, noRepeat: 6, transition: { type: 'cut', seconds: 0 }, jingleEvery: 0, dedications: true };
  const any = await pick(safety, input, exclude);
  if (!any) {
    // Nothing playable at all (an empty library, or every song's files gone): station IDs keep the channel on air.
    const id = await jingle({});
    if (!id) return undefined;
    reasons.push('no song can be played: a station ID');
    return { kind: 'jingle', song: id, playlist: active.playlist, ...show, fallbackReason: reasons.join('; ') };
  }
  reasons.push('playing from the whole library');
  return { kind: 'song', song: any, playlist: 'library', ...show, fallbackReason: reasons.join('; ') };
}

/**
 * One indexed query for the playlist's rules. Never a song of the no-repeat window; when fewer songs
 * match than the window, the window shrinks until one does, so the gap stays the longest possible.
 */
async function pick(playlist: PlaylistConfig, input: RotationInput, exclude: readonly string[]): Promise<SongInfo | undefined> {
  const seed = seedOf(`${input.channel.id}:${playlist.id}:${input.itemIndex}`);
  const ids = playlist.songs;
  // In list order (or oldest first), after the last song of the list that played.
  const played = ids ? input.history.filter((id) => ids.includes(id)) : input.history;
  const after = played[played.length - 1];
  const ask = (window: number) =>
    input.next({
      kind: 'song',
      match: playlist.match as SongMatch,
      ...(ids ? { ids } : {}),
      mode: playlist.mode,
      exclude: [...exclude, ...(window > 0 ? input.history.slice(-window) : [])],
      ...(after ? { after } : {}),
      seed,
    });
  const full = await ask(playlist.noRepeat);
  if (full || playlist.noRepeat === 0) return full;
  // None outside the window: if none matches at all, the next in the chain is asked; else the window
  // shrinks one song at a time, so the gap stays the longest the list allows.
  const any = await ask(0);
  if (!any) return undefined;
  for (let window = playlist.noRepeat - 1; window > 0; window--) {
    const found = await ask(window);
    if (found) return found;
  }
  return any;
}
