// The voice's strip and room over the band (mixParts in master-in-parts.ts), fed a part at a time: the
// same arithmetic, sample for sample, with every filter's, the compressor's and the room's state
// carried between calls. So a song mixed as its parts arrive is the very mix of the whole song, and
// no part is mixed twice. The compressor looks one 32-sample control step ahead, so the mix trails
// what is known by at most that.
import { SAMPLE_RATE } from '../types.js';
import { highPass, peaking, type Biquad } from './vocal-chain.js';

export interface MixPlan {
  /** The gain on the voice after its strip. */
  voiceGain: number;
  /** The compressor's reference level (0: the voice goes through uncompressed). */
  loudest: number;
}

const STEP = 32; // the compressor's control rate, as compressVoice has it
const RING = 1 << 16;
const MASK = RING - 1;
const ROOM_WET = 0.1, ROOM_T60 = 1.1, ROOM_DAMP = 0.4;

export class MixStream {
  /** The voice with its room (stereo), the band (stereo, the caller's) and their mix, song-long. */
  readonly voice: [Float32Array, Float32Array];
  readonly mix: [Float32Array, Float32Array];
  /** Frames mixed so far. */
  done = 0;
  private readonly eqs: Biquad[];
  private readonly eqState = new Float64Array(12);
  private readonly eq = new Float32Array(RING);
  private readonly env = new Float32Array(RING);
  private e = 0;
  private eqDone = 0;
  private g0: number | undefined;
  private readonly attack: number;
  private readonly release: number;
  private readonly threshold: number;
  private readonly lines: Float32Array[];
  private readonly loopGains: number[];
  private readonly pos = [0, 0, 0, 0];
  private readonly s = [0, 0, 0, 0];

  /** `voiceIn` (mono) and `band` (stereo) are song-long and filled by the caller as parts arrive. */
  constructor(private readonly plan: MixPlan, private readonly voiceIn: Float32Array, private readonly band: readonly [Float32Array, Float32Array]) {
    const fs = SAMPLE_RATE;
    const n = voiceIn.length;
    this.voice = [new Float32Array(n), new Float32Array(n)];
    this.mix = [new Float32Array(n), new Float32Array(n)];
    this.eqs = [highPass(fs, 90), peaking(fs, 250, 1, -2), peaking(fs, 3000, 0.9, 3)];
    this.attack = 1 - Math.exp(-1 / (0.005 * fs));
    this.release = 1 - Math.exp(-1 / (0.12 * fs));
    this.threshold = plan.loudest * 0.25;
    const lengths = [1117, 1327, 1553, 1801].map((l) => Math.round((l * fs) / 44100));
    this.lines = lengths.map((l) => new Float32Array(l));
    this.loopGains = lengths.map((l) => 10 ** ((-3 * l) / (ROOM_T60 * fs)));
  }

  /** Mixes what can be mixed once the voice and band are final up to frame `known`; returns `done`. */
  advance(known: number): number {
    const n = this.voiceIn.length;
    const to = Math.min(known, n);
    // In runs that fit the ring: the strip's filters and level follower, then the compressor's steps.
    while (this.eqDone < to) {
      const end = Math.min(to, this.done + RING - 2 * STEP);
      this.filter(this.eqDone, end);
      this.eqDone = end;
      while (this.done < n && Math.min(this.done + STEP, n - 1) < this.eqDone) this.block();
    }
    return this.done;
  }

  /** The strip's three biquads in turn (each fed the one before as a 32-bit sample) and the level follower. */
  private filter(from: number, to: number): void {
    const st = this.eqState, x = this.voiceIn, eq = this.eq, env = this.env;
    const [f0, f1, f2] = this.eqs as [Biquad, Biquad, Biquad];
    let a1 = st[0]!, a2 = st[1]!, a3 = st[2]!, a4 = st[3]!;
    let b1 = st[4]!, b2 = st[5]!, b3 = st[6]!, b4 = st[7]!;
    let c1 = st[8]!, c2 = st[9]!, c3 = st[10]!, c4 = st[11]!;
    let e = this.e;
    const attack = this.attack, release = this.release;
    for (let i = from; i < to; i++) {
      const x0 = x[i]!;
      const v0 = f0.b0 * x0 + f0.b1 * a1 + f0.b2 * a2 - f0.a1 * a3 - f0.a2 * a4;
      a2 = a1; a1 = x0; a4 = a3; a3 = v0;
      const x1 = Math.fround(v0);
      const v1 = f1.b0 * x1 + f1.b1 * b1 + f1.b2 * b2 - f1.a1 * b3 - f1.a2 * b4;
      b2 = b1; b1 = x1; b4 = b3; b3 = v1;
      const x2 = Math.fround(v1);
      const v2 = f2.b0 * x2 + f2.b1 * c1 + f2.b2 * c2 - f2.a1 * c3 - f2.a2 * c4;
      c2 = c1; c1 = x2; c4 = c3; c3 = v2;
      const y = Math.fround(v2);
      eq[i & MASK] = y;
      const level = Math.abs(y);
      e += (level > e ? attack : release) * (level - e);
      env[i & MASK] = e;
    }
    st.set([a1, a2, a3, a4, b1, b2, b3, b4, c1, c2, c3, c4]);
    this.e = e;
  }

  private gainAt(i: number): number {
    if (this.plan.loudest <= 0) return 1;
    const level = this.env[Math.min(i, this.voiceIn.length - 1) & MASK]!;
    return level > this.threshold ? (this.threshold / level) ** (1 - 1 / 3) : 1;
  }

  /** One control step of the compressor, then the voice's gain, its room, and the band under it. */
  private block(): void {
    const n = this.voiceIn.length;
    const start = this.done;
    this.g0 ??= this.gainAt(0);
    const g0 = this.g0, g1 = this.gainAt(start + STEP);
    const [l0, l1, l2, l3] = this.lines as [Float32Array, Float32Array, Float32Array, Float32Array];
    const [k0, k1, k2, k3] = this.loopGains as [number, number, number, number];
    const p = this.pos, s = this.s;
    let p0 = p[0]!, p1 = p[1]!, p2 = p[2]!, p3 = p[3]!, s0 = s[0]!, s1 = s[1]!, s2 = s[2]!, s3 = s[3]!;
    const [vl, vr] = this.voice, [ml, mr] = this.mix, [bl, br] = this.band;
    const eq = this.eq, voiceGain = this.plan.voiceGain, keep = 1 - ROOM_DAMP;
    const end = Math.min(n, start + STEP);
    for (let i = start; i < end; i++) {
      const compressed = Math.fround(eq[i & MASK]! * (g0 + ((g1 - g0) * (i - start)) / STEP));
      const v = Math.fround(compressed * voiceGain);
      // The room: a four-line feedback delay network, as vocalRoom has it.
      const input = v * 0.5;
      const y0 = l0[p0]!, y1 = l1[p1]!, y2 = l2[p2]!, y3 = l3[p3]!;
      s0 += keep * (y0 - s0); s1 += keep * (y1 - s1); s2 += keep * (y2 - s2); s3 += keep * (y3 - s3);
      l0[p0] = input + k0 * 0.5 * (s0 + s1 + s2 + s3);
      l1[p1] = input + k1 * 0.5 * (s0 - s1 + s2 - s3);
      l2[p2] = input + k2 * 0.5 * (s0 + s1 - s2 - s3);
      l3[p3] = input + k3 * 0.5 * (s0 - s1 - s2 + s3);
      if (++p0 === l0.length) p0 = 0;
      if (++p1 === l1.length) p1 = 0;
      if (++p2 === l2.length) p2 = 0;
      if (++p3 === l3.length) p3 = 0;
      const left = Math.fround(Math.fround(ROOM_WET * (y0 + y2)) + v);
      const right = Math.fround(Math.fround(ROOM_WET * (y1 - y3)) + v);
      vl[i] = left;
      vr[i] = right;
      ml[i] = left + bl[i]!;
      mr[i] = right + br[i]!;
    }
    p[0] = p0; p[1] = p1; p[2] = p2; p[3] = p3;
    s[0] = s0; s[1] = s1; s[2] = s2; s[3] = s3;
    this.g0 = g1;
    this.done = end;
  }
}
