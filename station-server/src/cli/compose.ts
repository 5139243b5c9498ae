// `npm run -s compose -- --message TEXT --to NAME ... --out DIR`: one song into one folder.
// Exit 0 on success; exit 2 with one plain line on stderr for bad input; 1 if making the song failed.
import { parseArgs } from 'node:util';
import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { checkSongRequest } from '@radio-optimism/shared';
import { composeSong } from '../composer/pipeline.js';
import { closeDefaultRenderPool } from '../composer/render/render.js';
import { createStageProgress } from './progress.js';
import { ConfigError, loadConfig } from '../config.js';

const USAGE =
  'usage: compose --message TEXT --to NAME [--from NAME] [--relation R] --genre G --vibe V --lang L [--seed N] --out DIR';

function fail(message: string, code = 2): never {
  process.stderr.write(`compose: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let values: Record<string, string | undefined>;
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
        out: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message.split('\n')[0] : String(error)}; ${USAGE}`);
  }
  if (!values.out) fail(`--out is missing: name the folder to write the song to; ${USAGE}`);
  let seed: number | undefined;
  if (values.seed !== undefined) {
    if (!/^\d{1,10}$/.test(values.seed)) fail(`--seed must be a whole number from 0 to ${2 ** 31 - 1}`);
    seed = Number(values.seed);
  }
  const input: Record<string, unknown> = {
    message: values.message,
    to: values.to,
    genre: values.genre,
    vibe: values.vibe,
    language: values.lang,
  };
  if (values.from !== undefined) input.from = values.from;
  if (values.relation !== undefined) input.relation = values.relation;
  if (seed !== undefined) input.seed = seed;
  const checked = checkSongRequest(input);
  if (!checked.ok) {
    // The validator speaks in request fields; a CLI user knows the flags.
    const flag = checked.field === 'language' ? '--lang' : `--${checked.field}`;
    fail(checked.message.replace(new RegExp(`\\b${checked.field}\\b`), flag));
  }

  const request = checked.request;
  const outDir = resolve(values.out);
  // The song is a folder: a file in its place is the caller's mistake, said in one line.
  const existing = statSync(outDir, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory()) fail(`--out ${values.out} is a file, not a folder: name a new or existing folder`);
  let keepWav = false;
  try {
    keepWav = loadConfig().keepWav;
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const finalSeed = request.seed ?? randomInt(0, 2 ** 31 - 1);
  const progress = createStageProgress(process.stderr);
  try {
    const { manifest } = await composeSong(request, finalSeed, outDir, { onStage: progress.update, keepWav });
    progress.stop();
    process.stdout.write(`${outDir}: "${manifest.title}", ${manifest.durationSec.toFixed(1)} s, ${manifest.genre}/${manifest.vibe}, ${manifest.language}, seed ${manifest.seed}\n`);
  } catch (error) {
    progress.stop();
    fail(`could not make the song: ${error instanceof Error ? error.message : String(error)}`, 1);
  } finally {
    await closeDefaultRenderPool();
  }
}

void main();
