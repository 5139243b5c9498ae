// A look-ahead peak limiter that computes one gain curve for a whole stereo signal, so the same curve can
// be applied to the stems and they still add up to the master. Peaks are also checked between samples
// (a cubic half-sample estimate), which catches most inter-sample overs an AAC encoder would reveal.

export interface LimiterOptions {
  sampleRate: number;
  /** Largest allowed absolute sample value. */
  ceiling: number;
  /** Look-ahead (and attack) time; the gain ramps down over this span before a peak. */
  lookaheadSec?: number;
  /** Time constant with which the gain recovers after a peak. */
  releaseSec?: number;
}

/** Gain per frame (<= 1) that keeps `channels` under the ceiling, with smooth attack and release. */
export function limiterGain(channels: readonly Float32Array[], options: LimiterOptions): Float32Array {
  const n = channels[0]?.length ?? 0;
  const window = Math.max(1, Math.round((options.lookaheadSec ?? 0.005) * options.sampleRate));
  const release = 1 - Math.exp(-1 / ((options.releaseSec ?? 0.12) * options.sampleRate));
  const ceiling = options.ceiling;

  // Needed gain at each frame (1 where nothing is too loud).
  const needed = new Float32Array(n + window).fill(1);
  for (const x of channels) {
    let a = 0, b = 0, c = x[0] ?? 0, d = x[1] ?? 0;
    for (let i = 0; i < n; i++) {
      a = b; b = c; c = d; d = i + 2 < n ? x[i + 2]! : 0;
      const ab = Math.abs(b), ac = Math.abs(c);
      // Cheap bound first: most samples are far below the ceiling even between samples.
      if ((9 * (ab + ac) + Math.abs(a) + Math.abs(d)) * 0.0625 <= ceiling && ab <= ceiling) continue;
      const between = (9 * (b + c) - a - d) * 0.0625; // the signal halfway to the next sample
      const level = Math.max(ab, Math.abs(between));
      if (level > ceiling) {
        const g = ceiling / level;
        if (g < needed[i]!) needed[i] = g;
      }
    }
  }

  // Trailing minimum over `window` frames (monotonic deque), then a trailing box average over `window`:
  // the averaged curve reaches each peak's needed gain exactly when that peak is played (see `apply`).
  const held = new Float32Array(n + window);
  const deque = new Int32Array(n + window);
  let head = 0, tail = 0;
  for (let i = 0; i < n + window; i++) {
    while (tail > head && needed[deque[tail - 1]!]! >= needed[i]!) tail--;
    deque[tail++] = i;
    if (deque[head]! <= i - window) head++;
    held[i] = needed[deque[head]!]!;
  }
  const smooth = new Float32Array(n + window);
  let sum = 0;
  for (let i = 0; i < n + window; i++) {
    sum += held[i]! - (i >= window ? held[i - window]! : 0);
    smooth[i] = (sum + (i < window ? window - 1 - i : 0)) / window;
  }

  // Release: the gain falls at once but rises slowly, so nothing pumps; it never rises above `smooth`.
  const gain = new Float32Array(n);
  let g = 1;
  for (let i = 0; i < n; i++) {
    const target = smooth[i + window - 1]!;
    g = target < g ? target : g + (target - g) * release;
    gain[i] = Math.min(g, 1);
  }
  return gain;
}

/** Multiplies each channel by `scale * gain[i]` into new arrays. */
export function applyGain(channels: readonly Float32Array[], scale: number, gain: Float32Array): Float32Array[] {
  return channels.map((x) => {
    const y = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) y[i] = x[i]! * scale * gain[i]!;
    return y;
  });
}
