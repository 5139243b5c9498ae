// The `lyrics.drafted` answer: the writer's words as blocks a phone can edit (a block the song repeats
// is its chorus), with the same warnings the station would give if they were sent as they are.
import { lyricSections, lyricsWarnings, ServerMessage, type LyricsSectionView, type ServerFrameOf, type SongRequest } from '@radio-optimism/shared';

export function draftedFrame(request: SongRequest, seed: number, text: string): ServerFrameOf<'lyrics.drafted'> {
  const blocks = lyricSections(text);
  const counts = new Map<string, number>();
  for (const b of blocks) counts.set(b.join('\n'), (counts.get(b.join('\n')) ?? 0) + 1);
  const sections: LyricsSectionView[] = blocks.map((lines) => ({ kind: (counts.get(lines.join('\n')) ?? 0) > 1 ? 'chorus' : 'verse', lines }));
  return { type: ServerMessage.LyricsDrafted, seed, sections, warnings: lyricsWarnings({ to: request.to, lyrics: text }) };
}
