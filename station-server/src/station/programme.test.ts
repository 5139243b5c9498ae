import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatProblem, loadProgramme } from './programme.js';
import { activePlaylist } from './rotation.js';

describe('operators files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'programme-'));
    await cp(resolve(process.cwd(), 'playlists'), dir, { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('accepts the starter programme the repo ships', async () => {
    const result = await loadProgramme(dir);
    expect(result.ok ? result.programme.channels.map((c) => c.id) : result.problems).toEqual(['radio-optimism', 'calm', 'upbeat', 'k-songs']);
  });

  it('points at the file, line and field of each mistake', async () => {
    await writeFile(join(dir, 'playlists', 'calm.yaml'), 'name: Calm\nmode: shuffle\nmatch:\n  vibe: [calm, sleepy]\n');
    const result = await loadProgramme(dir, dir);
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.problems.map(formatProblem);
    expect(lines).toContainEqual(expect.stringMatching(/^playlists\/calm\.yaml:2:7 mode: mode is normal/));
    expect(lines).toContainEqual(expect.stringMatching(/^playlists\/calm\.yaml:4:\d+ match\.vibe\[1\]: unknown vibe "sleepy"/));
  });

  it('reports YAML syntax errors, bad cron, unknown time zones and missing playlists', async () => {
    await writeFile(join(dir, 'playlists', 'upbeat.yaml'), 'name: [unclosed\n');
    await writeFile(
      join(dir, 'channels.yaml'),
      'channels:\n  - id: radio-optimism\n    name: R\n    playlist: all-day\n    shows:\n      - name: Bad\n        cron: "61 * * *"\n        timezone: Mars/Base\n        duration: 2h\n        playlist: nowhere\n',
    );
    const result = await loadProgramme(dir, dir);
    const text = result.ok ? '' : result.problems.map(formatProblem).join('\n');
    expect(text).toMatch(/playlists\/upbeat\.yaml:\d+:\d+ not valid YAML/);
    expect(text).toMatch(/channels\.yaml:7:\d+ channels\[0\]\.shows\[0\]\.cron: not a cron expression/);
    expect(text).toMatch(/channels\.yaml:8:\d+ channels\[0\]\.shows\[0\]\.timezone: unknown time zone/);
  });

  it('knows which show is on in its own time zone', async () => {
    const result = await loadProgramme(dir);
    if (!result.ok) throw new Error('starter programme invalid');
    const main = result.programme.channels[0]!;
    expect(activePlaylist(main, Date.parse('2026-11-23T07:30:00Z')).show).toBe('Morning Show'); // Monday, Lisbon is UTC in winter
    expect(activePlaylist(main, Date.parse('2026-11-23T09:30:00Z')).show).toBeUndefined();
    expect(activePlaylist(main, Date.parse('2026-11-22T07:30:00Z')).show).toBeUndefined(); // Sunday
    expect(activePlaylist(main, Date.parse('2026-11-22T23:10:00Z')).playlist).toBe('late-night-calm');
  });
});
