// The loudness meter of loudness.ts fed a part at a time: K-weighted energy per 100 ms hop, with the
// filters' state carried between calls, so its reading of a song fed in parts is the very number
// `measureLufs` gives the whole. A copy is cheap (a few numbers and the hops so far), so a gain can be
// tried on a copy and thrown away.
import { gatedLufs, kBiquads, kWeightedEnergy } from './loudness.js';

export class LoudnessMeter {
  private readonly hop: number;
  private readonly hopsPerBlock: number;
  private readonly k: ReturnType<typeof kBiquads>;
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
    this.k = kBiquads(sampleRate);
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
    while (this.done + this.hop <= known) {
      let total = 0;
      this.state.forEach((st, c) => {
        total += kWeightedEnergy(channels[c]!, this.done, this.done + this.hop, this.k, st);
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
