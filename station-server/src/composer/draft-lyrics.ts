// The writer's words for a request, without singing them: the phone shows them for the sender to edit
// and sends them back as `lyrics`. Sent back unchanged with the same seed, they sing as the writer's
// song would (the repeated chorus is found again by its repeats).
import type { SongRequest } from '@radio-optimism/shared';
import { understand } from './understand/understand.js';
import { writeLyrics } from './lyrics/lyrics.js';
import { lyricsToText } from './lyrics/own-words.js';

export function draftLyrics(request: SongRequest, seed: number = request.seed ?? 0): string {
  return lyricsToText(writeLyrics(understand(request), { genre: request.genre, vibe: request.vibe, seed }));
}
