// The lyric video's words as an ASS subtitle script (libass draws it inside ffmpeg): the title and
// both names for the whole song, and each sung line lit word by word in time with the singing (ASS
// karaoke `\kf` sweeps, timed from the karaoke tags in lyrics.vtt), with the next line shown dimmed
// below it. Pure: the same song gives the same script.
import { cueToText } from '../http/vtt-lines.js';

/** The video's frame, portrait, as phones share it. */
export const VIDEO_WIDTH = 1080;
export const VIDEO_HEIGHT = 1920;
/** Where the cover sits (square, centred), so the words fit below it. */
export const COVER_BOX = { x: 120, y: 250, size: 840 } as const;
/** The font family libass finds in the fonts folder the video is made with (Pretendard: Latin and Hangul). */
export const VIDEO_FONT = 'Pretendard';

/** A sung word and when it starts (s). */
export interface TimedWord {
  text: string;
  start: number;
}

/** A sung line: its words, when it starts and ends (s). */
export interface SungLine {
  start: number;
  end: number;
  words: TimedWord[];
}

export interface LyricVideoText {
  title: string;
  /** "A song for Mom", in the song's language. */
  forLine: string;
  /** "from Ana", or null. */
  fromLine: string | null;
  footer: string;
  lines: SungLine[];
  durationSec: number;
}

const TIMING = /^\s*((?:\d{2,}:)?\d{2}:\d{2}\.\d{3})\s+-->\s+((?:\d{2,}:)?\d{2}:\d{2}\.\d{3})/;
const STAMP = /<((?:\d{2,}:)?\d{2}:\d{2}\.\d{3})>/g;
const seconds = (stamp: string): number => stamp.split(':').map(Number).reduce((t, p) => t * 60 + p, 0);

/** The sung lines of a lyrics.vtt, with each word's start from its karaoke tag (the first word starts with the cue). */
export function sungLines(vtt: string): SungLine[] {
  const lines: SungLine[] = [];
  for (const block of vtt.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const rows = block.split('\n');
    const at = rows.findIndex((r) => TIMING.test(r));
    if (at < 0) continue;
    const [, from, to] = TIMING.exec(rows[at]!)!;
    const start = seconds(from!);
    const end = seconds(to!);
    const body = rows.slice(at + 1).join(' ');
    const words: TimedWord[] = [];
    let cursor = start;
    let last = 0;
    for (const match of body.matchAll(STAMP)) {
      words.push(...splitWords(body.slice(last, match.index), cursor));
      cursor = seconds(match[1]!);
      last = match.index! + match[0].length;
    }
    words.push(...splitWords(body.slice(last), cursor));
    if (words.length) lines.push({ start, end, words });
  }
  return lines;
}

/** The words of one stretch between karaoke tags, all starting at `start` (usually one word). */
function splitWords(raw: string, start: number): TimedWord[] {
  return cueToText(raw)
    .split(' ')
    .filter(Boolean)
    .map((text) => ({ text, start }));
}

/** Text as ASS shows it literally: override braces and backslashes become look-alikes, never commands. */
export function assText(text: string): string {
  return text.replace(/\\/g, '＼').replace(/\{/g, '｛').replace(/\}/g, '｝').replace(/[\r\n\t]+/g, ' ');
}

const clock = (sec: number): string => {
  const cs = Math.max(0, Math.round(sec * 100));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(cs % 100).padStart(2, '0')}`;
};

/** A line with its words swept from dim to bright in time: `{\kf<centiseconds>}word `. */
function karaoke(line: SungLine): string {
  return line.words
    .map((word, i) => {
      const next = line.words[i + 1]?.start ?? line.end;
      const lead = i === 0 ? Math.max(0, word.start - line.start) : 0;
      const sweep = Math.max(1, Math.round((next - word.start) * 100));
      return `${lead > 0 ? `{\\k${Math.round(lead * 100)}}` : ''}{\\kf${sweep}}${assText(word.text)}`;
    })
    .join(' ');
}

const plain = (line: SungLine): string => assText(line.words.map((w) => w.text).join(' '));

/** Long lines are set smaller, so one wraps to two lines at most. */
const sungSize = (text: string): number => ([...text].length <= 24 ? 74 : [...text].length <= 40 ? 62 : 52);

/** The whole ASS script. */
export function lyricVideoAss(text: LyricVideoText): string {
  const end = clock(text.durationSec);
  const centre = VIDEO_WIDTH / 2;
  const below = COVER_BOX.y + COVER_BOX.size;
  const events = [
    `Dialogue: 1,${clock(0)},${end},Title,,0,0,0,,{\\pos(${centre},${below + 60})}${assText(text.title)}`,
    `Dialogue: 1,${clock(0)},${end},Names,,0,0,0,,{\\pos(${centre},${below + 150})}${assText(text.forLine)}${text.fromLine ? ` · ${assText(text.fromLine)}` : ''}`,
    `Dialogue: 1,${clock(0)},${end},Footer,,0,0,0,,{\\pos(${centre},${VIDEO_HEIGHT - 90})}${assText(text.footer)}`,
  ];
  text.lines.forEach((line, i) => {
    const next = text.lines[i + 1];
    // A line shows from its start until the next one starts (or a moment after it ends, at the end).
    const until = next ? next.start : Math.min(text.durationSec, line.end + 1.5);
    // The sung line grows upwards from its baseline and the next one downwards, so wrapped lines never meet.
    events.push(`Dialogue: 2,${clock(line.start)},${clock(until)},Sung,,0,0,0,,{\\an2\\pos(${centre},${below + 430})\\fs${sungSize(plain(line))}\\fad(120,120)}${karaoke(line)}`);
    if (next) events.push(`Dialogue: 2,${clock(line.start)},${clock(until)},Next,,0,0,0,,{\\an8\\pos(${centre},${below + 470})\\fad(120,120)}${plain(next)}`);
  });
  return [
    '[Script Info]',
    'ScriptType: v4.00+',
    `PlayResX: ${VIDEO_WIDTH}`,
    `PlayResY: ${VIDEO_HEIGHT}`,
    'WrapStyle: 0',
    'ScaledBorderAndShadow: yes',
    '',
    '[V4+ Styles]',
    'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
    // Colours are &HAABBGGRR. Sung words sweep from a dim grey (secondary) to white (primary).
    `Style: Title,${VIDEO_FONT},68,&H00FFFFFF,&H00FFFFFF,&H80000000,&H00000000,-1,0,0,0,100,100,0,0,1,2,0,8,80,80,0,1`,
    `Style: Names,${VIDEO_FONT},44,&H00E0E0E0,&H00E0E0E0,&H80000000,&H00000000,0,0,0,0,100,100,0,0,1,2,0,8,80,80,0,1`,
    `Style: Sung,${VIDEO_FONT},74,&H00FFFFFF,&H00A0A0A0,&H90000000,&H00000000,-1,0,0,0,100,100,0,0,1,3,0,8,70,70,0,1`,
    `Style: Next,${VIDEO_FONT},54,&H60FFFFFF,&H60FFFFFF,&HB0000000,&H00000000,0,0,0,0,100,100,0,0,1,2,0,8,90,90,0,1`,
    `Style: Footer,${VIDEO_FONT},36,&H40FFFFFF,&H40FFFFFF,&HC0000000,&H00000000,0,0,0,0,100,100,0,0,1,1,0,2,80,80,0,1`,
    '',
    '[Events]',
    'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
    ...events,
    '',
  ].join('\n');
}
