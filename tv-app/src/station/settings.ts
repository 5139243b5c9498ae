// What the TV remembers between launches, in localStorage (webOS keeps it per app).
import type { Song } from './types';

export interface Settings {
  language?: string;
  startChannel?: string;
  stationUrl?: string;
  tvId?: string;
  token?: string;
}

/** A song sent to this TV, as the For you view lists it. */
export type ReceivedSong = Partial<Song> & {
  id: string;
  title: string;
  receivedAt: string;
  /** While the song is still being made: its growing HLS playlist, which plays from the start. */
  stream?: string;
  /** The dedication it came with, for `tv.playing` and for a failure the station reports by it. */
  dedication?: string;
};

const SETTINGS_KEY = 'radio-optimism.settings';
const SONGS_KEY = 'radio-optimism.for-you';
const MAX_SONGS = 50;

function read<T>(key: string, fallback: T): T {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown) {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the setting lasts for this session only.
  }
}

export const loadSettings = (): Settings => read<Settings>(SETTINGS_KEY, {});
export const saveSettings = (patch: Partial<Settings>): Settings => {
  const next = { ...loadSettings(), ...patch };
  write(SETTINGS_KEY, next);
  return next;
};

export const loadReceived = (): ReceivedSong[] => read<ReceivedSong[]>(SONGS_KEY, []);
/** Newest first, one entry per song id. */
export const addReceived = (song: ReceivedSong): ReceivedSong[] => {
  const next = [song, ...loadReceived().filter((s) => s.id !== song.id)].slice(0, MAX_SONGS);
  write(SONGS_KEY, next);
  return next;
};
