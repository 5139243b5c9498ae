// What the station says between songs: the spoken intro of a dedication ("this one goes out to …,
// from …") in the song's language, and station IDs, each spoken over a short music bed, mastered
// like a song and packaged into HLS once.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Language } from '@radio-optimism/shared';
import type { Audio, InstrumentTrack, Score } from '../composer/types.js';
import { SAMPLE_RATE } from '../composer/types.js';
import { speak } from '../composer/sing/espeak.js';
import { upsample2x } from '../composer/sing/resample.js';
import { renderAccompaniment } from '../composer/render/render.js';
import { masterSong } from '../composer/master/master.js';
import { encodeWav } from '../composer/master/wav.js';
import { chordOf, voicing } from '../composer/compose/harmony.js';
import { packageSong, type PackagedAudio } from './hls-package.js';

const VOICES: Record<Language, string> = { en: 'en-us+m3', es: 'es+m3', pt: 'pt-br+m3', fr: 'fr+m3', de: 'de+m3', ko: 'ko+m3' };

export { introText, STATION_IDS } from './announcement-words.js';

/** A soft bed: a pad holding the home chord, a bell arpeggio on top, fading out. */
function bedScore(seconds: number, tonic: number): Score {
  const chord = chordOf({ degree: 0, quality: 'add9' }, tonic);
  const pad: InstrumentTrack = { name: 'Pad', program: 89, channel: 0, volume: 90, pan: 64, reverb: 80, notes: voicing(chord, 52).map((pitch) => ({ pitch, start: 0, duration: seconds, velocity: 70 })) };
  const bell: InstrumentTrack = { name: 'Bell', program: 10, channel: 1, volume: 80, pan: 70, reverb: 90, notes: voicing(chord, 72).map((pitch, i) => ({ pitch, start: i * 0.25, duration: 1.5, velocity: 60 })) };
  return { tempo: 120, meter: [4, 4], key: { tonic, mode: 'major', name: '' }, chords: [], sections: [], tracks: [pad, bell], vocals: [], durationSec: seconds };
}

/** Speaks `text` over a bed, masters it to the station's loudness, and packages it into `dir`. */
export async function makeAnnouncement(text: string, language: Language, dir: string, tonic = 0): Promise<PackagedAudio> {
  const spoken = await speak(text, { voice: VOICES[language], pitch: 45, rate: 160, range: 40 });
  const lead = 0.6;
  const voice = upsample2x(spoken.samples);
  const seconds = lead + voice.length / SAMPLE_RATE + 1.2;
  const mono = new Float32Array(Math.ceil(seconds * SAMPLE_RATE));
  mono.set(voice, Math.round(lead * SAMPLE_RATE));
  const bed = await renderAccompaniment(bedScore(seconds, tonic));
  fadeOut(bed, 1.0);
  const mastered = masterSong({ sampleRate: SAMPLE_RATE, channels: [mono] }, bed, { vocalGainDb: 4 });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'song.wav'), encodeWav(mastered.song));
  return packageSong(dir);
}

function fadeOut(audio: Audio, seconds: number): void {
  const n = Math.round(seconds * audio.sampleRate);
  for (const ch of audio.channels) {
    const start = Math.max(0, ch.length - n);
    for (let i = start; i < ch.length; i++) ch[i] = ch[i]! * ((ch.length - i) / n);
  }
}
