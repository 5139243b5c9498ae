// `npm run -s compact-songs -- DIR`: brings song folders made before songs were stored compressed to
// today's form (no WAV: see composer/compact-folder.ts). DIR is one song folder or a folder of them,
// e.g. data/media/songs. Exit 0 when done, 2 with one plain line when DIR cannot be read, 1 when a
// folder could not be compacted (the others still are).
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { compactSongFolder } from '../composer/compact-folder.js';

function fail(message: string): never {
  process.stderr.write(`compact-songs: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.length !== 1) fail('name one folder: a song folder or a folder of them (e.g. data/media/songs); usage: compact-songs DIR');
const root = resolve(args[0]!);
let folders: string[];
try {
  folders = existsSync(join(root, 'song.json'))
    ? [root]
    : (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'song.json'))).map((e) => join(root, e.name));
} catch (error) {
  fail(`${args[0]} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
}

let saved = 0;
let failed = 0;
for (const dir of folders) {
  try {
    const { before, after, removed } = await compactSongFolder(dir);
    saved += before - after;
    if (removed.length) console.log(`${dir}: ${(before / 1e6).toFixed(1)} MB -> ${(after / 1e6).toFixed(1)} MB (removed ${removed.join(', ')})`);
  } catch (error) {
    failed++;
    console.error(`compact-songs: ${dir} was left as it was: ${error instanceof Error ? error.message : String(error)}`);
  }
}
console.log(`compact-songs: ${folders.length} song folders, ${(saved / 1e6).toFixed(1)} MB freed${failed ? `, ${failed} could not be compacted` : ''}`);
process.exitCode = failed ? 1 : 0;
