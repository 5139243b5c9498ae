// The lyric video a sender can post: 1080×1920 H.264 with the song's own AAC, the cover over a
// blurred copy of itself, the title and both names, and the words lit in time with the singing.
// Made with the ffmpeg the project ships (libass draws the words), in a scratch folder next to the
// song, then moved into place whole; made once per song (lyric-videos.ts decides when).
import { mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ffmpeg from 'fluent-ffmpeg';
import { SONG_FILES } from '../composer/manifest.js';
import { coverFileIn } from '../composer/cover-file.js';
import { ffmpegPath } from '../composer/master/encode-aac.js';
import { stringsFor } from '../http/page-strings.js';
import { COVER_BOX, VIDEO_HEIGHT, VIDEO_WIDTH, lyricVideoAss, sungLines } from './lyric-video-ass.js';

export const VIDEO_FILE = 'video.mp4';
/** Frames per second: enough for a smooth word sweep; a still picture costs x264 almost nothing per frame. */
export const VIDEO_FPS = 15;

export class VideoError extends Error {
  readonly code = 'video-failed';
  constructor(message: string) {
    super(message);
    this.name = 'VideoError';
  }
}

/** What the video shows of a song (from its song.json). */
export interface VideoSong {
  title: string;
  language: string;
  durationSec: number;
  to: string;
  from: string | null;
}

const require = createRequire(import.meta.url);
// Pretendard as WOFF (FreeType reads WOFF; this ffmpeg's cannot read WOFF2): Latin and Hangul, two weights.
const FONT_FILES = ['pretendard-latin-400-normal.woff', 'pretendard-latin-700-normal.woff'];
const fontPackageDir = (): string => dirname(require.resolve(`@fontsource/pretendard/files/${FONT_FILES[0]}`));

/**
 * The picture, painted once and repeated: the cover blurred to fill the frame and darkened, the cover
 * itself on top, turned into yuv420p before the repeat (so no frame is converted again), then the words
 * drawn by libass on each frame. Only the words change; x264's still-image tuning spends little on the rest.
 */
export function videoFilter(): string {
  const { x, y, size } = COVER_BOX;
  return [
    '[0:v]split[a][b]',
    `[a]scale=${VIDEO_HEIGHT}:${VIDEO_HEIGHT},boxblur=40:2,eq=brightness=-0.22:saturation=1.1,crop=${VIDEO_WIDTH}:${VIDEO_HEIGHT}[bg]`,
    `[b]scale=${size}:${size}[fg]`,
    `[bg][fg]overlay=${x}:${y},format=yuv420p,loop=loop=-1:size=1:start=0,setpts=N/(${VIDEO_FPS}*TB),ass=lyrics.ass:fontsdir=fonts[v]`,
  ].join(';');
}

/** ffmpeg output options (a pure function, pinned by a test). Input 0 is the cover, input 1 the song's AAC. */
export function videoArgs(durationSec: number): string[] {
  return [
    '-nostdin',
    '-filter_complex', videoFilter(),
    '-map', '[v]',
    '-map', '1:a:0',
    '-c:v', 'libx264',
    '-preset', 'veryfast',
    '-tune', 'stillimage',
    '-crf', '23',
    '-r', String(VIDEO_FPS),
    '-g', String(VIDEO_FPS * 4), // a keyframe every 4 s: seeking in a player stays quick
    '-profile:v', 'high',
    '-c:a', 'copy', // the song's own AAC, untouched: the video sounds exactly like the song
    '-t', durationSec.toFixed(3),
    '-movflags', '+faststart', // playable while it downloads, and previewable in a share sheet
    '-f', 'mp4',
  ];
}

const run = (command: ffmpeg.FfmpegCommand, what: string): Promise<void> =>
  new Promise((resolve, reject) => {
    command
      .on('error', (error: Error, _out: string | null, stderr: string | null) => {
        const detail = (stderr ?? '').trim().split('\n').slice(-2).join(' | ');
        reject(new VideoError(`${what}: ${error.message}${detail ? ` (${detail})` : ''}`));
      })
      .on('end', () => resolve())
      .run();
  });

/** Makes `<songDir>/video.mp4` from the song's cover, words and audio. */
export async function makeLyricVideo(songDir: string, song: VideoSong): Promise<string> {
  const work = await mkdtemp(join(songDir, '.video-'));
  try {
    const strings = stringsFor(song.language);
    const vtt = await readFile(join(songDir, SONG_FILES.lyrics), 'utf8');
    await writeFile(
      join(work, 'lyrics.ass'),
      lyricVideoAss({ title: song.title, forLine: strings.songFor(song.to), fromLine: song.from ? strings.fromWho(song.from) : null, footer: 'Radio Optimism', lines: sungLines(vtt), durationSec: song.durationSec }),
    );
    await mkdir(join(work, 'fonts'));
    for (const file of FONT_FILES) await symlink(join(fontPackageDir(), file), join(work, 'fonts', file));
    await run(
      ffmpeg({ cwd: work })
        .setFfmpegPath(ffmpegPath())
        .input(join(songDir, coverFileIn(songDir)))
        .input(join(songDir, SONG_FILES.stream))
        .outputOptions(videoArgs(song.durationSec))
        .output(join(work, VIDEO_FILE)),
      'could not make the lyric video',
    );
    // Moved into place whole: a reader never sees half a video.
    const out = join(songDir, VIDEO_FILE);
    await rename(join(work, VIDEO_FILE), out);
    return out;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
