// The song check asks that the lyric name the recipient. The writer's words always do; the sender's
// own words may not, and the sender was warned (lyricsWarnings) and sent them anyway: that is their
// song, so that one measure gives way, saying why. Every other measure still holds the song back.
import { lyricsWarnings, type SongRequest } from '@radio-optimism/shared';
import type { SongCheck } from '../../songcheck/check-song.js';

export function ownWordsMayLeaveOutTheName(check: SongCheck, request: Pick<SongRequest, 'to' | 'lyrics'>): void {
  if (!lyricsWarnings(request).some((w) => w.code === 'name-missing')) return;
  const named = check.results.find((r) => r.name === 'names the recipient');
  if (!named || named.ok) return;
  named.ok = true;
  named.value += " (the sender's own words, sent despite the warning)";
  check.passed = check.results.every((r) => r.ok);
}
