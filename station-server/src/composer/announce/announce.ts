// An announcement as a composer pipeline: speech over a short music bed, mastered to the station's
// loudness like a song, packaged into HLS once. It runs on the composer's threads (see
// composer-thread.ts), never on the station's main thread.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Language } from '@radio-optimism/shared';
import type { Audio, InstrumentTrack, Score } from '../types.js';
import { SAMPLE_RATE } from '../types.js';
import { speak } from '../sing/espeak.js';
import { upsample2x } from '../sing/resample.js';
import { renderAccompaniment } from '../render/render.js';
import { masterSong } from '../master/master.js';
import { encodeWav } from '../master/wav.js';
import { chordOf, voicing } from '../compose/harmony.js';
import { LOSSLESS_FILES } from '../manifest.js';
import { ComposerError } from '../errors.js';
import { packageSong } from '../../station/hls-package.js';
import { ANNOUNCER_VOICES } from './words.js';

export interface AnnouncementRequest {
  text: string;
  language: Language;
  /** Pitch class (0 = C) of the bed's home chord, so IDs in a row do not all sound alike. */
  tonic?: number;
}

export interface ComposedAnnouncement {
  durationSec: number;
}

export interface ComposeAnnouncementOptions {
  /** Keep the WAV the package was made from (KEEP_WAV). */
  keepWav?: boolean;
}

/** A soft bed: a pad holding the home chord, a bell arpeggio on top, fading out. */
function bedScore(seconds: number, tonic: number): Score {
  const chord = chordOf({ degree: 0, quality: 'add9' }, tonic);
  const pad: InstrumentTrack = { name: 'Pad', program: 89, channel: 0, volume: 90, pan: 64, reverb: 80, notes: voicing(chord, 52).map((pitch) => ({ pitch, start: 0, duration: seconds, velocity: 70 })) };
  const bell: InstrumentTrack = { name: 'Bell', program: 10, channel: 1, volume: 80, pan: 70, reverb: 90, notes: voicing(chord, 72).map((pitch, i) => ({ pitch, start: i * 0.25, duration: 1.5, velocity: 60 })) };
  return { tempo: 120, meter: [4, 4], key: { tonic, mode: 'major', name: '' }, chords: [], sections: [], tracks: [pad, bell], vocals: [], durationSec: seconds };
}

function fadeOut(audio: Audio, seconds: number): void {
  const n = Math.round(seconds * audio.sampleRate);
  for (const ch of audio.channels) {
    const start = Math.max(0, ch.length - n);
    for (let i = start; i < ch.length; i++) ch[i] = ch[i]! * ((ch.length - i) / n);
  }
}

/** Speaks the text over a bed, masters it, and packages it into `outDir` (hls/, like a song). */
export async function composeAnnouncement(request: AnnouncementRequest, outDir: string, options: ComposeAnnouncementOptions = {}): Promise<ComposedAnnouncement> {
  const text = request.text.trim();
  if (!text) throw new ComposerError('invalid-request', 'an announcement needs words to speak');
  const voiceName = ANNOUNCER_VOICES[request.language];
  if (!voiceName) throw new ComposerError('invalid-request', `no announcer speaks "${String(request.language)}"`);
  const spoken = await speak(text, { voice: voiceName, pitch: 45, rate: 160, range: 40 });
  const lead = 0.6;
  const voice = upsample2x(spoken.samples);
  const seconds = lead + voice.length / SAMPLE_RATE + 1.2;
  const mono = new Float32Array(Math.ceil(seconds * SAMPLE_RATE));
  mono.set(voice, Math.round(lead * SAMPLE_RATE));
  const bed = await renderAccompaniment(bedScore(seconds, ((request.tonic ?? 0) % 12 + 12) % 12));
  fadeOut(bed, 1.0);
  const mastered = masterSong({ sampleRate: SAMPLE_RATE, channels: [mono] }, bed, { vocalGainDb: 4 });
  await mkdir(outDir, { recursive: true });
  const wav = join(outDir, LOSSLESS_FILES.master);
  await writeFile(wav, encodeWav(mastered.song));
  try {
    const packaged = await packageSong(outDir, LOSSLESS_FILES.master);
    return { durationSec: packaged.durationSec };
  } finally {
    if (!options.keepWav) await rm(wav, { force: true });
  }
}
