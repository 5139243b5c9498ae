// `npm run -s compose -- --message TEXT --to NAME ... --out DIR`: one song into one folder, made as a
// job on a song queue on the composer thread, like every song the station makes.
// `--lyrics FILE` sings the file's words (one sung line per line, a blank line between sections),
// `--voice NAME` picks the singer, `--sounds-like TEXT` says how the recipient's name sounds;
// `npm run -s compose -- --voices` lists the voices per language and makes no song.
// Exit 0 on success; exit 2 with one plain line on stderr for bad input; 1 if making the song failed.
import { parseArgs } from 'node:util';
import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import { checkSongRequest, LANGUAGE_NAMES, LANGUAGES, lyricsWarnings, SURPRISE_VOICE, VOICE_LABELS, voicesFor } from '@radio-optimism/shared';
import { shutdownComposer } from '../composer/shutdown.js';
import { createLocalQueue } from '../songs/local-queue.js';
import { folderJob } from '../songs/folder-job.js';
import { createStageProgress } from './progress.js';
import { ConfigError, loadConfig } from '../config.js';

const USAGE =
  'usage: compose --message TEXT --to NAME [--from NAME] [--relation R] --genre G --vibe V --lang L [--seed N] [--lyrics FILE] [--voice NAME] [--sounds-like TEXT] --out DIR | compose --voices';

// The request's field names as the CLI's flags, for messages.
const FLAGS: Record<string, string> = { language: '--lang', soundsLike: '--sounds-like' };

function listVoices(): void {
  for (const language of LANGUAGES) {
    const voices = voicesFor(language).map((v) => `${v} (${VOICE_LABELS[v.slice(3) as keyof typeof VOICE_LABELS]})`);
    process.stdout.write(`${language} ${LANGUAGE_NAMES[language]}: ${voices.join(', ')}, ${SURPRISE_VOICE}\n`);
  }
}

function readLyrics(path: string): string {
  let text: string;
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) fail(`--lyrics ${path}: no such file; name a text file with one sung line per line`);
    if (!stat.isFile()) fail(`--lyrics ${path} is not a file; name a text file with one sung line per line`);
    if (stat.size > 64 * 1024) fail(`--lyrics ${path} is too big for lyrics (${stat.size} bytes); a song's words fit in a few kilobytes`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    fail(`--lyrics ${path} cannot be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  if (text.includes('\uFFFD')) fail(`--lyrics ${path} is not UTF-8 text; save it as UTF-8`);
  return text.replace(/^\uFEFF/u, '');
}

function fail(message: string, code = 2): never {
  process.stderr.write(`compose: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        message: { type: 'string' },
        to: { type: 'string' },
        from: { type: 'string' },
        relation: { type: 'string' },
        genre: { type: 'string' },
        vibe: { type: 'string' },
        lang: { type: 'string' },
        seed: { type: 'string' },
        lyrics: { type: 'string' },
        voice: { type: 'string' },
        'sounds-like': { type: 'string' },
        voices: { type: 'boolean' },
        out: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message.split('\n')[0] : String(error)}; ${USAGE}`);
  }
  if (values.voices) {
    listVoices();
    return;
  }
  const flag = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  if (!flag('out')) fail(`--out is missing: name the folder to write the song to; ${USAGE}`);
  let seed: number | undefined;
  const seedText = flag('seed');
  if (seedText !== undefined) {
    if (!/^\d{1,10}$/.test(seedText)) fail(`--seed must be a whole number from 0 to ${2 ** 31 - 1}`);
    seed = Number(seedText);
  }
  const input: Record<string, unknown> = {
    message: flag('message'),
    to: flag('to'),
    genre: flag('genre'),
    vibe: flag('vibe'),
    language: flag('lang'),
  };
  for (const [field, name] of [['from', 'from'], ['relation', 'relation'], ['voice', 'voice'], ['soundsLike', 'sounds-like']] as const) {
    const value = flag(name);
    if (value !== undefined) input[field] = value;
  }
  const lyricsFile = flag('lyrics');
  if (lyricsFile !== undefined) input.lyrics = readLyrics(lyricsFile);
  if (seed !== undefined) input.seed = seed;
  const checked = checkSongRequest(input);
  if (!checked.ok) {
    // The validator speaks in request fields; a CLI user knows the flags.
    const flagName = FLAGS[checked.field] ?? `--${checked.field}`;
    const where = checked.field === 'lyrics' ? ` (in ${lyricsFile})` : '';
    fail(checked.message.replace(new RegExp(`\\b${checked.field}\\b`), flagName) + where);
  }

  const request = checked.request;
  for (const warning of lyricsWarnings(request)) process.stderr.write(`compose: note: ${warning.message.replace(/, or send them as they are$/u, '')}\n`);
  const outDir = resolve(flag('out')!);
  // The song is a folder: a file in its place is the caller's mistake, said in one line.
  const existing = statSync(outDir, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory()) fail(`--out ${flag('out')} is a file, not a folder: name a new or existing folder`);
  let keepWav = false;
  try {
    keepWav = loadConfig().keepWav;
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const finalSeed = request.seed ?? randomInt(0, 2 ** 31 - 1);
  const progress = createStageProgress(process.stderr);
  let failure: unknown;
  const queue = createLocalQueue({ concurrency: 1, log: () => undefined, handler: folderJob(outDir, finalSeed, { onStage: progress.update, keepWav }) });
  try {
    const { id } = await queue.submit({ type: 'song', request, kind: 'private', priority: 'operator' });
    const result = await queue.wait(id);
    progress.stop();
    if (result.type === 'song') {
      const song = result.song;
      process.stdout.write(`${outDir}: "${song.title}", ${song.durationSec.toFixed(1)} s, ${song.genre}/${song.vibe}, ${song.language}, seed ${song.seed}\n`);
    }
  } catch (error) {
    progress.stop();
    failure = error;
  } finally {
    await queue.destroy();
    await shutdownComposer();
  }
  if (failure !== undefined) fail(`could not make the song: ${failure instanceof Error ? failure.message : String(failure)}`, 1);
}

void main();
