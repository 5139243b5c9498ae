// The compressed forms a song folder keeps instead of WAV (16.7 MB per stem per 95 s song): the master
// the TV plays on demand and the share page offers, the karaoke track, and the sung line the song
// check reads again. Bit rates are chosen so that a song of average length, HLS package included,
// stays under 5 MB; the vocal stem is heard by no one (only pitch-tracked), so it is small mono Opus.
import ffmpeg from 'fluent-ffmpeg';
import { aacArgs, EncodeError, ffmpegPath } from './encode-aac.js';

export type StoredForm = 'master' | 'karaoke' | 'vocals';

/** ffmpeg output options for each stored form. Pure, and pinned by a unit test. */
export function storedFormArgs(form: StoredForm): string[] {
  const common = [
    '-nostdin',
    '-map', '0:a:0',
    '-map_metadata', '-1', // equal audio in, equal bytes out
    '-fflags', '+bitexact', // no version string, creation time or random Ogg serial
    '-flags:a', '+bitexact',
  ];
  switch (form) {
    case 'vocals':
      return [...common, '-c:a', 'libopus', '-b:a', '12k', '-ac', '1', '-application', 'audio', '-f', 'opus'];
    case 'karaoke':
      // AAC-LC in .m4a plays wherever song.m4a does (the TV's <audio>, every browser).
      return [...common, '-c:a', 'aac', '-profile:a', 'aac_low', '-b:a', '48k', '-ar', '44100', '-ac', '2', '-movflags', '+faststart', '-f', 'ipod'];
    case 'master':
      return aacArgs();
  }
}

export function encodeStoredForm(wavPath: string, outPath: string, form: StoredForm): Promise<void> {
  return new Promise((resolve, reject) => {
    ffmpeg(wavPath)
      .setFfmpegPath(ffmpegPath())
      .outputOptions(storedFormArgs(form))
      .output(outPath)
      .on('error', (error: Error, _stdout: string | null, stderr: string | null) => {
        const detail = (stderr ?? '').trim().split('\n').slice(-3).join(' | ');
        reject(new EncodeError(`ffmpeg could not encode ${wavPath} (${form}): ${error.message}${detail ? ` (${detail})` : ''}`, error));
      })
      .on('end', () => resolve())
      .run();
  });
}
