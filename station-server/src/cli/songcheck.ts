// `npm run -s songcheck -- DIR [--json]`: measures a song folder against the song contract.
// One line per measure; exit 0 when all hold, 1 when one falls short, 2 when the folder cannot be read.
import { parseArgs } from 'node:util';
import { checkSong, formatResult } from '../songcheck/check-song.js';
import { readSongFolder, SongFolderError } from '../songcheck/read-song-folder.js';

const USAGE = 'usage: songcheck DIR [--json]';

function fail(message: string): never {
  process.stderr.write(`songcheck: ${message}\n`);
  process.exit(2);
}

let dir: string | undefined;
let json = false;
try {
  const { values, positionals } = parseArgs({ options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) fail(`name one song folder; ${USAGE}`);
  dir = positionals[0];
  json = values.json ?? false;
} catch (error) {
  fail(`${error instanceof Error ? error.message.split('\n')[0] : String(error)}; ${USAGE}`);
}

try {
  const check = checkSong(await readSongFolder(dir!));
  if (json) console.log(JSON.stringify(check));
  else {
    for (const result of check.results) console.log(formatResult(result));
    const failed = check.results.filter((r) => !r.ok).length;
    console.log(failed ? `songcheck: ${failed} of ${check.results.length} measures fall short` : `songcheck: all ${check.results.length} measures hold`);
  }
  process.exitCode = check.passed ? 0 : 1;
} catch (error) {
  if (error instanceof SongFolderError) fail(error.message);
  fail(`could not check ${dir}: ${error instanceof Error ? error.message : String(error)}`);
}
