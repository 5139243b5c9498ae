// A song folder on disk, read into the evidence the song check measures. A missing or unreadable
// file is a typed error that names the file and says what is wrong with it.
import { existsSync } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ToneMidi from '@tonejs/midi';
import { decodeAudioFile } from '../composer/master/decode-audio.js';
import { LOSSLESS_FILES, SONG_FILES } from '../composer/manifest.js';
import type { Audio } from '../composer/types.js';
import { cuesFromVtt } from '../http/vtt-lines.js';
import type { SongEvidence } from './check-song.js';
import { imageSize } from './image-size.js';
import { coverFileIn } from '../composer/cover-file.js';

export class SongFolderError extends Error {
  constructor(
    readonly code: 'missing-file' | 'unreadable-file',
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'SongFolderError';
  }
}

/** The sung line is the score's track named "Vocals" (the song folder contract). */
export const VOCALS_TRACK = /^vocals?$/i;

export function vocalNotesFromMidi(midi: Buffer): SongEvidence['vocalNotes'] {
  const track = new ToneMidi.Midi(midi).tracks.find((t) => VOCALS_TRACK.test(t.name.trim()));
  return track?.notes.map((n) => ({ pitch: n.midi, start: n.time, end: n.time + n.duration }));
}

/** A stem as stored (compressed), or its WAV where an older or KEEP_WAV folder still holds one. */
function audioFile(dir: string, stored: string, wav: string): string {
  return existsSync(join(dir, wav)) ? wav : stored;
}

export async function readSongFolder(dir: string): Promise<SongEvidence> {
  const coverFile = coverFileIn(dir);
  const files = ['song.json', SONG_FILES.score, SONG_FILES.lyrics, coverFile] as const;
  const unreadable = (name: string) => (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new SongFolderError('missing-file', name, `${name} is missing from ${dir}`);
    throw new SongFolderError('unreadable-file', name, `${name} in ${dir} cannot be read (${error.code ?? error.message})`);
  };
  const bytes = await Promise.all(files.map((name) => readFile(join(dir, name)).catch(unreadable(name))));
  const [json, score, lyrics, cover] = bytes as [Buffer, Buffer, Buffer, Buffer];
  const parse = <T>(name: string, read: () => T): T => {
    try {
      return read();
    } catch (error) {
      throw new SongFolderError('unreadable-file', name, `${name} in ${dir} is not valid: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const manifest = parse('song.json', () => JSON.parse(json.toString('utf8')) as Record<string, unknown>);
  if (typeof manifest !== 'object' || manifest === null) throw new SongFolderError('unreadable-file', 'song.json', `song.json in ${dir} is not a JSON object`);
  const request = manifest.request as { to?: unknown } | undefined;
  const size = imageSize(cover);
  if (!size) throw new SongFolderError('unreadable-file', coverFile, `${coverFile} in ${dir} is neither a JPEG nor a PNG`);
  // One file at a time: a decoded song is tens of MB of PCM.
  const decode = async (name: string): Promise<Audio> => {
    await access(join(dir, name)).catch(unreadable(name));
    try {
      return await decodeAudioFile(join(dir, name));
    } catch (error) {
      throw new SongFolderError('unreadable-file', name, `${name} in ${dir} is not valid: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const masterFile = audioFile(dir, SONG_FILES.master, LOSSLESS_FILES.master);
  const master = await decode(masterFile);
  const vocals = await decode(audioFile(dir, SONG_FILES.vocals, LOSSLESS_FILES.vocals));
  return {
    master,
    ...(masterFile === SONG_FILES.master ? { lossyMaster: true } : {}),
    vocals,
    vocalNotes: parse(SONG_FILES.score, () => vocalNotesFromMidi(score)),
    cues: cuesFromVtt(lyrics.toString('utf8')),
    recipient: typeof request?.to === 'string' ? request.to : undefined,
    manifest,
    cover: size,
  };
}
