// Finds the pitch marks (one per glottal period) in eSpeak's speech. The voice is held on one pitch
// (range 0), so the period is known to within a few percent: each voiced stretch is found by
// autocorrelation at that period; the first mark of a stretch sits on the waveform's main peak, and
// each next one where the following period best matches the last (cross-correlation), so the marks
// keep one phase even where a period has two similar peaks, and grains cut at them line up.

export interface PitchMarks {
  /** Sample positions of the marks, ascending. */
  marks: Int32Array;
  /** Period in samples measured around each mark. */
  periods: Float32Array;
}

const HOP = 96;
const VOICED_CORRELATION = 0.55;

/** `period` is the expected period in samples. */
export function findPitchMarks(x: Float32Array, period: number): PitchMarks {
  const n = x.length;
  // eSpeak holds its pitch to within a few cents, so only lags near the expected period are tried.
  const minLag = Math.floor(period * 0.9);
  const maxLag = Math.ceil(period * 1.1);
  const win = Math.round(period * 2);
  const frames = Math.max(0, Math.floor((n - win - maxLag) / HOP));
  const lagOf = new Float32Array(frames);
  const energy = new Float32Array(frames);
  let loudest = 0;
  for (let f = 0; f < frames; f++) {
    const s = f * HOP;
    let e = 0;
    for (let j = 0; j < win; j++) e += x[s + j]! * x[s + j]!;
    energy[f] = e;
    if (e > loudest) loudest = e;
  }
  for (let f = 0; f < frames; f++) {
    const s = f * HOP;
    if (energy[f]! < loudest * 0.002) continue;
    let best = 0;
    let bestLag = 0;
    for (let lag = minLag; lag <= maxLag; lag++) {
      let xy = 0;
      let yy = 0;
      for (let j = 0; j < win; j++) {
        const b = x[s + j + lag]!;
        xy += x[s + j]! * b;
        yy += b * b;
      }
      const r = xy / Math.sqrt(energy[f]! * yy + 1e-12);
      if (r > best) {
        best = r;
        bestLag = lag;
      }
    }
    if (best >= VOICED_CORRELATION) lagOf[f] = bestLag;
  }
  // The polarity of the main pulse: whichever sign has the larger peaks over voiced frames.
  let pos = 0;
  let neg = 0;
  for (let f = 0; f < frames; f++) {
    if (!lagOf[f]) continue;
    let hi = 0;
    let lo = 0;
    for (let j = f * HOP; j < f * HOP + win; j++) {
      if (x[j]! > hi) hi = x[j]!;
      if (x[j]! < lo) lo = x[j]!;
    }
    pos += hi;
    neg -= lo;
  }
  const sign = pos >= neg ? 1 : -1;
  const marks: number[] = [];
  const periods: number[] = [];
  const peakIn = (from: number, to: number): number => {
    let at = Math.max(0, from);
    for (let j = at; j < Math.min(n, to); j++) if (sign * x[j]! > sign * x[at]!) at = j;
    return at;
  };
  let f = 0;
  while (f < frames) {
    if (!lagOf[f]) {
      f++;
      continue;
    }
    // A voiced run: marks from its first period to its last frame.
    let last = f;
    while (last + 1 < frames && lagOf[last + 1]) last++;
    const runEnd = last * HOP + win;
    let lag = lagOf[f]!;
    let mark = peakIn(f * HOP, f * HOP + lag);
    while (mark < runEnd) {
      const frame = Math.min(last, Math.max(f, Math.floor((mark - win / 2) / HOP)));
      lag = lagOf[frame] || lag;
      marks.push(mark);
      periods.push(lag);
      const next = bestMatch(x, mark, Math.round(lag * 0.9), Math.round(lag * 1.1), Math.round(lag / 2));
      if (next <= mark) break;
      mark = next;
    }
    f = last + 1;
  }
  return { marks: Int32Array.from(marks), periods: Float32Array.from(periods) };
}

/** The position in [mark + minLag, mark + maxLag] whose surroundings (±half) best match the mark's. */
function bestMatch(x: Float32Array, mark: number, minLag: number, maxLag: number, half: number): number {
  let best = -Infinity;
  let at = -1;
  const from = Math.max(0, mark - half);
  for (let lag = minLag; lag <= maxLag; lag++) {
    if (mark + lag + half >= x.length) break;
    let score = 0;
    for (let j = from; j <= mark + half; j++) score += x[j]! * x[j + lag]!;
    if (score > best) {
      best = score;
      at = mark + lag;
    }
  }
  return at;
}

/** Index of the mark nearest to `t`, or -1 when there are none. */
export function nearestMark(marks: Int32Array, t: number): number {
  let lo = 0;
  let hi = marks.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && t - marks[lo - 1]! < marks[lo]! - t) return lo - 1;
  return lo;
}
