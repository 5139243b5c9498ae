// song.wav -> song.m4a (AAC-LC, 96 kb/s, 44.1 kHz stereo: the stored master, see encode-audio.ts) with the ffmpeg binary shipped inside npm.
// fluent-ffmpeg spawns ffmpeg directly (child_process.spawn, no shell), so paths need no quoting.
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import ffmpeg from 'fluent-ffmpeg';

export class EncodeError extends Error {
  readonly code = 'encode-failed';
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'EncodeError';
  }
}

/** ffmpeg output options for the streaming AAC file. Pure, and pinned by a unit test. */
export function aacArgs(): string[] {
  return [
    '-nostdin', // never wait on stdin (a server has none to give)
    '-map', '0:a:0', // the audio stream only
    '-map_metadata', '-1', // no tags carried over from the WAV: equal audio in, equal bytes out
    '-c:a', 'aac',
    '-profile:a', 'aac_low', // AAC-LC: plays on every TV, browser (MSE) and hls.js
    '-b:a', '96k',
    '-ar', '44100',
    '-ac', '2',
    '-fflags', '+bitexact', // the muxer writes no version string or creation time
    '-flags:a', '+bitexact', // the encoder writes no version string either
    '-movflags', '+faststart', // moov atom first, so playback starts before the file is fully read
    '-f', 'ipod', // the .m4a flavour of MP4, named rather than guessed from the extension
  ];
}

export function ffmpegPath(): string {
  return ffmpegInstaller.path;
}

export function encodeAac(wavPath: string, outPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    ffmpeg(wavPath)
      .setFfmpegPath(ffmpegPath())
      .outputOptions(aacArgs())
      .output(outPath)
      .on('error', (error: Error, _stdout: string | null, stderr: string | null) => {
        const detail = (stderr ?? '').trim().split('\n').slice(-3).join(' | ');
        reject(new EncodeError(`ffmpeg could not encode ${wavPath} to AAC: ${error.message}${detail ? ` (${detail})` : ''}`, error));
      })
      .on('end', () => resolve())
      .run();
  });
}
