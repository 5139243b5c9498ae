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
import { singSong, withHarmony } from './sing/sing-song.js';
import { chooseVoice } from './sing/voice.js';
import { renderAccompaniment } from './render/render.js';
import { masterSong } from './master/master.js';
import { encodeWav } from './master/wav.js';
import { encodeAac } from './master/encode-aac.js';
import { encodeStoredForm } from './master/encode-audio.js';
import { packageSong } from '../station/hls-package.js';
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
}

export interface ComposedSong {
  manifest: SongManifest;
  /** Wall time per stage in ms (stages that overlap each count their own time). */
  timings: Partial<Record<Stage, number>>;
}

export async function composeSong(request: SongRequest, seed: number, outDir: string, options: ComposeSongOptions = {}): Promise<ComposedSong> {
  const timings: Partial<Record<Stage, number>> = {};
  const run = async <T>(stage: Stage, work: () => T | Promise<T>): Promise<T> => {
    options.onStage?.({ stage, phase: 'start' });
    const started = performance.now();
    try {
      const result = await work();
      timings[stage] = performance.now() - started;
      options.onStage?.({ stage, phase: 'done', ms: timings[stage] });
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

  // The band renders on worker threads while the voice sings here and the cover paints.
  const rendering = run('render', () => renderAccompaniment(score));
  const painting = run('cover', () =>
    paintCover({ title: lyrics.title, recipient: meaning.recipient, ...(meaning.sender ? { sender: meaning.sender } : {}), genre: request.genre, vibe: request.vibe, theme: meaning.theme, language: request.language, seed }),
  );
  const respell = request.soundsLike ? { respell: { name: request.to, as: request.soundsLike } } : {};
  const voiceChoice = request.voice ? { voice: request.voice } : {};
  const singing = run('sing', () => singSong({ language: request.language, vocals: score.vocals, lines, durationSec: score.durationSec, seed, ...voiceChoice, ...respell }, score.harmony));
  // The raw voice and band live only inside this call: once mastered, their memory can go.
  const mastered = await Promise.all([singing, rendering]).then(([voice, band]) => run('master', () => masterSong(voice.lead, withHarmony(band, voice.harmony), {})));

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
  // HLS is packaged here, from the lossless master, so the station never packages a second-generation copy.
  const encoding = run('encode', () =>
    Promise.all([
      encodeAac(lossless.master, join(outDir, SONG_FILES.stream)),
      encodeStoredForm(lossless.accompaniment, join(outDir, SONG_FILES.accompaniment), 'karaoke'),
      encodeStoredForm(lossless.vocals, join(outDir, SONG_FILES.vocals), 'vocals'),
      packageSong(outDir, LOSSLESS_FILES.master),
    ]),
  );
  const cover = await painting;
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
