// The loudness meter of loudness.ts fed a part at a time: K-weighted energy per 100 ms hop, with the
// filters' state carried between calls, so its reading of a song fed in parts is the very number
// `measureLufs` gives the whole. A copy is cheap (a few numbers and the hops so far), so a gain can be
// tried on a copy and thrown away.
import { gatedLufs, kCoefficients } from './loudness.js';

export class LoudnessMeter {
  private readonly hop: number;
  private readonly hopsPerBlock: number;
  private readonly k: [number, number, number, number, number][];
  /** Per channel: x1, x2, y1, y2, z1, z2 of the two biquads. */
  private state: Float64Array[];
  private energy: number[] = [];
  /** The next frame to read (always at a hop's start). */
  done = 0;

  constructor(private readonly sampleRate: number, channels = 2) {
    this.hop = Math.round(0.1 * sampleRate);
    const block = Math.round(0.4 * sampleRate);
    if (block % this.hop !== 0) throw new Error(`the loudness meter needs a sample rate whose 400 ms is four 100 ms hops, not ${sampleRate} Hz`);
    this.hopsPerBlock = block / this.hop;
    this.k = kCoefficients(sampleRate) as unknown as [number, number, number, number, number][];
    this.state = Array.from({ length: Math.min(2, channels) }, () => new Float64Array(6));
  }

  clone(): LoudnessMeter {
    const copy = Object.create(LoudnessMeter.prototype) as LoudnessMeter;
    Object.assign(copy, this);
    copy.state = this.state.map((s) => s.slice());
    copy.energy = [...this.energy];
    return copy;
  }

  /** Reads whole hops of `channels` (song-long) up to frame `known`. */
  push(channels: readonly Float32Array[], known: number): void {
    const [[s0, s1, s2, sa1, sa2], [h0, h1, h2, ha1, ha2]] = this.k as [[number, number, number, number, number], [number, number, number, number, number]];
    while (this.done + this.hop <= known) {
      let total = 0;
      this.state.forEach((st, c) => {
        const x = channels[c]!;
        let x1 = st[0]!, x2 = st[1]!, y1 = st[2]!, y2 = st[3]!, z1 = st[4]!, z2 = st[5]!;
        let e = 0;
        for (let i = this.done, end = this.done + this.hop; i < end; i++) {
          const xi = x[i]!;
          const y = s0 * xi + s1 * x1 + s2 * x2 - sa1 * y1 - sa2 * y2;
          x2 = x1; x1 = xi;
          const z = h0 * y + h1 * y1 + h2 * y2 - ha1 * z1 - ha2 * z2;
          y2 = y1; y1 = y; z2 = z1; z1 = z;
          e += z * z;
        }
        st.set([x1, x2, y1, y2, z1, z2]);
        total += e;
      });
      this.energy.push(total);
      this.done += this.hop;
    }
  }

  /** Integrated loudness of what was read (LUFS; -Infinity for silence or under one block). */
  lufs(): number {
    const powers: number[] = [];
    const block = this.hop * this.hopsPerBlock;
    for (let k = 0; k + this.hopsPerBlock <= this.energy.length; k++) {
      let sum = 0;
      for (let h = k; h < k + this.hopsPerBlock; h++) sum += this.energy[h]!;
      powers.push(sum / block);
    }
    return powers.length ? gatedLufs(powers) : -Infinity;
  }
}
