// RIFF/WAVE: integer PCM out (16 or 24 bit), PCM or float in. No dither, so equal audio gives equal bytes.
import { endianness } from 'node:os';
import type { Audio } from '../types.js';

const LITTLE_ENDIAN = endianness() === 'LE';

export class WavError extends Error {
  readonly code = 'invalid-wav';
  constructor(message: string) {
    super(message);
    this.name = 'WavError';
  }
}

export function encodeWav(audio: Audio, bits: 16 | 24 = 16): Buffer {
  const channels = audio.channels;
  const count = channels.length;
  if (count === 0) throw new WavError('cannot write a WAV with no channels');
  const frames = channels[0]!.length;
  if (channels.some((c) => c.length !== frames)) throw new WavError('all channels must have the same length');
  const bytes = bits / 8;
  const dataSize = frames * count * bytes;
  const arrayBuffer = new ArrayBuffer(44 + dataSize);
  const out = Buffer.from(arrayBuffer);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + dataSize, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20); // integer PCM
  out.writeUInt16LE(count, 22);
  out.writeUInt32LE(audio.sampleRate, 24);
  out.writeUInt32LE(audio.sampleRate * count * bytes, 28);
  out.writeUInt16LE(count * bytes, 32);
  out.writeUInt16LE(bits, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataSize, 40);
  const full = bits === 16 ? 32768 : 8388608;
  const quantise = (x: number): number => Math.max(-full, Math.min(full - 1, Math.round(x * full)));
  if (bits === 16 && LITTLE_ENDIAN) {
    // A typed view is many times faster than writeInt16LE per sample (a song is millions of samples).
    const view = new Int16Array(arrayBuffer, 44, frames * count);
    for (let c = 0; c < count; c++) {
      const channel = channels[c]!;
      for (let i = 0, j = c; i < frames; i++, j += count) {
        const v = Math.round(channel[i]! * 32768);
        view[j] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
      }
    }
    return out;
  }
  let offset = 44;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < count; c++) {
      const v = quantise(channels[c]![i]!);
      if (bits === 16) out.writeInt16LE(v, offset);
      else out.writeIntLE(v, offset, 3);
      offset += bytes;
    }
  }
  return out;
}

export function decodeWav(buf: Buffer): Audio {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') throw new WavError('not a RIFF/WAVE file');
  let offset = 12;
  let fmt: { format: number; channels: number; sampleRate: number; bits: number } | undefined;
  let data: { start: number; size: number } | undefined;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('ascii', offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      let format = buf.readUInt16LE(body);
      if (format === 0xfffe) format = buf.readUInt16LE(body + 24); // WAVE_FORMAT_EXTENSIBLE: the real format is in the GUID
      fmt = { format, channels: buf.readUInt16LE(body + 2), sampleRate: buf.readUInt32LE(body + 4), bits: buf.readUInt16LE(body + 14) };
    } else if (id === 'data') {
      data = { start: body, size: Math.min(size, buf.length - body) };
    }
    offset = body + size + (size % 2);
  }
  if (!fmt || !data) throw new WavError('the WAV has no fmt or data chunk');
  const { format, channels, sampleRate, bits } = fmt;
  if (channels < 1) throw new WavError('the WAV has no channels');
  const read = sampleReader(buf, format, bits);
  const bytes = bits / 8;
  const frames = Math.floor(data.size / (bytes * channels));
  const out = Array.from({ length: channels }, () => new Float32Array(frames));
  let p = data.start;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++) {
      out[c]![i] = read(p);
      p += bytes;
    }
  }
  return { sampleRate, channels: out };
}

function sampleReader(buf: Buffer, format: number, bits: number): (offset: number) => number {
  if (format === 1 && bits === 16) return (p) => buf.readInt16LE(p) / 32768;
  if (format === 1 && bits === 24) return (p) => buf.readIntLE(p, 3) / 8388608;
  if (format === 1 && bits === 32) return (p) => buf.readInt32LE(p) / 2147483648;
  if (format === 1 && bits === 8) return (p) => (buf.readUInt8(p) - 128) / 128;
  if (format === 3 && bits === 32) return (p) => buf.readFloatLE(p);
  if (format === 3 && bits === 64) return (p) => buf.readDoubleLE(p);
  throw new WavError(`unsupported WAV sample format ${format} with ${bits} bits`);
}
