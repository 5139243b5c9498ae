// Whatever is dropped into playlists/, loading answers with problems that name the file and the
// reason; it never throws, never hangs on the parser, and a refused file changes nothing on air.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { chmod, cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatProblem, loadProgramme } from './programme.js';
import { aliasBomb, deepNesting } from '../testing/playlist-bombs.js';
import { MAX_FILE_BYTES, MAX_NESTING, MAX_PLAYLIST_FILES, nestingDepth, readOperatorFile } from './programme-files.js';

describe('odd files in playlists/', () => {
  let dir: string;
  const problemsOf = async () => {
    const result = await loadProgramme(dir, dir);
    return result.ok ? [] : result.problems.map(formatProblem);
  };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'refusals-'));
    await cp(resolve(process.cwd(), 'playlists'), dir, { recursive: true });
  });
  afterEach(async () => {
    await chmod(join(dir, 'playlists'), 0o755).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a YAML alias bomb, naming the file', async () => {
    await writeFile(join(dir, 'playlists', 'bomb.yaml'), aliasBomb());
    expect(await problemsOf()).toEqual(['playlists/bomb.yaml:1:1 too many aliases (more than 50 expanded): not a playlist file']);
  });

  it('refuses an alias bomb in channels.yaml too', async () => {
    await writeFile(join(dir, 'channels.yaml'), aliasBomb());
    expect((await problemsOf())[0]).toBe('channels.yaml:1:1 too many aliases (more than 50 expanded): not a playlist file');
  });

  it('refuses a folder named like a playlist', async () => {
    await mkdir(join(dir, 'playlists', 'notes.yaml'));
    expect(await problemsOf()).toEqual(['playlists/notes.yaml:1:1 is a folder, not a file: a playlist is one YAML file']);
  });

  it('refuses a file over the size cap before reading it', async () => {
    await writeFile(join(dir, 'playlists', 'huge.yaml'), `name: Huge\n# ${'x'.repeat(MAX_FILE_BYTES)}\n`);
    expect(await problemsOf()).toEqual([`playlists/huge.yaml:1:1 is 65 KB; an operators' file may be at most 64 KB`]);
  });

  it('accepts a file just under the size cap', async () => {
    const text = 'name: Big\n';
    await writeFile(join(dir, 'playlists', 'big.yaml'), `${text}# ${'x'.repeat(MAX_FILE_BYTES - text.length - 3)}\n`);
    expect(await problemsOf()).toEqual([]);
  });

  it('refuses deep nesting of brackets, items or indentation without handing it to the parser', async () => {
    await writeFile(join(dir, 'playlists', 'deep.yaml'), deepNesting());
    await writeFile(join(dir, 'playlists', 'dashes.yaml'), `${'- '.repeat(5000)}x\n`);
    await writeFile(join(dir, 'playlists', 'indent.yaml'), Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'));
    const started = Date.now();
    const problems = await problemsOf();
    expect(problems).toEqual([
      `playlists/dashes.yaml:1:1 nests deeper than ${MAX_NESTING} levels: not a playlist file`,
      `playlists/deep.yaml:1:1 nests deeper than ${MAX_NESTING} levels: not a playlist file`,
      `playlists/indent.yaml:1:1 nests deeper than ${MAX_NESTING} levels: not a playlist file`,
    ]);
    expect(Date.now() - started).toBeLessThan(20_000); // a bound against a hang, not a speed test
  });

  it('counts nesting the way YAML nests, and not inside quotes or comments', () => {
    expect(nestingDepth('name: x\nmatch:\n  genre: [pop, rock]\n')).toBe(3);
    expect(nestingDepth(`name: "${'['.repeat(100)}"\n# ${'{'.repeat(100)}\n`)).toBe(1);
    expect(nestingDepth(`name: Mom's [[[[ songs\n`)).toBe(5);
    expect(nestingDepth('- - - x\n')).toBe(4);
  });

  it('refuses binary content and text that is not UTF-8', async () => {
    await writeFile(join(dir, 'playlists', 'binary.yaml'), Buffer.from([0x6e, 0x61, 0x00, 0x01, 0x02]));
    await writeFile(join(dir, 'playlists', 'latin1.yaml'), Buffer.from('name: Caf\xe9\n', 'latin1'));
    expect(await problemsOf()).toEqual(['playlists/binary.yaml:1:1 is binary, not YAML text (it holds NUL bytes)', 'playlists/latin1.yaml:1:1 is not UTF-8 text: save it as UTF-8']);
  });

  it('refuses a link that leaves the folder, follows one that stays inside, and names a dangling one', async () => {
    const outside = join(dir, '..', `${dir.split('/').pop()}-secret.yaml`);
    await writeFile(outside, 'name: Secret\n');
    try {
      await symlink(outside, join(dir, 'playlists', 'out.yaml'));
      await symlink(join(dir, 'playlists', 'calm.yaml'), join(dir, 'playlists', 'in.yaml'));
      await symlink(join(dir, 'playlists', 'gone.txt'), join(dir, 'playlists', 'dangling.yaml'));
      expect(await problemsOf()).toEqual([
        'playlists/dangling.yaml:1:1 disappeared while it was being read (it is read again on the next change)',
        'playlists/out.yaml:1:1 is a link to a file outside the playlists folder: copy the file in instead',
      ]);
    } finally {
      await rm(outside, { force: true });
    }
  });

  it('names a file that disappears between listing and reading', async () => {
    expect(await readOperatorFile(join(dir, 'playlists', 'vanished.yaml'), dir)).toEqual({ ok: false, reason: 'disappeared while it was being read (it is read again on the next change)' });
  });

  // Root reads anything (CAP_DAC_OVERRIDE); to see what a station that may not read a file does, the
  // load runs in a child without the capabilities that override permissions (setpriv, util-linux).
  const asOwnPermissions = async (): Promise<string[]> => {
    if (process.getuid?.() !== 0) return problemsOf();
    const { execFileSync } = await import('node:child_process');
    const module = JSON.stringify(new URL('./programme.js', import.meta.url).href);
    const script = `const { loadProgramme, formatProblem } = await import(${module}); const r = await loadProgramme(${JSON.stringify(dir)}, ${JSON.stringify(dir)}); console.log(JSON.stringify(r.ok ? [] : r.problems.map(formatProblem)));`;
    const out = execFileSync('setpriv', ['--bounding-set=-dac_override,-dac_read_search', process.execPath, '--input-type=module', '-e', script], { encoding: 'utf8' });
    return JSON.parse(out) as string[];
  };
  it('refuses files and folders it may not read', async () => {
    await writeFile(join(dir, 'playlists', 'locked.yaml'), 'name: Locked\n');
    await chmod(join(dir, 'playlists', 'locked.yaml'), 0o000);
    expect(await asOwnPermissions()).toEqual(['playlists/locked.yaml:1:1 cannot be read: permission denied (make it readable by the station)']);
    await chmod(join(dir, 'playlists'), 0o000);
    expect(await asOwnPermissions()).toContainEqual(expect.stringMatching(/^playlists:1:1 folder cannot be read: permission denied/));
  });

  it('refuses a FIFO without waiting for a writer', async () => {
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [join(dir, 'playlists', 'pipe.yaml')]);
    expect(await problemsOf()).toEqual(['playlists/pipe.yaml:1:1 is not a regular file (a device, socket or pipe): a playlist is one YAML file']);
  });

  it(`reads at most ${MAX_PLAYLIST_FILES} playlist files`, async () => {
    await Promise.all(Array.from({ length: MAX_PLAYLIST_FILES }, (_, i) => writeFile(join(dir, 'playlists', `extra-${i}.yaml`), 'name: Extra\n')));
    expect(await problemsOf()).toEqual([`playlists:1:1 holds ${MAX_PLAYLIST_FILES + 6} playlist files; at most ${MAX_PLAYLIST_FILES} are read`]);
  });
});

describe('file-system reasons', () => {
  // The station runs as root in some containers, where permission tests above cannot fail; the
  // mapping itself is checked here.
  it('turns each error code into a line that says what to do', async () => {
    const { fsReason } = await import('./programme-files.js');
    expect(fsReason({ code: 'EACCES' })).toBe('cannot be read: permission denied (make it readable by the station)');
    expect(fsReason({ code: 'ELOOP' })).toBe('is a link that points to itself');
    expect(fsReason(new Error('odd'))).toBe('cannot be read (odd)');
  });
});
