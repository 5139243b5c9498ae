// The starter catalog: on first run, the requests in playlists/prompts/ become songs, so a fresh
// station has music. Two songs are made at a time so both cores work.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { checkSongRequest, type SongRequest } from '@radio-optimism/shared';
import { loadComposer } from '../composer/shutdown.js';
import type { Library } from './library.js';
import { ingestSong } from './ingest.js';

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

export interface SeedProgress {
  onSong?(title: string): void;
  onError?(request: SongRequest, error: unknown): void;
}

/** Makes songs from prompts, `concurrency` at a time, straight into the library; returns how many were made. */
export async function makeStarterSongs(library: Library, prompts: SongRequest[], concurrency: number, progress: SeedProgress = {}): Promise<number> {
  const { composeSong } = await loadComposer();
  let next = 0;
  let made = 0;
  const worker = async (): Promise<void> => {
    while (next < prompts.length) {
      const request = prompts[next++]!;
      const { id, dir } = library.reserve();
      try {
        const { manifest } = await composeSong(request, request.seed ?? 1, dir);
        await ingestSong(library, id, dir, manifest);
        made++;
        progress.onSong?.(manifest.title);
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        progress.onError?.(request, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return made;
}
