// Stage 7, master: mix the voice in front of the band, then bring the song to -16 LUFS with a peak
// ceiling under -1 dBFS. One gain and one limiter curve are computed on the mix and applied to the
// stems too, so `vocals + accompaniment` equals `song` sample for sample.
import { SAMPLE_RATE, type Audio } from '../types.js';
import { applyGain, limiterGain } from './limiter.js';
import { fromDb, measureLufs, samplePeak, toDb } from './loudness.js';
import { compressVoice, vocalEq, vocalRoom } from './vocal-chain.js';

export { measureLufs } from './loudness.js';

export interface MasterOptions {
  /** Added to the voice's level over the band (default 0: the voice sits VOICE_OVER_BAND_LU above it). */
  vocalGainDb?: number;
  /** Integrated loudness of the song, default -16 LUFS. */
  targetLufs?: number;
  /** Sample-peak ceiling (inter-sample estimates included), default MASTER_CEILING_DBFS. */
  ceilingDbfs?: number;
}

/** The limiter's ceiling: low enough that the AAC forms (song.m4a, the HLS segments) do not clip when
 *  decoded. The encoder overshoots a hard transient by up to about 2 dB (measured +0.83 dBFS decoded from
 *  a -1.2 dBFS master on a ballad's piano hit), so 2.2 dB of room. */
export const MASTER_CEILING_DBFS = -2.2;

export interface MasteredSong {
  song: Audio;
  /** The voice alone, with the master's gain: stereo, lined up with `song`. */
  vocals: Audio;
  /** The band alone (the karaoke track), with the master's gain: stereo, lined up with `song`. */
  accompaniment: Audio;
  lufs: number;
  peakDbfs: number;
}

export class MasterError extends Error {
  readonly code = 'invalid-audio';
  constructor(message: string) {
    super(message);
    this.name = 'MasterError';
  }
}

/** How far the voice's loudness sits above the band's: enough that every word is heard over it. */
export const VOICE_OVER_BAND_LU = 2;
const STEREO_OF_MONO_DB = 10 * Math.log10(2); // a centred mono voice counts in both channels

export function masterSong(vocals: Audio, accompaniment: Audio, opts: MasterOptions = {}): MasteredSong {
  const fs = SAMPLE_RATE;
  for (const [name, audio] of [['vocals', vocals], ['accompaniment', accompaniment]] as const) {
    if (audio.sampleRate !== fs) throw new MasterError(`${name} must be at ${fs} Hz, not ${audio.sampleRate} Hz`);
    if (audio.channels.length === 0) throw new MasterError(`${name} has no channels`);
  }
  const target = opts.targetLufs ?? -16;
  const ceiling = fromDb(opts.ceilingDbfs ?? MASTER_CEILING_DBFS);
  const frames = Math.max(vocals.channels[0]!.length, accompaniment.channels[0]!.length);

  const voiceIn = padTo(mixToMono(vocals.channels), frames);
  const band = [0, 1].map((c) => padTo(accompaniment.channels[Math.min(c, accompaniment.channels.length - 1)]!, frames));

  // The voice's strip, then its level: a fixed distance above the band's loudness.
  const voice = compressVoice(vocalEq(voiceIn, fs), fs);
  const voiceLufs = measureLufs({ sampleRate: fs, channels: [voice] }) + STEREO_OF_MONO_DB;
  const bandLufs = measureLufs({ sampleRate: fs, channels: band });
  let voiceGain = 1;
  if (Number.isFinite(voiceLufs)) {
    const reference = Number.isFinite(bandLufs) ? bandLufs + VOICE_OVER_BAND_LU : target;
    voiceGain = fromDb(reference + (opts.vocalGainDb ?? 0) - voiceLufs);
  }
  for (let i = 0; i < frames; i++) voice[i] = voice[i]! * voiceGain;
  const [roomL, roomR] = vocalRoom(voice, fs);
  const voiceStereo = [roomL, roomR];
  for (let i = 0; i < frames; i++) {
    roomL[i] = roomL[i]! + voice[i]!;
    roomR[i] = roomR[i]! + voice[i]!;
  }

  const mix = [0, 1].map((c) => {
    const out = new Float32Array(frames);
    const v = voiceStereo[c]!, b = band[c]!;
    for (let i = 0; i < frames; i++) out[i] = v[i]! + b[i]!;
    return out;
  });

  // Gain to the target, limit, measure again: limiting takes a little loudness, so repeat until close.
  const mixLufs = measureLufs({ sampleRate: fs, channels: mix });
  let gain = Number.isFinite(mixLufs) ? fromDb(target - mixLufs) : 1;
  let curve: Float32Array = new Float32Array(frames).fill(1);
  let song: Float32Array[] = mix;
  let lufs = mixLufs;
  for (let round = 0; round < 3; round++) {
    curve = limiterGain(mix, { sampleRate: fs, ceiling: ceiling / gain });
    song = applyGain(mix, gain, curve);
    lufs = measureLufs({ sampleRate: fs, channels: song });
    if (!Number.isFinite(lufs) || Math.abs(lufs - target) < 0.1) break;
    gain *= fromDb(target - lufs);
  }
  const stems = { vocals: applyGain(voiceStereo, gain, curve), accompaniment: applyGain(band, gain, curve) };
  const result = { sampleRate: fs, channels: song };
  return {
    song: result,
    vocals: { sampleRate: fs, channels: stems.vocals },
    accompaniment: { sampleRate: fs, channels: stems.accompaniment },
    lufs,
    peakDbfs: toDb(samplePeak(result)),
  };
}

function mixToMono(channels: readonly Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0]!;
  const n = channels[0]!.length;
  const out = new Float32Array(n);
  for (const ch of channels) for (let i = 0; i < n; i++) out[i] = out[i]! + ch[i]! / channels.length;
  return out;
}

function padTo(x: Float32Array, frames: number): Float32Array {
  if (x.length === frames) return x;
  const out = new Float32Array(frames);
  out.set(x.subarray(0, frames));
  return out;
}
