// Doubles the sample rate (22050 -> 44100) with a windowed-sinc half-band filter: the even output
// samples are the input, the odd ones are interpolated from 2 x TAPS neighbours.
const TAPS = 16;
const KERNEL = (() => {
  const h = new Float64Array(TAPS);
  for (let k = 0; k < TAPS; k++) {
    const x = k + 0.5;
    // Blackman window over the 2 x TAPS span.
    const n = (TAPS - 1 - k) / (2 * TAPS - 1);
    const w = 0.42 - 0.5 * Math.cos(2 * Math.PI * n) + 0.08 * Math.cos(4 * Math.PI * n);
    h[k] = (Math.sin(Math.PI * x) / (Math.PI * x)) * w;
  }
  const sum = 2 * h.reduce((a, b) => a + b, 0);
  return h.map((v) => v / sum);
})();

export function upsample2x(x: Float32Array): Float32Array {
  const n = x.length;
  // Zero-padded so the inner loop needs no bounds checks.
  const p = new Float32Array(n + 2 * TAPS);
  p.set(x, TAPS);
  const h = Float32Array.from(KERNEL);
  const y = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    const c = i + TAPS;
    y[2 * i] = p[c]!;
    let acc = 0;
    for (let k = 0; k < TAPS; k++) acc += h[k]! * (p[c - k]! + p[c + 1 + k]!);
    y[2 * i + 1] = acc;
  }
  return y;
}

/** upsample2x(x) written into `into` (clipped to its length), worked out only over x's stretch that is
 *  not silent: the very same samples, at the cost of that stretch. */
export function upsample2xInto(x: Float32Array, into: Float32Array): void {
  let first = 0;
  while (first < x.length && x[first] === 0) first++;
  if (first === x.length) return;
  let last = x.length - 1;
  while (x[last] === 0) last--;
  const from = Math.max(0, first - TAPS), to = Math.min(x.length, last + TAPS + 1);
  if (2 * from >= into.length) return;
  const y = upsample2x(x.subarray(from, to));
  into.set(y.subarray(0, Math.min(y.length, into.length - 2 * from)), 2 * from);
}
