// A small feedback-delay-network hall that replaces SpessaSynth's own reverb, which cost more than the
// whole band (about 2 s per 100 s of music on one core); this one costs under a tenth of that.
// It plugs into SpessaSynthProcessor as its `reverbProcessor`, so the channels' CC91 sends still feed it.
import type { ReverbProcessor, ReverbProcessorSnapshot } from 'spessasynth_core';

export interface HallOptions {
  /** Decay to -60 dB, seconds. */
  t60Sec?: number;
  /** Output gain of the wet signal. */
  wet?: number;
}

// Mutually prime line lengths (at 44.1 kHz) spread over 38..59 ms, so echoes do not pile up on one period.
const LINE_SAMPLES = [1687, 1931, 2251, 2591];
const DIFFUSER_SAMPLES = [225, 556];
const DIFFUSER_GAIN = 0.5;
const DAMPING = 0.35; // one-pole low-pass in each loop: highs die sooner, as in a real room
const INPUT_LOWPASS = 0.45;
/** Below this level, with no input, the tail has died: skip the block. */
const SILENCE = 1e-6;

export class HallReverb implements ReverbProcessor {
  // The GS parameters a MIDI file may set; kept so snapshots and SysEx work, not used by this design.
  level = 64;
  preLowpass = 0;
  character = 4;
  time = 64;
  delayFeedback = 0;
  preDelayTime = 0;

  private readonly lines: Float32Array[];
  private readonly positions: Int32Array;
  private readonly feedback: Float64Array;
  private readonly lowpass = new Float64Array(4);
  private readonly diffusers: Float32Array[];
  private readonly diffuserPositions: Int32Array;
  private readonly wet: number;
  private inputState = 0;
  private idle = true;

  constructor(sampleRate: number, options: HallOptions = {}) {
    const scale = sampleRate / 44100;
    const t60 = options.t60Sec ?? 1.8;
    this.wet = options.wet ?? 0.045;
    const lengths = LINE_SAMPLES.map((n) => Math.max(1, Math.round(n * scale)));
    this.lines = lengths.map((n) => new Float32Array(n));
    this.positions = new Int32Array(lengths.length);
    this.feedback = Float64Array.from(lengths, (n) => 10 ** ((-3 * n) / (t60 * sampleRate)));
    this.diffusers = DIFFUSER_SAMPLES.map((n) => new Float32Array(Math.max(1, Math.round(n * scale))));
    this.diffuserPositions = new Int32Array(this.diffusers.length);
  }

  process(input: Float32Array, outputLeft: Float32Array, outputRight: Float32Array, startIndex: number, sampleCount: number): void {
    let quietInput = true;
    for (let i = 0; i < sampleCount; i++) {
      if (input[i] !== 0) {
        quietInput = false;
        break;
      }
    }
    if (quietInput && this.idle) return;

    const [l0, l1, l2, l3] = this.lines as [Float32Array, Float32Array, Float32Array, Float32Array];
    const [d0, d1] = this.diffusers as [Float32Array, Float32Array];
    const pos = this.positions;
    const dpos = this.diffuserPositions;
    const [g0, g1, g2, g3] = this.feedback as unknown as [number, number, number, number];
    let p0 = pos[0]!, p1 = pos[1]!, p2 = pos[2]!, p3 = pos[3]!;
    let q0 = dpos[0]!, q1 = dpos[1]!;
    let s0 = this.lowpass[0]!, s1 = this.lowpass[1]!, s2 = this.lowpass[2]!, s3 = this.lowpass[3]!;
    let inState = this.inputState;
    const wet = this.wet;
    let loudest = 0;
    for (let i = 0; i < sampleCount; i++) {
      inState += INPUT_LOWPASS * (input[i]! - inState);
      // Two Schroeder all-passes smear the onset so drums do not ring as discrete echoes.
      const b0 = d0[q0]!;
      const a0 = inState + DIFFUSER_GAIN * b0;
      d0[q0] = a0;
      const x0 = b0 - DIFFUSER_GAIN * a0;
      if (++q0 === d0.length) q0 = 0;
      const b1 = d1[q1]!;
      const a1 = x0 + DIFFUSER_GAIN * b1;
      d1[q1] = a1;
      const x = b1 - DIFFUSER_GAIN * a1;
      if (++q1 === d1.length) q1 = 0;

      const y0 = l0[p0]!, y1 = l1[p1]!, y2 = l2[p2]!, y3 = l3[p3]!;
      s0 += (1 - DAMPING) * (y0 - s0);
      s1 += (1 - DAMPING) * (y1 - s1);
      s2 += (1 - DAMPING) * (y2 - s2);
      s3 += (1 - DAMPING) * (y3 - s3);
      // Householder-like 4x4 Hadamard mix (orthogonal, scaled by 1/2): energy is kept, echoes multiply.
      const h0 = 0.5 * (s0 + s1 + s2 + s3);
      const h1 = 0.5 * (s0 - s1 + s2 - s3);
      const h2 = 0.5 * (s0 + s1 - s2 - s3);
      const h3 = 0.5 * (s0 - s1 - s2 + s3);
      l0[p0] = x + g0 * h0;
      l1[p1] = x + g1 * h1;
      l2[p2] = x + g2 * h2;
      l3[p3] = x + g3 * h3;
      if (++p0 === l0.length) p0 = 0;
      if (++p1 === l1.length) p1 = 0;
      if (++p2 === l2.length) p2 = 0;
      if (++p3 === l3.length) p3 = 0;

      const left = wet * (y0 + y2);
      const right = wet * (y1 - y3);
      outputLeft[startIndex + i]! += left;
      outputRight[startIndex + i]! += right;
      const a = Math.abs(left) + Math.abs(right);
      if (a > loudest) loudest = a;
    }
    pos[0] = p0; pos[1] = p1; pos[2] = p2; pos[3] = p3;
    dpos[0] = q0; dpos[1] = q1;
    this.lowpass[0] = s0; this.lowpass[1] = s1; this.lowpass[2] = s2; this.lowpass[3] = s3;
    this.inputState = inState;
    if (quietInput && loudest < SILENCE) this.silence();
    else this.idle = false;
  }

  getSnapshot(): ReverbProcessorSnapshot {
    const { level, preLowpass, character, time, delayFeedback, preDelayTime } = this;
    return { level, preLowpass, character, time, delayFeedback, preDelayTime };
  }

  /** Clears the tail so a later send starts from true silence, and lets quiet blocks be skipped. */
  private silence(): void {
    for (const line of this.lines) line.fill(0);
    for (const d of this.diffusers) d.fill(0);
    this.lowpass.fill(0);
    this.inputState = 0;
    this.idle = true;
  }
}
