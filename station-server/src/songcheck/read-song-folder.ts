// A song folder on disk, read into the evidence the song check measures. A missing or unreadable
// file is a typed error that names the file and says what is wrong with it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ToneMidi from '@tonejs/midi';
import { decodeWav } from '../composer/master/wav.js';
import { SONG_FILES } from '../composer/manifest.js';
import { cuesFromVtt } from '../http/vtt-lines.js';
import type { SongEvidence } from './check-song.js';
import { pngSize } from './png-size.js';

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

export async function readSongFolder(dir: string): Promise<SongEvidence> {
  const files = ['song.json', SONG_FILES.master, SONG_FILES.vocals, SONG_FILES.score, SONG_FILES.lyrics, SONG_FILES.cover] as const;
  const bytes = await Promise.all(
    files.map((name) =>
      readFile(join(dir, name)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') throw new SongFolderError('missing-file', name, `${name} is missing from ${dir}`);
        throw new SongFolderError('unreadable-file', name, `${name} in ${dir} cannot be read (${error.code ?? error.message})`);
      }),
    ),
  );
  const [json, master, vocals, score, lyrics, cover] = bytes as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
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
  const size = pngSize(cover);
  if (!size) throw new SongFolderError('unreadable-file', SONG_FILES.cover, `${SONG_FILES.cover} in ${dir} is not a PNG`);
  return {
    master: parse(SONG_FILES.master, () => decodeWav(master)),
    vocals: parse(SONG_FILES.vocals, () => decodeWav(vocals)),
    vocalNotes: parse(SONG_FILES.score, () => vocalNotesFromMidi(score)),
    cues: cuesFromVtt(lyrics.toString('utf8')),
    recipient: typeof request?.to === 'string' ? request.to : undefined,
    manifest,
    cover: size,
  };
}
