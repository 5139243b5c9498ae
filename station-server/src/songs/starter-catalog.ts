// The starter catalog: on first run, the requests in playlists/prompts/ become songs, so a fresh
// station has music. They go through the song queue like every song, in its lowest class.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkSongRequest, type SongRequest } from '@radio-optimism/shared';
import type { Store } from '../library/store.js';
import type { SongQueue } from './song-queue.js';
import { acceptSong } from './accepted-songs.js';

export interface StarterPrompt {
  file: string;
  request: SongRequest;
}

/** Reads every prompts/*.json file; a bad entry is reported with its file and position, never half-used. */
export async function readStarterPrompts(promptsDir: string): Promise<StarterPrompt[]> {
  let files: string[];
  try {
    files = (await readdir(promptsDir)).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const prompts: StarterPrompt[] = [];
  for (const file of files) {
    const path = join(promptsDir, file);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const songs = (parsed as { songs?: unknown }).songs;
    if (!Array.isArray(songs)) throw new Error(`${path}: expected {"songs": [ ... ]}`);
    songs.forEach((entry, i) => {
      const checked = checkSongRequest(entry);
      if (!checked.ok) throw new Error(`${path}: songs[${i}].${checked.field}: ${checked.message}`);
      prompts.push({ file, request: checked.request });
    });
  }
  return prompts;
}

/**
 * Queues the starter catalog: each request is first stored as an accepted song of class `starter`, so
 * a station killed midway makes the rest on its next start (resumeAcceptedSongs). Returns the job ids.
 */
export async function queueStarterCatalog(store: Store, queue: SongQueue, prompts: readonly SongRequest[], log: (line: string) => void): Promise<string[]> {
  const ids: string[] = [];
  for (const request of prompts) ids.push(await acceptSong(store, queue, request, 'starter', log));
  return ids;
}

/** Whether a first run should queue the catalog: no songs yet and none of it waiting from a run killed midway. */
export async function catalogWanted(store: Store): Promise<boolean> {
  if ((await store.songs.count('song')) > 0) return false;
  return !(await store.songRequests.pending()).some((r) => r.priority === 'starter');
}
