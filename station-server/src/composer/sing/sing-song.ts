// The song's singing: the lead on its notes and, where the score has one, the chorus harmony sung by
// the same singer on its own notes. The harmony joins the band (the lead stays alone on the vocal
// stem, so the song check hears the tune it measures), a few LU under the lead.
import { measureLufs } from '../master/loudness.js';
import type { Audio, SingInput, VocalNote } from '../types.js';
import { sing } from './sing.js';

export interface SungSong {
  lead: Audio;
  /** The harmony voice, or undefined when there is none. */
  harmony?: Audio;
}

/** How far the harmony sits under the band's loudness; the master puts the lead 2 LU above the
 *  band, so the harmony lands about 8 LU under the lead: heard as a second voice, never a rival. */
const HARMONY_UNDER_BAND_LU = 6;
/** Left and right gains: the harmony leans a little to one side, so it does not sit on the lead. */
const HARMONY_PAN: readonly [number, number] = [1, 0.75];

export async function singSong(input: SingInput, harmony: readonly VocalNote[] | undefined): Promise<SungSong> {
  const lead = await sing(input);
  if (!harmony || harmony.length === 0) return { lead };
  return { lead, harmony: await sing({ ...input, vocals: [...harmony] }) };
}

/** The band with the harmony voice mixed in (a new Audio; the band is not changed). */
export function withHarmony(band: Audio, harmony: Audio | undefined): Audio {
  if (!harmony) return band;
  const voice = harmony.channels[0]!;
  const bandLufs = measureLufs(band);
  const voiceLufs = measureLufs({ sampleRate: harmony.sampleRate, channels: [voice, voice] });
  if (!Number.isFinite(bandLufs) || !Number.isFinite(voiceLufs)) return band;
  const gain = 10 ** ((bandLufs - HARMONY_UNDER_BAND_LU - voiceLufs) / 20);
  const channels = [0, 1].map((c) => {
    const source = band.channels[Math.min(c, band.channels.length - 1)]!;
    const out = new Float32Array(Math.max(source.length, voice.length));
    out.set(source);
    const g = gain * HARMONY_PAN[c]!;
    for (let i = 0; i < voice.length; i++) out[i] = out[i]! + g * voice[i]!;
    return out;
  });
  return { sampleRate: band.sampleRate, channels };
}
