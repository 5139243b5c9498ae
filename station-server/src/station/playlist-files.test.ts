// The console's access to the operators' files, on a real copy of playlists/: names are checked (no
// way out of the folder), edits are checked by the playlists:check loader before anything is written,
// size is limited, saves are atomic and refuse to overwrite a newer text.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MAX_FILE_BYTES } from './programme-files.js';
import { playlistFiles, PlaylistFileError, type PlaylistFiles } from './playlist-files.js';
import { loadProgramme } from './programme.js';

let dir: string;
let files: PlaylistFiles;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'playlist-files-'));
  await cp(resolve(process.cwd(), 'playlists'), dir, { recursive: true });
  files = playlistFiles(dir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const codeOf = async (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof PlaylistFileError ? e.code : `threw ${String(e)}`));

describe('the operators\' files in the console', () => {
  it('lists channels.yaml and every playlist file, and reads one with its version', async () => {
    const list = await files.list();
    expect(list[0]).toMatchObject({ file: 'channels.yaml', kind: 'channels' });
    expect(list.map((f) => f.file)).toContain('playlists/calm.yaml');
    expect(list.filter((f) => f.kind === 'playlist')).toHaveLength((await readdir(join(dir, 'playlists'))).length);
    const calm = await files.read('playlists/calm.yaml');
    expect(calm.text).toBe(await readFile(join(dir, 'playlists', 'calm.yaml'), 'utf8'));
    expect(calm.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each([
    '../channels.yaml',
    'playlists/../channels.yaml',
    'playlists/../../etc/passwd',
    '/etc/passwd',
    'playlists/.calm.yaml',
    'playlists/sub/calm.yaml',
    'prompts/starter.json',
    'playlists/calm.json',
    'playlists\\calm.yaml',
    'channels.yaml\0',
    '',
  ])('refuses the name %j: only channels.yaml and playlists/<name>.yaml', async (name) => {
    expect(await codeOf(files.read(name))).toBe('bad-name');
    expect(await codeOf(files.save(name, 'name: x\n'))).toBe('bad-name');
  });

  it('answers not-found for a playlist file that is not there, and writes nothing', async () => {
    expect(await codeOf(files.read('playlists/nope.yaml'))).toBe('not-found');
    expect(await codeOf(files.save('playlists/nope.yaml', 'name: Nope\n'))).toBe('not-found');
    expect(await readdir(join(dir, 'playlists'))).not.toContain('nope.yaml');
  });

  it('will not read or write through a link that leads out of the folder', async () => {
    const outside = join(dir, '..', `outside-${process.pid}.yaml`);
    await writeFile(outside, 'name: Secret\n');
    try {
      await symlink(outside, join(dir, 'playlists', 'evil.yaml'));
      expect(await codeOf(files.read('playlists/evil.yaml'))).toBe('unreadable');
      expect(await codeOf(files.save('playlists/evil.yaml', 'name: Changed\n'))).toBe('unreadable');
      expect(await readFile(outside, 'utf8')).toBe('name: Secret\n');
    } finally {
      await rm(outside, { force: true });
    }
  });

  it('refuses a broken edit with its problem at the line, and leaves the file as it was', async () => {
    const path = join(dir, 'playlists', 'calm.yaml');
    const before = await readFile(path, 'utf8');
    const broken = before.replace('mode: randomize', 'mode: shuffle');
    const line = broken.split('\n').findIndex((l) => l.startsWith('mode:')) + 1;
    const problems = await files.check('playlists/calm.yaml', broken);
    expect(problems).toEqual([expect.objectContaining({ file: 'playlists/calm.yaml', line, field: 'mode' })]);
    const refused = await files.save('playlists/calm.yaml', broken).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlaylistFileError);
    expect((refused as PlaylistFileError).code).toBe('invalid');
    expect((refused as PlaylistFileError).problems).toEqual(problems);
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('checks an edit against the other files too: a channel naming a playlist that does not exist', async () => {
    const channels = (await files.read('channels.yaml')).text.replace('playlist: calm', 'playlist: calmer');
    const problems = await files.check('channels.yaml', channels);
    expect(problems).toEqual([expect.objectContaining({ file: 'channels.yaml', message: expect.stringContaining('no playlist "calmer"') })]);
    expect(problems[0]!.line).toBe(channels.split('\n').findIndex((l) => l.includes('playlist: calmer')) + 1);
  });

  it(`refuses an edit over ${MAX_FILE_BYTES / 1024} KB, and text with NUL bytes, before parsing it`, async () => {
    const path = join(dir, 'playlists', 'calm.yaml');
    const before = await readFile(path, 'utf8');
    const big = `${before}\n# ${'x'.repeat(MAX_FILE_BYTES)}\n`;
    expect(await codeOf(files.save('playlists/calm.yaml', big))).toBe('too-large');
    expect(await codeOf(files.check('playlists/calm.yaml', big))).toBe('too-large');
    expect(await codeOf(files.save('playlists/calm.yaml', `${before}\0`))).toBe('not-text');
    expect(await readFile(path, 'utf8')).toBe(before);
    // Just under the limit is fine.
    const fits = `${before}# ${'x'.repeat(MAX_FILE_BYTES - Buffer.byteLength(before) - 3)}\n`;
    expect(Buffer.byteLength(fits)).toBe(MAX_FILE_BYTES);
    expect(await codeOf(files.save('playlists/calm.yaml', fits))).toBe('ok');
  });

  it('saves a good edit whole, leaves no temporary file, and the folder still loads', async () => {
    const { text, version } = await files.read('playlists/calm.yaml');
    const edited = text.replace('noRepeat: 3', 'noRepeat: 5');
    const saved = await files.save('playlists/calm.yaml', edited, version);
    expect(saved.before).toBe(text);
    expect(saved.version).not.toBe(version);
    expect(await readFile(join(dir, 'playlists', 'calm.yaml'), 'utf8')).toBe(edited);
    expect((await readdir(join(dir, 'playlists'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const loaded = await loadProgramme(dir, dir);
    expect(loaded.ok && loaded.programme.playlists.get('calm')?.noRepeat).toBe(5);
  });

  it('refuses to write over a text changed since it was read (an edit is never silently lost)', async () => {
    const { text, version } = await files.read('playlists/calm.yaml');
    await files.save('playlists/calm.yaml', text.replace('noRepeat: 3', 'noRepeat: 4'), version);
    expect(await codeOf(files.save('playlists/calm.yaml', text.replace('noRepeat: 3', 'noRepeat: 9'), version))).toBe('conflict');
    expect(await readFile(join(dir, 'playlists', 'calm.yaml'), 'utf8')).toContain('noRepeat: 4');
  });
});
