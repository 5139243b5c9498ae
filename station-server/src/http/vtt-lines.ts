// Plain lyrics from a WebVTT file: the words people read on a share page or a phone preview, without
// cue numbers, timings or the karaoke timestamp tags. Pure (no node imports): the phone bundle uses it too.

/** A pause this long between two sung lines starts a new stanza. */
const STANZA_GAP_SEC = 1.5;

const TIMING = /^(\d{2,}:)?\d{2}:\d{2}\.\d{3}\s+-->\s+(\d{2,}:)?\d{2}:\d{2}\.\d{3}/;

const seconds = (stamp: string): number => {
  const parts = stamp.split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
};

// The only character references WebVTT defines, plus numeric ones.
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

/** Cue text as a person reads it: tags (<00:00:01.000>, <c>, <v Ana>) removed, references decoded. */
export function cueToText(cue: string): string {
  return cue
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** One cue as timed text: when it starts and ends (s) and the words a person reads. */
export interface TimedCue {
  start: number;
  end: number;
  text: string;
}

/** Every cue with text, in file order. Blocks without a timing line (header, NOTE, STYLE) are skipped. */
export function cuesFromVtt(vtt: string): TimedCue[] {
  const cues: TimedCue[] = [];
  for (const block of vtt.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n');
    const timingAt = lines.findIndex((l) => TIMING.test(l.trim()));
    if (timingAt < 0) continue;
    const [startStamp, endStamp] = lines[timingAt]!.trim().split(/\s+-->\s+/);
    const text = cueToText(lines.slice(timingAt + 1).join(' '));
    if (!text) continue;
    cues.push({ start: seconds(startStamp!), end: seconds(endStamp!.split(/\s+/)[0]!), text });
  }
  return cues;
}

/** The sung lines, grouped in stanzas by the pauses between them. */
export function lyricsFromVtt(vtt: string): string[][] {
  const stanzas: string[][] = [];
  let lastEnd = -Infinity;
  for (const { start, end, text } of cuesFromVtt(vtt)) {
    if (stanzas.length === 0 || start - lastEnd >= STANZA_GAP_SEC) stanzas.push([]);
    stanzas[stanzas.length - 1]!.push(text);
    lastEnd = end;
  }
  return stanzas;
}
