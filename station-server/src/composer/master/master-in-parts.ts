// The plan of a song mastered a part at a time: the first part is mastered and goes out before the rest
// exists, so what the one-shot master decides from the whole song (the voice's level over the band,
// the compressor's threshold, the first gain to the loudness target) is decided here from the first
// part and kept. Every step after it is causal (filters, compressor, room, a look-ahead limiter of
// 5 ms), so the song mastered part by part (master-by-part.ts) never changes what it already sent.
// `mixParts` is the whole-song form of that mix, the reference the part-by-part mix is held to.
import { SAMPLE_RATE } from '../types.js';
import { applyGain, limiterGain } from './limiter.js';
import { fromDb, measureLufs } from './loudness.js';
import { MASTER_CEILING_DBFS, VOICE_OVER_BAND_LU } from './master.js';
import { compressVoice, vocalEq, vocalRoom, voiceLoudest } from './vocal-chain.js';

export interface PartPlan {
  /** Gain on the voice after its strip (puts it VOICE_OVER_BAND_LU over the band). */
  voiceGain: number;
  /** The compressor's reference level. */
  loudest: number;
  /** The master gain over the first part. */
  gain: number;
  targetLufs: number;
  ceiling: number;
}

const STEREO_OF_MONO_DB = 10 * Math.log10(2);

const head = (x: Float32Array, frames: number): Float32Array => (x.length <= frames ? x : x.subarray(0, frames));

/** Decides the plan from the first `frames` of the voice (mono) and the band (stereo). */
export function planFromFirstPart(voice: Float32Array, band: readonly Float32Array[], frames: number, opts: { targetLufs?: number; ceilingDbfs?: number } = {}): PartPlan {
  const fs = SAMPLE_RATE;
  const targetLufs = opts.targetLufs ?? -16;
  const ceiling = fromDb(opts.ceilingDbfs ?? MASTER_CEILING_DBFS);
  const v = head(voice, frames);
  const loudest = voiceLoudest(vocalEq(v, fs), fs);
  const stripped = compressVoice(vocalEq(v, fs), fs, loudest);
  const voiceLufs = measureLufs({ sampleRate: fs, channels: [stripped] }) + STEREO_OF_MONO_DB;
  const bandLufs = measureLufs({ sampleRate: fs, channels: band.map((c) => head(c, frames)) });
  let voiceGain = 1;
  if (Number.isFinite(voiceLufs)) voiceGain = fromDb((Number.isFinite(bandLufs) ? bandLufs + VOICE_OVER_BAND_LU : targetLufs) - voiceLufs);
  const plan = { voiceGain, loudest, gain: 1, targetLufs, ceiling };
  const { mix } = mixParts(plan, v, band.map((c) => head(c, frames)));
  // Gain to the target, limit, measure again, as the one-shot master does, on the first part alone.
  const mixLufs = measureLufs({ sampleRate: fs, channels: mix });
  let gain = Number.isFinite(mixLufs) ? fromDb(targetLufs - mixLufs) : 1;
  for (let round = 0; round < 3; round++) {
    const lufs = measureLufs({ sampleRate: fs, channels: limited(mix, new Float32Array(frames).fill(gain), ceiling) });
    if (!Number.isFinite(lufs) || Math.abs(lufs - targetLufs) < 0.1) break;
    gain *= fromDb(targetLufs - lufs);
  }
  return { ...plan, gain };
}

/** The voice through its strip and room, over the band: stereo voice, stereo band, and their mix. */
export function mixParts(plan: PartPlan, voice: Float32Array, band: readonly Float32Array[]): { voice: Float32Array[]; band: Float32Array[]; mix: Float32Array[] } {
  const fs = SAMPLE_RATE;
  const frames = Math.max(voice.length, band[0]!.length);
  // A silent first part leaves the compressor no level to work from: the voice then goes through as it is.
  const eq = vocalEq(padTo(voice, frames), fs);
  const v = plan.loudest > 0 ? compressVoice(eq, fs, plan.loudest) : eq;
  for (let i = 0; i < frames; i++) v[i] = v[i]! * plan.voiceGain;
  const [roomL, roomR] = vocalRoom(v, fs);
  for (let i = 0; i < frames; i++) {
    roomL[i] = roomL[i]! + v[i]!;
    roomR[i] = roomR[i]! + v[i]!;
  }
  const stereoBand = [0, 1].map((c) => padTo(band[Math.min(c, band.length - 1)]!, frames));
  const mix = [0, 1].map((c) => {
    const out = new Float32Array(frames);
    const a = c === 0 ? roomL : roomR, b = stereoBand[c]!;
    for (let i = 0; i < frames; i++) out[i] = a[i]! + b[i]!;
    return out;
  });
  return { voice: [roomL, roomR], band: stereoBand, mix };
}

function limited(mix: readonly Float32Array[], curve: Float32Array, ceiling: number): Float32Array[] {
  const scaled = applyGain(mix, 1, curve);
  const limiter = limiterGain(scaled, { sampleRate: SAMPLE_RATE, ceiling });
  return applyGain(scaled, 1, limiter);
}

function padTo(x: Float32Array, frames: number): Float32Array {
  if (x.length === frames) return x;
  const out = new Float32Array(frames);
  out.set(x.subarray(0, frames));
  return out;
}

