// Parses the station's lyric files: WebVTT with one cue per sung line and a `<hh:mm:ss.mmm>` tag
// before each word after the first, so a line can light up word by word (karaoke).

export interface LyricWord {
  /** Seconds from the start of the song when this word is sung. */
  start: number;
  text: string;
}

export interface LyricCue {
  start: number;
  end: number;
  text: string;
  words: LyricWord[];
}

const TIMESTAMP = /(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})/;

export function parseTimestamp(text: string): number | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&');

function parseWords(payload: string, cueStart: number): LyricWord[] {
  const words: LyricWord[] = [];
  let at = cueStart;
  // Split on timestamp tags, keep them; drop other tags (<c>, <v Name>, </c>) that carry no timing.
  for (const part of payload.split(/(<[^>]*>)/)) {
    if (part.startsWith('<')) {
      const t = parseTimestamp(part);
      if (t !== undefined) at = t;
      continue;
    }
    for (const word of unescape(part).split(/\s+/).filter(Boolean)) {
      words.push({ start: at, text: word });
    }
  }
  return words;
}

/** Cues in time order; malformed blocks are skipped rather than failing the whole file. */
export function parseVtt(source: string): LyricCue[] {
  const cues: LyricCue[] = [];
  const blocks = source.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  for (const block of blocks) {
    const lines = block.split('\n');
    const timingAt = lines.findIndex((l) => l.includes('-->'));
    if (timingAt < 0) continue;
    const [from, to] = lines[timingAt]!.split('-->');
    const start = parseTimestamp(from ?? '');
    const end = parseTimestamp(to ?? '');
    if (start === undefined || end === undefined) continue;
    const payload = lines.slice(timingAt + 1).join(' ');
    const words = parseWords(payload, start);
    cues.push({ start, end, words, text: words.map((w) => w.text).join(' ') });
  }
  return cues.sort((a, b) => a.start - b.start);
}

/**
 * The line to show at `t` seconds into the song: the cue being sung, else the last one sung
 * (a held line stays lit through a short rest), or -1 before the first.
 */
export function activeCueIndex(cues: readonly LyricCue[], t: number): number {
  let found = -1;
  for (let i = 0; i < cues.length; i++) {
    if (cues[i]!.start <= t) found = i;
    else break;
  }
  return found;
}

/** How many words of a cue have been reached at `t`. */
export function wordsSung(cue: LyricCue, t: number): number {
  return cue.words.filter((w) => w.start <= t).length;
}
