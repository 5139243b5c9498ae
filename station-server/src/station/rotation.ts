// What plays next on a channel: the active show or playlist, its rules, no-repeat window, jingle
// cadence and waiting dedications, with fallbacks that end in the whole library so the station is
// never silent. Pure: the same inputs give the same choice (fake-clock tests rely on it).
import { CronExpressionParser } from 'cron-parser';
import { createRandom, hashString } from '../composer/random.js';
import type { ChannelConfig, PlaylistConfig } from './programme-schema.js';
import type { Programme } from './programme.js';

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
  songs: readonly SongInfo[];
  jingles: readonly SongInfo[];
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

export const matches = (p: PlaylistConfig, s: SongInfo): boolean =>
  p.songs
    ? p.songs.includes(s.id)
    : (!p.match.genre || (p.match.genre as string[]).includes(s.genre)) &&
      (!p.match.vibe || (p.match.vibe as string[]).includes(s.vibe)) &&
      (!p.match.language || (p.match.language as string[]).includes(s.language)) &&
      (!p.match.theme || (p.match.theme as string[]).includes(s.theme));

export function chooseNext(input: RotationInput): RotationChoice | undefined {
  const active = activePlaylist(input.channel, input.atMs);
  const show = active.show ? { show: active.show } : {};
  const playlist = input.programme.playlists.get(active.playlist);
  if (playlist?.dedications !== false && input.dedications.length > 0)
    return { kind: 'dedication', song: input.dedications[0]!, playlist: active.playlist, ...show };
  if (playlist && playlist.jingleEvery > 0 && input.songsSinceJingle >= playlist.jingleEvery && input.jingles.length > 0) {
    const random = createRandom(hashString(`${input.channel.id}:${input.itemIndex}`));
    // A station ID in the channel's language when the playlist has one.
    const languages = playlist.match.language as string[] | undefined;
    const local = languages ? input.jingles.filter((j) => languages.includes(j.language)) : [];
    return { kind: 'jingle', song: random.pick(local.length ? local : input.jingles), playlist: active.playlist, ...show };
  }

  // Walk the fallback chain; the whole library is the safety source at its end.
  const reasons: string[] = [];
  const visited = new Set<string>();
  let current: PlaylistConfig | undefined = playlist;
  if (!playlist) reasons.push(`playlist "${active.playlist}" is not defined`);
  while (current && !visited.has(current.id)) {
    visited.add(current.id);
    const candidates = input.songs.filter((s) => matches(current!, s));
    if (candidates.length > 0) {
      const song = pick(current, candidates, input);
      const fallbackReason = reasons.length ? reasons.join('; ') : undefined;
      return { kind: 'song', song, playlist: current.id, ...show, ...(fallbackReason ? { fallbackReason } : {}) };
    }
    reasons.push(`playlist "${current.id}" has no songs that match`);
    current = current.fallback ? input.programme.playlists.get(current.fallback) : undefined;
  }
  if (input.songs.length === 0) {
    // Nothing playable at all (an empty library, or every song's files gone): station IDs keep the channel on air.
    if (input.jingles.length === 0) return undefined;
    const random = createRandom(hashString(`${input.channel.id}:${input.itemIndex}`));
    reasons.push('no song can be played: a station ID');
    return { kind: 'jingle', song: random.pick(input.jingles), playlist: active.playlist, ...show, fallbackReason: reasons.join('; ') };
  }
  reasons.push('playing from the whole library');
  const safety: PlaylistConfig = { id: 'library', name: 'Library', mode: 'randomize', match: {}, noRepeat: 6, transition: { type: 'cut', seconds: 0 }, jingleEvery: 0, dedications: true };
  return { kind: 'song', song: pick(safety, input.songs, input), playlist: 'library', ...show, fallbackReason: reasons.join('; ') };
}

function pick(playlist: PlaylistConfig, candidates: readonly SongInfo[], input: RotationInput): SongInfo {
  const random = createRandom(hashString(`${input.channel.id}:${playlist.id}:${input.itemIndex}`));
  // Never repeat within the window; when the list is smaller than the window, keep the longest gap possible.
  const window = Math.min(playlist.noRepeat, candidates.length - 1);
  const recent = new Set(input.history.slice(input.history.length - window));
  const fresh = window > 0 ? candidates.filter((s) => !recent.has(s.id)) : [...candidates];
  if (playlist.mode === 'random') return random.pick(fresh);
  const lastPlayed = (id: string) => input.history.lastIndexOf(id);
  if (playlist.mode === 'normal') {
    // In list order, continuing after the last song of the list that played.
    const order = playlist.songs ? playlist.songs.map((id) => candidates.find((s) => s.id === id)).filter((s): s is SongInfo => !!s) : [...candidates];
    let latest = -1;
    let at = -1;
    order.forEach((s, i) => {
      const when = lastPlayed(s.id);
      if (when > latest) [latest, at] = [when, i];
    });
    for (let k = 1; k <= order.length; k++) {
      const s = order[(at + k) % order.length]!;
      if (fresh.includes(s)) return s;
    }
    return fresh[0]!;
  }
  // randomize: the least recently played first, ties shuffled, so each pass is a new order.
  const shuffled = fresh.map((s) => ({ s, key: random.next() }));
  shuffled.sort((a, b) => lastPlayed(a.s.id) - lastPlayed(b.s.id) || a.key - b.key);
  return shuffled[0]!.s;
}
