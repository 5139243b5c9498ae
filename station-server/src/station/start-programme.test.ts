// Starting with broken operators' files: the last good programme (a copy kept under DATA_DIR) goes on
// air and the broken file is named; with no copy, start-up stops naming the file. A copy cut short
// (no completion mark) is never used.
import { afterEach, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startingProgramme } from './start-programme.js';
import { programmeSnapshots, saveProgrammeSnapshot } from '../library/programme-snapshot.js';

const PLAYLISTS = fileURLToPath(new URL('../../../playlists', import.meta.url));
let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function setUp() {
  dir = await mkdtemp(join(tmpdir(), 'start-programme-'));
  const playlistsDir = join(dir, 'playlists');
  await cp(PLAYLISTS, playlistsDir, { recursive: true });
  return { dataDir: join(dir, 'data'), playlistsDir };
}

const breakFile = async (playlistsDir: string) => {
  const file = join(playlistsDir, 'playlists', 'all-day.yaml');
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.slice(0, text.indexOf('crossfade') + 5)); // a save cut short: "type: cross"
};

describe('the programme a station starts with', () => {
  it('is the operators\' files when they are good, and a copy of them is kept', async () => {
    const { dataDir, playlistsDir } = await setUp();
    const programme = await startingProgramme(dataDir, playlistsDir, () => undefined);
    expect(programme.channels.map((c) => c.id)).toContain('radio-optimism');
    const deadline = Date.now() + 5000;
    while ((await programmeSnapshots(dataDir)).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await programmeSnapshots(dataDir)).toHaveLength(1);
  });

  it('is the last good programme when the files are broken, naming the broken file', async () => {
    const { dataDir, playlistsDir } = await setUp();
    await saveProgrammeSnapshot(dataDir, playlistsDir);
    await breakFile(playlistsDir);
    const lines: string[] = [];
    const programme = await startingProgramme(dataDir, playlistsDir, (l) => lines.push(l));
    expect(programme.playlists.get('all-day')?.transition).toEqual({ type: 'crossfade', seconds: 2 });
    expect(lines.join('\n')).toMatch(/on air with the last good programme[\s\S]*all-day\.yaml/);
  });

  it('stops start-up naming the file when there is no good copy (one cut short does not count)', async () => {
    const { dataDir, playlistsDir } = await setUp();
    const copy = await saveProgrammeSnapshot(dataDir, playlistsDir);
    await unlink(join(copy, '.complete'));
    await breakFile(playlistsDir);
    await expect(startingProgramme(dataDir, playlistsDir, () => undefined)).rejects.toThrow(/operators' files have mistakes[\s\S]*all-day\.yaml/);
  });
});
