// The song check: the project's quality gate. Every song is measured against the song contract
// (SONG_LIMITS) before it may go on air, and `npm run songcheck` runs the same measures on a folder.
import type { Audio } from '../composer/types.js';
import { measureLufs, samplePeak, toDb } from '../composer/master/loudness.js';
import type { TimedCue } from '../http/vtt-lines.js';
import { SONG_LIMITS } from './limits.js';
import { trackPitch } from './pitch-track.js';
import { followNotes, voicedShare, type TimedNote } from './vocal-follow.js';

/** Everything the check looks at, however it was obtained (a folder on disk or a song in memory). */
export interface SongEvidence {
  /** The mastered song. */
  master: Audio;
  /** True when `master` was decoded from the stored compressed file rather than taken before encoding. */
  lossyMaster?: boolean;
  /** The sung line alone (the vocal stem). */
  vocals: Audio;
  /** The notes of the score's Vocals track; undefined when the score has no such track. */
  vocalNotes: readonly TimedNote[] | undefined;
  /** The lyric cues as timed text. */
  cues: readonly TimedCue[];
  /** Whom the song is for: the lyric must name them. */
  recipient: string | undefined;
  /** What the manifest declares. */
  manifest: { durationSec?: unknown; language?: unknown; genre?: unknown; vibe?: unknown };
  cover: { width: number; height: number };
}

export type CheckName =
  | 'duration'
  | 'loudness'
  | 'peak'
  | 'vocal track'
  | 'vocal coverage'
  | 'vocal pitch'
  | 'lyrics cues'
  | 'lyrics sung'
  | 'names the recipient'
  | 'cover'
  | 'manifest';

export interface CheckResult {
  name: CheckName;
  ok: boolean;
  /** What was measured, for a person. */
  value: string;
  /** What it should be. */
  expected: string;
}

export interface SongCheck {
  passed: boolean;
  results: CheckResult[];
}

const durationOf = (a: Audio): number => (a.channels[0]?.length ?? 0) / a.sampleRate;
const pct = (x: number): string => `${Math.round(x * 100)}%`;
const fold = (s: string): string => s.normalize('NFC').toLocaleLowerCase();

export function checkSong(e: SongEvidence): SongCheck {
  const L = SONG_LIMITS;
  const results: CheckResult[] = [];
  const record = (name: CheckName, ok: boolean, value: string, expected: string): void => void results.push({ name, ok, value, expected });

  const duration = durationOf(e.master);
  record('duration', duration >= L.minDurationSec && duration <= L.maxDurationSec, `${duration.toFixed(1)} s`, `${L.minDurationSec}–${L.maxDurationSec} s`);
  const lufs = measureLufs(e.master);
  record('loudness', Math.abs(lufs - L.lufsTarget) <= L.lufsTolerance, `${lufs.toFixed(1)} LUFS`, `${L.lufsTarget} ±${L.lufsTolerance} LUFS`);
  const peak = toDb(samplePeak(e.master));
  const peakLimit = e.lossyMaster ? L.maxStoredPeakDbfs : L.maxSamplePeakDbfs;
  record('peak', peak <= peakLimit, `${peak.toFixed(2)} dBFS`, `at most ${peakLimit} dBFS`);

  const notes = e.vocalNotes ?? [];
  record('vocal track', notes.length > 0, e.vocalNotes ? `${notes.length} notes` : 'no MIDI track named "Vocals"', 'a Vocals track with notes');
  // Only the sung notes and the cues are judged, so only their frames are tracked.
  const frames = trackPitch(e.vocals, { spans: [...notes.map((n) => [n.start, n.end] as const), ...e.cues.map((c) => [c.start, c.end] as const)] });
  if (notes.length > 0) {
    const follow = followNotes(frames, notes);
    record('vocal coverage', follow.coverage >= L.vocalCoverageMin, `${pct(follow.coverage)} of sung-note time voiced`, `at least ${pct(L.vocalCoverageMin)}`);
    const median = Number.isNaN(follow.medianCents) ? 'n/a' : `${follow.medianCents.toFixed(0)}`;
    record('vocal pitch', follow.within50 >= L.pitchWithin50CentsMin, `${pct(follow.within50)} within 50 cents (median error ${median} cents)`, `at least ${pct(L.pitchWithin50CentsMin)}`);
  }

  const cues = e.cues;
  const ordered = cues.every((c, i) => c.end > c.start && (i === 0 || c.start >= cues[i - 1]!.start) && c.end <= duration + 0.5);
  record('lyrics cues', cues.length >= L.minCues && ordered, `${cues.length} cues${ordered ? ', in order' : ', out of order or past the end'}`, `at least ${L.minCues}, in order, within the song`);
  const sung = cues.filter((c) => voicedShare(frames, c.start, c.end) >= L.cueVoicedMin).length;
  record('lyrics sung', cues.length > 0 && sung / cues.length >= L.cuesSungMin, `${sung}/${cues.length} cues sung`, `at least ${pct(L.cuesSungMin)} of cues`);
  const lyric = fold(cues.map((c) => c.text).join(' '));
  const to = e.recipient?.trim();
  record('names the recipient', !!to && lyric.includes(fold(to)), to ? `"${to}"${lyric.includes(fold(to)) ? ' is sung' : ' is not in the lyric'}` : 'no recipient in the manifest', 'the lyric names the recipient');

  const { width, height } = e.cover;
  record('cover', Math.min(width, height) >= L.coverMinPx, `${width}x${height}`, `at least ${L.coverMinPx}x${L.coverMinPx}`);
  const m = e.manifest;
  const declared = typeof m.durationSec === 'number' ? m.durationSec : undefined;
  const complete = declared !== undefined && Math.abs(declared - duration) < 0.5 && [m.language, m.genre, m.vibe].every((v) => typeof v === 'string' && v !== '');
  record('manifest', complete, `durationSec=${String(m.durationSec)} language=${String(m.language)} genre=${String(m.genre)} vibe=${String(m.vibe)}`, 'the audio\'s duration, a language, genre and vibe');

  return { passed: results.every((r) => r.ok), results };
}

/** One line per measure, as the CLI prints it. */
export function formatResult(r: CheckResult): string {
  return `${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(20)} ${r.value}${r.ok ? '' : `  (expected ${r.expected})`}`;
}

/** The failing measures in one sentence, for logs and error messages. */
export function describeFailures(check: SongCheck): string {
  return check.results
    .filter((r) => !r.ok)
    .map((r) => `${r.name}: ${r.value} (expected ${r.expected})`)
    .join('; ');
}
