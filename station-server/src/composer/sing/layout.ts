// Lays a spoken line out on its notes: each syllable's vowel is held for its note, the consonants
// around it keep their spoken length and sit in the seam between notes (onsets just before the beat,
// codas just after the note lets go), where a singer puts them too. When a seam is too short the
// consonants borrow a little of the neighbouring vowels, then speed up, never below 40% of their length.
import type { SourceSyllable } from './syllables.js';

/** One syllable to sing: where its sounds lie in the source, and the notes it spans (seconds). */
export interface SungSyllable {
  source: SourceSyllable;
  start: number;
  end: number;
}

/** Output time [out0, out1) in seconds plays source samples [src0, src1), linearly. */
export interface Segment {
  out0: number;
  out1: number;
  src0: number;
  src1: number;
}

const MAX_CONSONANT = 0.25;
const MIN_CONSONANT_SCALE = 0.4;
const MIN_VOWEL = 0.03;

export function layoutLine(syllables: readonly SungSyllable[], sourceRate: number): Segment[] {
  const n = syllables.length;
  const u0: number[] = [];
  const u1: number[] = [];
  const onsetOut: number[] = [];
  const codaOut: number[] = [];
  for (const s of syllables) {
    const dur = Math.max(0.02, s.end - s.start);
    u0.push(s.start + Math.min(0.03, 0.2 * dur));
    u1.push(s.end - Math.min(0.025, 0.15 * dur));
    onsetOut.push(Math.min(MAX_CONSONANT, (s.source.nucleus - s.source.onset) / sourceRate));
    codaOut.push(Math.min(MAX_CONSONANT, (s.source.end - s.source.coda) / sourceRate));
  }
  for (let j = 0; j + 1 < n; j++) {
    let room = u0[j + 1]! - u1[j]!;
    let need = codaOut[j]! + onsetOut[j + 1]!;
    if (need <= room) continue;
    const capL = Math.max(0, Math.min(0.1, 0.25 * (u1[j]! - u0[j]!)));
    const capR = Math.max(0, Math.min(0.1, 0.25 * (u1[j + 1]! - u0[j + 1]!)));
    const take = Math.min(need - room, capL + capR);
    const left = capL + capR > 0 ? (take * capL) / (capL + capR) : 0;
    u1[j]! -= left;
    u0[j + 1]! += take - left;
    room += take;
    if (need > room) {
      const k = Math.max(MIN_CONSONANT_SCALE, room / need);
      codaOut[j]! *= k;
      onsetOut[j + 1]! *= k;
      need *= k;
    }
    if (need > room) {
      // Still too tight (very short notes): the vowels give way, down to a sliver.
      const over = need - room;
      const l = Math.min(over / 2, Math.max(0, u1[j]! - u0[j]! - MIN_VOWEL));
      u1[j]! -= l;
      u0[j + 1]! += Math.min(over - l, Math.max(0, u1[j + 1]! - u0[j + 1]! - MIN_VOWEL));
    }
  }
  const segments: Segment[] = [];
  const push = (out0: number, out1: number, src0: number, src1: number): void => {
    if (out1 - out0 > 1e-4) segments.push({ out0, out1, src0, src1 });
  };
  syllables.forEach((s, j) => {
    const src = s.source;
    const a = u0[j]!;
    const b = Math.max(a + MIN_VOWEL, u1[j]!);
    push(a - onsetOut[j]!, a, src.onset, src.nucleus);
    nucleusSegments(a, b, src, sourceRate).forEach((seg) => segments.push(seg));
    push(b, b + codaOut[j]!, src.coda, src.end);
  });
  return segments;
}

/** The held vowel: its edges (the moves to and from the consonants) at speaking speed, the steady
 *  middle stretched; a gliding vowel holds its first part and glides near the end of the note. */
function nucleusSegments(a: number, b: number, src: SourceSyllable, rate: number): Segment[] {
  const srcLen = (src.coda - src.nucleus) / rate;
  const outLen = b - a;
  if (outLen <= srcLen * 1.1 || srcLen < 0.01) return [{ out0: a, out1: b, src0: src.nucleus, src1: src.coda }];
  const at = (sec: number): number => src.nucleus + sec * rate;
  if (src.glides) {
    const entry = Math.min(0.15 * srcLen, 0.025);
    const hold = 0.4 * srcLen;
    const glideOut = Math.min(0.4 * outLen, Math.max(0.12, srcLen - hold));
    return [
      { out0: a, out1: a + entry, src0: src.nucleus, src1: at(entry) },
      { out0: a + entry, out1: b - glideOut, src0: at(entry), src1: at(hold) },
      { out0: b - glideOut, out1: b, src0: at(hold), src1: src.coda },
    ];
  }
  const edge = Math.min(0.25 * srcLen, 0.035, outLen / 4);
  return [
    { out0: a, out1: a + edge, src0: src.nucleus, src1: at(edge) },
    { out0: a + edge, out1: b - edge, src0: at(edge), src1: at(srcLen - edge) },
    { out0: b - edge, out1: b, src0: at(srcLen - edge), src1: src.coda },
  ];
}
