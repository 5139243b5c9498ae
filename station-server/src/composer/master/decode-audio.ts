// Any audio file ffmpeg reads (the stored .m4a and .opus forms, or an old folder's WAV) back into PCM,
// so the song check measures a stored song exactly as it measures one in memory.
import { spawn } from 'node:child_process';
import { ffmpegPath } from './encode-aac.js';
import { SAMPLE_RATE, type Audio } from '../types.js';

export class DecodeError extends Error {
  readonly code = 'decode-failed';
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** Decodes `path` to 44.1 kHz stereo float PCM. */
export function decodeAudioFile(path: string): Promise<Audio> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), ['-nostdin', '-v', 'error', '-i', path, '-map', '0:a:0', '-f', 'f32le', '-acodec', 'pcm_f32le', '-ar', String(SAMPLE_RATE), '-ac', '2', 'pipe:1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => reject(new DecodeError(`ffmpeg could not start: ${error.message}`)));
    child.on('close', (code) => {
      const why = stderr.trim().split('\n').pop()?.replace(/^.*?: /, '') ?? '';
      if (code !== 0) return reject(new DecodeError(why || `ffmpeg exited with code ${code}`));
      const bytes = Buffer.concat(chunks);
      const frames = Math.floor(bytes.length / 8);
      if (frames === 0) return reject(new DecodeError('no audio in it'));
      const left = new Float32Array(frames);
      const right = new Float32Array(frames);
      for (let i = 0; i < frames; i++) {
        left[i] = bytes.readFloatLE(i * 8);
        right[i] = bytes.readFloatLE(i * 8 + 4);
      }
      resolve({ sampleRate: SAMPLE_RATE, channels: [left, right] });
    });
  });
}
