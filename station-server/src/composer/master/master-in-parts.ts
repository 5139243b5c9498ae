// Mastering a song made a part at a time: the first part is mastered and goes out before the rest
// exists, so what the one-shot master decides from the whole song (the voice's level over the band,
// the compressor's threshold, the gain to the loudness target) is decided here from the first part and
// kept. Every step is causal (filters, compressor, room, a look-ahead limiter of 5 ms), so the whole
// song mastered with that plan starts with the very samples already sent. Only the gain moves after
// the first part, in a ramp too slow to hear, so the whole song still lands on the loudness target.
import { SAMPLE_RATE } from '../types.js';
import { applyGain, limiterGain } from './limiter.js';
import { fromDb, measureLufs, samplePeak, toDb } from './loudness.js';
import { VOICE_OVER_BAND_LU, MasterError, type MasteredSong } from './master.js';
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

/** How long the master gain takes to move from the first part's to the rest's: at most a few tenths
 *  of a dB a second, well under what a listener hears as a change of level. */
export const GAIN_RAMP_SEC = 8;
const STEREO_OF_MONO_DB = 10 * Math.log10(2);

const head = (x: Float32Array, frames: number): Float32Array => (x.length <= frames ? x : x.subarray(0, frames));

/** Decides the plan from the first `frames` of the voice (mono) and the band (stereo). */
export function planFromFirstPart(voice: Float32Array, band: readonly Float32Array[], frames: number, opts: { targetLufs?: number; ceilingDbfs?: number } = {}): PartPlan {
  const fs = SAMPLE_RATE;
  const targetLufs = opts.targetLufs ?? -16;
  const ceiling = fromDb(opts.ceilingDbfs ?? -1.2);
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
    const lufs = measureLufs({ sampleRate: fs, channels: limited(mix, curveOf(frames, gain, gain, frames), ceiling) });
    if (!Number.isFinite(lufs) || Math.abs(lufs - targetLufs) < 0.1) break;
    gain *= fromDb(targetLufs - lufs);
  }
  return { ...plan, gain };
}

/** The voice through its strip and room, over the band: stereo voice, stereo band, and their mix. */
export function mixParts(plan: PartPlan, voice: Float32Array, band: readonly Float32Array[]): { voice: Float32Array[]; band: Float32Array[]; mix: Float32Array[] } {
  const fs = SAMPLE_RATE;
  const frames = Math.max(voice.length, band[0]!.length);
  const v = compressVoice(vocalEq(padTo(voice, frames), fs), fs, plan.loudest);
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

/** The first part as it goes out: the song's first `emit` frames, from a voice and band known up to
 *  `known` frames (the limiter looks 5 ms ahead, so `emit` stays a little short of `known`). */
export function masterFirstPart(plan: PartPlan, voice: Float32Array, band: readonly Float32Array[], known: number, emit: number): Float32Array[] {
  if (emit > known) throw new MasterError(`the first part's ${emit} frames go past the ${known} known`);
  const { mix } = mixParts(plan, head(voice, known), band.map((c) => head(c, known)));
  return limited(mix, curveOf(known, plan.gain, plan.gain, known), plan.ceiling).map((c) => c.slice(0, emit));
}

/** The whole song with the plan: the first part's gain up to `seam`, then a slow ramp to the gain that
 *  brings the whole song to the target; one limiter curve for the song and both stems. */
export function masterWhole(plan: PartPlan, voice: Float32Array, band: readonly Float32Array[], seam: number): MasteredSong & { restGain: number } {
  const fs = SAMPLE_RATE;
  const parts = mixParts(plan, voice, band);
  const frames = parts.mix[0]!.length;
  if (frames === 0) throw new MasterError('the song has no frames');
  const restShare = Math.max(0.05, (frames - Math.min(seam, frames)) / frames);
  // First guess: the rest brought to the target on its own, as the first part was.
  const restMixLufs = measureLufs({ sampleRate: fs, channels: parts.mix.map((c) => c.subarray(Math.min(seam, frames))) });
  let rest = Number.isFinite(restMixLufs) && seam < frames ? fromDb(plan.targetLufs - restMixLufs) : plan.gain;
  let round = 0;
  // Secant steps on the rest's gain (dB) against the song's loudness: the limiter bends the line a little.
  let slope = restShare;
  let previous: { db: number; lufs: number } | undefined;
  for (;;) {
    const curve = curveOf(frames, plan.gain, rest, seam);
    const scaled = applyGain(parts.mix, 1, curve);
    const limiter = limiterGain(scaled, { sampleRate: fs, ceiling: plan.ceiling });
    const song = applyGain(scaled, 1, limiter);
    const lufs = measureLufs({ sampleRate: fs, channels: song });
    if (round++ < 5 && Number.isFinite(lufs) && Math.abs(lufs - plan.targetLufs) >= 0.1) {
      // Only the rest moves, so it moves by more than the whole song is off (within a sane range).
      const db = toDb(rest);
      if (previous && Math.abs(db - previous.db) > 1e-3) slope = Math.max(0.05, Math.min(1.5, (lufs - previous.lufs) / (db - previous.db)));
      previous = { db, lufs };
      rest = fromDb(db + Math.max(-12, Math.min(12, (plan.targetLufs - lufs) / slope)));
      continue;
    }
    const both = (channels: Float32Array[]) => applyGain(applyGain(channels, 1, curve), 1, limiter);
    const result = { sampleRate: fs, channels: song };
    return {
      song: result,
      vocals: { sampleRate: fs, channels: both(parts.voice) },
      accompaniment: { sampleRate: fs, channels: both(parts.band) },
      lufs,
      peakDbfs: toDb(samplePeak(result)),
      restGain: rest,
    };
  }
}

/** Gain per frame: `first` up to `seam`, then a ramp (linear in dB) over GAIN_RAMP_SEC to `rest`. */
export function curveOf(frames: number, first: number, rest: number, seam: number): Float32Array {
  const curve = new Float32Array(frames).fill(first);
  const ramp = Math.round(GAIN_RAMP_SEC * SAMPLE_RATE);
  const fromDbValue = toDb(first), toDbValue = toDb(rest);
  const rampEnd = Math.min(frames, Math.max(0, seam) + ramp);
  for (let i = Math.max(0, seam); i < rampEnd; i++) curve[i] = fromDb(fromDbValue + ((toDbValue - fromDbValue) * (i - seam)) / ramp);
  if (rampEnd < frames) curve.fill(rest, rampEnd);
  return curve;
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

