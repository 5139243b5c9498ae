// The composer pipeline: wires the stages, runs independent ones side by side (the band renders on
// worker threads while the voice sings on this one and the cover paints), and writes the song folder.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SongRequest } from '@radio-optimism/shared';
import { understand } from './understand/understand.js';
import { writeLyrics } from './lyrics/lyrics.js';
import { lyricsFromText } from './lyrics/own-words.js';
import { compose } from './compose/compose.js';
import { scoreToMidi } from './compose/midi.js';
import { chooseVoice } from './sing/voice.js';
import type { MasteredSong } from './master/master.js';
import { makeInParts, type PartEvent } from './in-parts/make-in-parts.js';
import type { CoverImages } from './types.js';
import { encodeWav } from './master/wav.js';
import { encodeAac } from './master/encode-aac.js';
import { encodeStoredForm } from './master/encode-audio.js';
import { startHlsStream } from '../station/hls-stream.js';
import { paintCover } from './cover/cover.js';
import { writeVtt } from './timed-lyrics/vtt.js';
import { ComposerError } from './errors.js';
import { LOSSLESS_FILES, SONG_FILES, type SongManifest } from './manifest.js';
import { checkSong, describeFailures } from '../songcheck/check-song.js';
import { ownWordsMayLeaveOutTheName } from './lyrics/own-words-check.js';
import { imageSize } from '../songcheck/image-size.js';
import { cuesFromVtt } from '../http/vtt-lines.js';

export { draftLyrics } from './draft-lyrics.js';
export { spokenName } from './spoken-name.js';
export type { PartEvent } from './in-parts/make-in-parts.js';

export const STAGES = ['understand', 'lyrics', 'compose', 'sing', 'render', 'master', 'cover', 'encode', 'check'] as const;
export type Stage = (typeof STAGES)[number];

export interface StageEvent {
  stage: Stage;
  /** 'start' when the stage begins, 'done' when it ends, with its wall time. */
  phase: 'start' | 'done';
  ms?: number;
}

export interface ComposeSongOptions {
  /** Called as each stage starts and ends, for progress bars and the phone's stage list. */
  onStage?: (event: StageEvent) => void;
  /** Keep song.wav, vocals.wav and accompaniment.wav for debugging (KEEP_WAV); by default they are deleted. */
  keepWav?: boolean;
  /** Called once the song's first part is packaged: `hls/<rendition>/index.m3u8` lists its first
   *  segments (an EVENT playlist that grows until the song is complete). */
  onPlayable?: (song: PlayableSong) => void;
  /** Called as each part of the song is made and as it is written to the stream. */
  onPart?: (event: PartEvent) => void;
}

/** What is known of a song once its first part can be played. */
export interface PlayableSong {
  title: string;
  durationSec: number;
}

export interface ComposedSong {
  manifest: SongManifest;
  /** Wall time per stage in ms (stages that overlap each count their own time). */
  timings: Partial<Record<Stage, number>>;
}

export async function composeSong(request: SongRequest, seed: number, outDir: string, options: ComposeSongOptions = {}): Promise<ComposedSong> {
  const timings: Partial<Record<Stage, number>> = {};
  // A stage may run more than once (once per part): its time adds up.
  const run = async <T>(stage: Stage, work: () => T | Promise<T>): Promise<T> => {
    options.onStage?.({ stage, phase: 'start' });
    const started = performance.now();
    try {
      const result = await work();
      const ms = performance.now() - started;
      timings[stage] = (timings[stage] ?? 0) + ms;
      options.onStage?.({ stage, phase: 'done', ms });
      return result;
    } catch (error) {
      if (error instanceof ComposerError) throw error;
      throw new ComposerError('stage-failed', `the ${stage} stage failed: ${error instanceof Error ? error.message : String(error)}`, stage, error);
    }
  };

  await mkdir(outDir, { recursive: true });
  const meaning = await run('understand', () => understand(request));
  // The sender's own words when they wrote some, else the writer's.
  const lyrics = await run('lyrics', () => (request.lyrics !== undefined ? lyricsFromText(request.lyrics, meaning) : writeLyrics(meaning, { genre: request.genre, vibe: request.vibe, seed })));
  const singer = chooseVoice(request.language, seed, request.voice);
  const score = await run('compose', () => compose(lyrics, { genre: request.genre, vibe: request.vibe, seed, register: singer.register }));
  const lines = lyrics.sections.flatMap((s) => s.lines);
  const respell = request.soundsLike ? { respell: { name: request.to, as: request.soundsLike } } : {};
  const voiceChoice = request.voice ? { voice: request.voice } : {};
  const singInput = { language: request.language, vocals: score.vocals, lines, durationSec: score.durationSec, seed, ...voiceChoice, ...respell };

  // Made a part at a time (see in-parts/make-in-parts.ts): each part is rendered, sung, mastered and
  // written to the song's stream before the next is begun, so the song plays while the rest is made.
  const stream = await startHlsStream(outDir);
  let painting: Promise<CoverImages> | undefined;
  let mastered: MasteredSong;
  try {
    mastered = await makeInParts({
      score,
      singInput,
      stream,
      run,
      ...(options.onPart ? { onPart: options.onPart } : {}),
      afterFirstPart: async () => {
        if (options.onPlayable && (await stream.listed(1))) options.onPlayable({ title: lyrics.title, durationSec: Math.round(score.durationSec * 1000) / 1000 });
        // The cover paints now, beside the rest, so it does not hold the first part back.
        painting = run('cover', () =>
          paintCover({ title: lyrics.title, recipient: meaning.recipient, ...(meaning.sender ? { sender: meaning.sender } : {}), genre: request.genre, vibe: request.vibe, theme: meaning.theme, language: request.language, seed }),
        );
        painting.catch(() => undefined);
      },
    });
  } catch (error) {
    stream.abort();
    throw error;
  }
  // The last part is in the encoder: it finishes while the stored forms are written and encoded beside it.
  const packaging = run('encode', () => stream.end());
  packaging.catch(() => stream.abort());

  // The lossless forms live only until the stored ones are made from them (see LOSSLESS_FILES).
  const lossless = { master: join(outDir, LOSSLESS_FILES.master), vocals: join(outDir, LOSSLESS_FILES.vocals), accompaniment: join(outDir, LOSSLESS_FILES.accompaniment) };
  const vtt = writeVtt(lines, score.vocals);
  await Promise.all([
    writeFile(lossless.master, encodeWav(mastered.song)),
    writeFile(lossless.vocals, encodeWav(mastered.vocals)),
    writeFile(lossless.accompaniment, encodeWav(mastered.accompaniment)),
    writeFile(join(outDir, SONG_FILES.score), scoreToMidi(score, lyrics.title)),
    writeFile(join(outDir, SONG_FILES.lyrics), vtt),
  ]);
  // The stored forms are made from the lossless master; the HLS package was made as the song was.
  const encoding = run('encode', () =>
    Promise.all([
      encodeAac(lossless.master, join(outDir, SONG_FILES.stream)),
      encodeStoredForm(lossless.accompaniment, join(outDir, SONG_FILES.accompaniment), 'karaoke'),
      encodeStoredForm(lossless.vocals, join(outDir, SONG_FILES.vocals), 'vocals'),
      packaging,
    ]),
  );
  const cover = await painting!;
  const writingCover = Promise.all([writeFile(join(outDir, SONG_FILES.cover), cover.large), writeFile(join(outDir, SONG_FILES.coverSmall), cover.small)]);

  const durationSec = mastered.song.channels[0]!.length / mastered.song.sampleRate;
  // The quality gate runs on what is written (the cues as the VTT holds them) while ffmpeg encodes.
  const check = await run('check', () =>
    checkSong({
      master: mastered.song,
      vocals: mastered.vocals,
      vocalNotes: score.vocals.map((n) => ({ pitch: n.pitch, start: n.start, end: n.start + n.duration })),
      cues: cuesFromVtt(vtt),
      recipient: request.to,
      manifest: { durationSec, language: request.language, genre: request.genre, vibe: request.vibe },
      cover: imageSize(cover.large) ?? { width: 0, height: 0 },
    }),
  );
  ownWordsMayLeaveOutTheName(check, request);
  await Promise.all([writingCover, encoding]);
  if (!options.keepWav) await Promise.all(Object.values(lossless).map((path) => rm(path, { force: true })));
  const manifest: SongManifest = {
    title: lyrics.title,
    durationSec: Math.round(durationSec * 1000) / 1000,
    language: request.language,
    genre: request.genre,
    vibe: request.vibe,
    theme: meaning.theme,
    tempo: score.tempo,
    key: score.key.name,
    meter: `${score.meter[0]}/${score.meter[1]}`,
    seed,
    ...(singer.name ? { voice: singer.name } : {}),
    request: { ...request, seed },
    lyrics: lyrics.sections,
    sections: score.sections.map((s) => ({ kind: s.kind, start: round3(s.start), end: round3(s.end) })),
    loudness: { integratedLufs: round3(mastered.lufs), samplePeakDbfs: round3(mastered.peakDbfs) },
    check,
    files: SONG_FILES,
  };
  await writeFile(join(outDir, 'song.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // A song that falls short never goes on air; its folder stays for whoever wants to look.
  if (!check.passed) throw new ComposerError('below-standard', `the song falls short of the song check: ${describeFailures(check)}`, 'check');
  return { manifest, timings };
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
