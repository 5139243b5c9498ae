// The song's singing: the lead on its notes and, where the score has one, the chorus harmony sung by
// the same singer on its own notes. The harmony joins the band (the lead stays alone on the vocal
// stem, so the song check hears the tune it measures), a few LU under the lead, sung and levelled a
// part at a time as the song is made.
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

/** Adds a part's harmony voice (song-long, only that part's lines sung) into the band (song-long,
 *  stereo). Its level is set against the band under the harmony's own notes, as far as the band is
 *  known (up to frame `known`): a part's harmony never waits for the rest of the song. */
export function addHarmonyPart(band: readonly Float32Array[], voice: Float32Array, known: number, sampleRate: number): void {
  let first = 0;
  while (first < voice.length && voice[first] === 0) first++;
  if (first === voice.length) return;
  let last = voice.length - 1;
  while (voice[last] === 0) last--;
  const sung = voice.subarray(first, last + 1);
  const bandLufs = measureLufs({ sampleRate, channels: band.map((c) => c.subarray(first, Math.max(first, Math.min(last + 1, known)))) });
  const voiceLufs = measureLufs({ sampleRate, channels: [sung, sung] });
  if (!Number.isFinite(bandLufs) || !Number.isFinite(voiceLufs)) return;
  const gain = 10 ** ((bandLufs - HARMONY_UNDER_BAND_LU - voiceLufs) / 20);
  band.forEach((channel, c) => {
    const g = gain * HARMONY_PAN[Math.min(c, 1)]!;
    for (let i = first; i <= last && i < channel.length; i++) channel[i] = channel[i]! + g * voice[i]!;
  });
}
