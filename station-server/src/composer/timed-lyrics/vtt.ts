// Stage 7, timed lyrics: one WebVTT cue per sung line, spanning its notes, with a timestamp tag at
// every word so the TV can light words up karaoke-style as they are sung.
import type { LyricLine, VocalNote } from '../types.js';

export function formatTimestamp(sec: number): string {
  const ms = Math.max(0, Math.round(sec * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** WebVTT cue text may not hold raw `<`, `>` or `&`: they would read as tags. */
export const escapeCueText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function writeVtt(lines: LyricLine[], vocals: VocalNote[]): string {
  const cues: string[] = [];
  lines.forEach((line, index) => {
    const notes = vocals.filter((v) => v.line === index);
    if (notes.length === 0) return;
    const start = notes[0]!.start;
    const last = notes[notes.length - 1]!;
    const end = last.start + last.duration;
    const wordStarts = new Map<number, number>();
    for (const n of notes) if (!wordStarts.has(n.word)) wordStarts.set(n.word, n.start);
    // Sung words are the tokens with letters or digits, in order; an emoji or a dash rides on the
    // word before it and gets no time of its own.
    const sungWords = [...new Set(line.syllables.map((s) => s.word))];
    let sung = 0;
    const text = line.text
      .split(/\s+/)
      .filter(Boolean)
      .map((token) => {
        const word = /[\p{L}\p{N}]/u.test(token) ? sungWords[sung++] : undefined;
        const at = word === undefined ? undefined : wordStarts.get(word);
        const tag = at !== undefined && at > start ? `<${formatTimestamp(at)}>` : '';
        return tag + escapeCueText(token);
      })
      .join(' ');
    cues.push(`${index + 1}\n${formatTimestamp(start)} --> ${formatTimestamp(end)}\n${text}`);
  });
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}
