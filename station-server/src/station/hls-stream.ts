// Packages a song while it is being made: one ffmpeg reads the master as raw PCM on its stdin, a part at
// a time, and writes the same two renditions as `packageSong`, as growing EVENT playlists (each segment
// is written under a temporary name and renamed once whole, then listed). One encoder for the whole
// song means no encoder seam where the parts meet. When the song is complete the playlists say VOD,
// as a song packaged in one go does, and `segments.json` is written: the folder contract is unchanged.
// ffmpeg rewrites an EVENT playlist in place (truncate, then write), so a reader could catch it empty
// or cut short: it writes ENCODER_PLAYLIST, and `index.m3u8` is replaced whole (write, rename) from it,
// only ever with more segments, so a player, the station and an upload never see a torn playlist.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import { PACKAGE_DIR, RENDITIONS, indexPackage, parseMediaPlaylist, renditionOptions, type PackagedAudio } from './hls-package.js';

export const EVENT_TYPE_LINE = '#EXT-X-PLAYLIST-TYPE:EVENT';
export const VOD_TYPE_LINE = '#EXT-X-PLAYLIST-TYPE:VOD';
/** The playlist ffmpeg itself rewrites while the song grows (beside `index.m3u8`, gone when whole). */
export const ENCODER_PLAYLIST = 'encoder.m3u8';
/** How often the published playlists catch up with the encoder's. */
const PUBLISH_EVERY_MS = 100;

export interface HlsStream {
  /** Appends frames [from, to) of a stereo master (44.1 kHz floats) to the stream. */
  write(channels: readonly Float32Array[], from: number, to: number): Promise<void>;
  /** Resolves true once every rendition lists at least `count` segments; false if the encoder stopped first. */
  listed(count: number): Promise<boolean>;
  /** Ends the stream: waits for the encoder, marks the playlists VOD, writes `segments.json`. */
  end(): Promise<PackagedAudio>;
  /** Stops the encoder (the song failed); what it wrote stays for the caller to remove. */
  abort(): void;
}

/** The ffmpeg arguments: raw 16-bit stereo in, each rendition as a growing EVENT playlist out. */
export function streamArguments(root: string): string[] {
  const args = ['-hide_banner', '-loglevel', 'error', '-f', 's16le', '-ar', '44100', '-ac', '2', '-i', 'pipe:0'];
  for (const r of RENDITIONS) {
    const dir = join(root, r.name);
    const options = renditionOptions(dir, r.bitrate).map((o, i, all) => (all[i - 1] === '-hls_playlist_type' ? 'event' : o));
    args.push(...options, '-hls_flags', 'temp_file', join(dir, ENCODER_PLAYLIST));
  }
  return args;
}

/** Frames [from, to) as interleaved 16-bit little-endian PCM, rounded as `encodeWav` rounds. */
export function pcm16(channels: readonly Float32Array[], from: number, to: number): Buffer {
  const frames = Math.max(0, to - from);
  const out = new Int16Array(frames * 2);
  for (let c = 0; c < 2; c++) {
    const x = channels[Math.min(c, channels.length - 1)]!;
    for (let i = 0, j = c; i < frames; i++, j += 2) {
      const v = Math.round((x[from + i] ?? 0) * 32768);
      out[j] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
    }
  }
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

export async function startHlsStream(songDir: string): Promise<HlsStream> {
  const root = join(songDir, PACKAGE_DIR);
  await Promise.all(RENDITIONS.map((r) => mkdir(join(root, r.name), { recursive: true })));
  const child: ChildProcessWithoutNullStreams = spawn(ffmpegInstaller.path, streamArguments(root), { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + String(d)).slice(-2000);
  });
  child.stdout.resume();
  let exited = false;
  const exit = new Promise<number | null>((resolve) => {
    child.once('close', (code) => {
      exited = true;
      resolve(code);
    });
    child.once('error', (error) => {
      stderr += error.message;
      exited = true;
      resolve(-1);
    });
  });
  // A closed pipe shows up as a failed write, then as the exit code; never as an unhandled error.
  child.stdin.on('error', () => undefined);
  const failure = () => new Error(`packaging ${songDir} failed: ${stderr.trim().split('\n').pop() || 'the encoder stopped'}`);
  // What each rendition's published `index.m3u8` lists; it is replaced only by a whole playlist that lists more.
  const published = new Map<string, number>(RENDITIONS.map((r) => [r.name, 0]));
  const publish = async (name: string): Promise<void> => {
    let text: string;
    try {
      text = await readFile(join(root, name, ENCODER_PLAYLIST), 'utf8');
    } catch {
      return;
    }
    // A read that caught ffmpeg mid-write is a prefix of the new playlist: its whole lines list fewer segments.
    const whole = text.slice(0, text.lastIndexOf('\n') + 1);
    const count = parseMediaPlaylist(whole).length;
    if (!whole.startsWith('#EXTM3U') || count <= published.get(name)!) return;
    await replaceFile(join(root, name, 'index.m3u8'), whole);
    published.set(name, Math.max(count, published.get(name)!));
  };
  let publishing: Promise<void> = Promise.resolve();
  const publishAll = () => (publishing = publishing.then(() => Promise.all(RENDITIONS.map((r) => publish(r.name)))).then(() => undefined, () => undefined));
  const timer = setInterval(() => void publishAll(), PUBLISH_EVERY_MS);
  void exit.then(() => clearInterval(timer));

  return {
    async write(channels, from, to) {
      const chunk = 44100; // a second at a time, so the encoder starts on the first while the rest converts
      for (let start = from; start < to; start += chunk) {
        if (exited) throw failure();
        const bytes = pcm16(channels, start, Math.min(to, start + chunk));
        if (!child.stdin.write(bytes)) await new Promise<void>((resolve) => { child.stdin.once('drain', resolve); void exit.then(() => resolve()); });
      }
    },
    async listed(count) {
      for (;;) {
        await publishAll();
        if (RENDITIONS.every((r) => published.get(r.name)! >= count)) return true;
        if (exited) return false;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async end() {
      child.stdin.end();
      const code = await exit;
      if (code !== 0) throw failure();
      await publishing;
      await Promise.all(
        RENDITIONS.map(async (r) => {
          const encoder = join(root, r.name, ENCODER_PLAYLIST);
          const text = await readFile(encoder, 'utf8');
          await replaceFile(join(root, r.name, 'index.m3u8'), text.replace(EVENT_TYPE_LINE, VOD_TYPE_LINE));
          await rm(encoder, { force: true });
        }),
      );
      return indexPackage(songDir);
    },
    abort() {
      clearInterval(timer);
      if (!exited) child.kill('SIGKILL');
    },
  };
}

/** Replaces a file whole: a reader sees the old text or the new, never part of either. */
async function replaceFile(path: string, text: string): Promise<void> {
  await writeFile(`${path}.part`, text);
  await rename(`${path}.part`, path);
}
