import { describe, expect, it } from '@jest/globals';
import { fromDb, measureLufs } from '../composer/master/loudness.js';
import type { Audio } from '../composer/types.js';
import { checkSong, describeFailures, formatResult, type CheckName, type SongEvidence } from './check-song.js';

// A low rate keeps the pitch tracker quick (it works near 14 kHz whatever the input).
const FS = 14000;
const SECONDS = 60;
const hz = (midi: number): number => 440 * 2 ** ((midi - 69) / 12);
/** One note a second, a fifth apart in turn, each sung for 0.8 s. */
const NOTES = Array.from({ length: SECONDS - 2 }, (_, i) => ({ pitch: i % 2 ? 64 : 57, start: 1 + i, end: 1.8 + i }));

function voice(detuneCents = 0, silent = false): Audio {
  const x = new Float32Array(SECONDS * FS);
  if (silent) return { sampleRate: FS, channels: [x] };
  for (const n of NOTES) {
    const f = hz(n.pitch) * 2 ** (detuneCents / 1200);
    for (let i = Math.round(n.start * FS); i < Math.round(n.end * FS); i++) {
      const p = (2 * Math.PI * f * i) / FS;
      x[i] = 0.3 * Math.sin(p) + 0.1 * Math.sin(2 * p) + 0.05 * Math.sin(3 * p);
    }
  }
  return { sampleRate: FS, channels: [x] };
}

/** The voice over a quiet chord, brought to `lufs`. */
function master(lufs: number, seconds = SECONDS): Audio {
  const v = voice().channels[0]!;
  const n = seconds * FS;
  const l = new Float32Array(n);
  for (let i = 0; i < n; i++) l[i] = (v[i] ?? 0) + 0.1 * Math.sin((2 * Math.PI * 110 * i) / FS);
  const gain = fromDb(lufs - measureLufs({ sampleRate: FS, channels: [l, l] }));
  for (let i = 0; i < n; i++) l[i]! *= gain;
  return { sampleRate: FS, channels: [l, Float32Array.from(l)] };
}

/** One sample at -0.4 dBFS: too short to move the loudness, enough to overshoot in an encoder. */
function withClick(a: Audio): Audio {
  a.channels[1]![FS * 30] = 0.955;
  return a;
}

const CUES = Array.from({ length: 6 }, (_, i) => ({ start: 1 + i * 9, end: 9.8 + i * 9, text: i === 2 ? 'Zoë, you light the way' : 'and every day I sing' }));

function evidence(changes: Partial<SongEvidence> = {}): SongEvidence {
  return {
    master: master(-16),
    vocals: voice(),
    vocalNotes: NOTES,
    cues: CUES,
    recipient: 'ZOË',
    manifest: { durationSec: SECONDS, language: 'en', genre: 'pop', vibe: 'calm' },
    cover: { width: 1200, height: 1200 },
    ...changes,
  };
}

const failing = (e: SongEvidence): CheckName[] => checkSong(e).results.filter((r) => !r.ok).map((r) => r.name);

describe('checkSong', () => {
  it('passes a song that meets every measure, with one result per measure', () => {
    const check = checkSong(evidence());
    expect(check.results.map((r) => r.name)).toEqual([
      'duration', 'loudness', 'peak', 'vocal track', 'vocal coverage', 'vocal pitch', 'lyrics cues', 'lyrics sung', 'names the recipient', 'cover', 'manifest',
    ]);
    expect(failing(evidence())).toEqual([]);
    expect(check.passed).toBe(true);
    expect(check.results.find((r) => r.name === 'loudness')!.value).toBe('-16.0 LUFS');
  });

  // Each spoiled song fails exactly the measure that was spoiled.
  const cases: [string, () => Partial<SongEvidence>, CheckName[]][] = [
    ['too quiet', () => ({ master: master(-18) }), ['loudness']],
    ['too loud', () => ({ master: master(-13) }), ['loudness']],
    ['with a peak over -1 dBFS', () => ({ master: withClick(master(-16)) }), ['peak']],
    ['too short', () => ({ master: master(-16, 40), manifest: { durationSec: 40, language: 'en', genre: 'pop', vibe: 'calm' } }), ['duration', 'lyrics cues']],
    ['sung a semitone flat', () => ({ vocals: voice(-100) }), ['vocal pitch']],
    ['not sung at all', () => ({ vocals: voice(0, true) }), ['vocal coverage', 'vocal pitch', 'lyrics sung']],
    ['without a Vocals track', () => ({ vocalNotes: undefined }), ['vocal track']],
    ['with cues out of order', () => ({ cues: [...CUES].reverse() }), ['lyrics cues']],
    ['with cues where nobody sings', () => ({ cues: CUES.map((c) => ({ ...c, start: c.start + 0.82, end: c.start + 0.98 })) }), ['lyrics sung']],
    ['that never names the recipient', () => ({ recipient: 'Mateo' }), ['names the recipient']],
    ['with a small cover', () => ({ cover: { width: 1200, height: 640 } }), ['cover']],
    ['whose manifest misstates the duration', () => ({ manifest: { durationSec: 90, language: 'en', genre: 'pop', vibe: 'calm' } }), ['manifest']],
  ];
  it.each(cases)('fails a song %s on exactly that', (_name, change, expected) => {
    expect(failing(evidence(change()))).toEqual(expected);
  });

  it('allows a stored AAC master the decoder overshoot past -1 dBFS, but not clipping', () => {
    expect(failing(evidence({ master: withClick(master(-16)), lossyMaster: true }))).toEqual([]);
    const clipped = master(-16);
    clipped.channels[0]![FS * 30] = 1.05;
    expect(failing(evidence({ master: clipped, lossyMaster: true }))).toEqual(['peak']);
  });

  it('says what fell short and what was expected', () => {
    const check = checkSong(evidence({ cover: { width: 300, height: 300 } }));
    expect(describeFailures(check)).toBe('cover: 300x300 (expected at least 1000x1000)');
    expect(formatResult(check.results.find((r) => r.name === 'cover')!)).toBe('FAIL cover                300x300  (expected at least 1000x1000)');
    expect(formatResult(check.results[0]!)).toBe('ok   duration             60.0 s');
  });
});
