// The webOS package as LG's store receives it: runs the project's package step (ares-package, from
// npm) on the built app and opens the .ipk with ar and tar, as a TV's installer would, to check that
// appinfo.json, the splash, the icons and the six localised appinfo files are inside and say what
// the store needs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROOT, run } from './run.js';

const TV = resolve(ROOT, 'tv-app');
const LANGS = ['en', 'es', 'pt', 'fr', 'de', 'ko'];

/** Newest modification time of the files the package's metadata comes from. */
function newestSource(): number {
  const times: number[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else times.push(stat.mtimeMs);
    }
  };
  walk(join(TV, 'webos-meta'));
  walk(join(TV, 'resources'));
  return Math.max(...times);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: Buffer): [number, number] {
  expect(file.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [file.readUInt32BE(16), file.readUInt32BE(20)];
}

let work: string;
let app: string;
let members: string[];
let files: string[];

beforeAll(async () => {
  const built = join(TV, 'dist', 'appinfo.json');
  // A build older than the metadata would test yesterday's package.
  if (!existsSync(built) || statSync(built).mtimeMs < newestSource()) {
    const result = await run('npm', ['run', '-s', 'build', '-w', 'tv-app'], { timeoutMs: 400_000 });
    if (result.code !== 0) throw new Error(`the TV app did not build:\n${result.stdout}\n${result.stderr}`);
  }
  const packaged = await run(process.execPath, ['tv-app/scripts/package.mjs'], { timeoutMs: 120_000 });
  if (packaged.code !== 0) throw new Error(`package step failed:\n${packaged.stdout}\n${packaged.stderr}`);
  const ipk = /package: (out\/\S+\.ipk)/.exec(packaged.stdout)?.[1];
  if (!ipk) throw new Error(`package step named no .ipk:\n${packaged.stdout}`);
  work = mkdtempSync(join(tmpdir(), 'ipk-'));
  const ipkPath = join(TV, ipk);
  members = execFileSync('ar', ['t', ipkPath], { encoding: 'utf8' }).trim().split('\n');
  execFileSync('ar', ['x', ipkPath], { cwd: work });
  files = execFileSync('tar', ['-tzf', 'data.tar.gz'], { cwd: work, encoding: 'utf8' }).trim().split('\n');
  execFileSync('tar', ['-xzf', 'data.tar.gz'], { cwd: work });
  const appinfo = JSON.parse(readFileSync(join(TV, 'dist', 'appinfo.json'), 'utf8')) as { id: string };
  app = `usr/palm/applications/${appinfo.id}`;
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the .ipk', () => {
  it('is a Debian-style archive of control and data', () => {
    expect(members).toEqual(['debian-binary', 'control.tar.gz', 'data.tar.gz']);
  });

  it('holds appinfo.json with the store’s keys, and every file it names', () => {
    expect(files).toContain(`${app}/appinfo.json`);
    const appinfo = JSON.parse(readFileSync(join(work, app, 'appinfo.json'), 'utf8')) as Record<string, unknown>;
    for (const key of ['id', 'title', 'type', 'main', 'icon', 'largeIcon', 'version', 'appDescription', 'splashBackground']) expect(appinfo[key]).toBeTruthy();
    expect(appinfo.handlesRelaunch).toBe(true);
    expect(appinfo.disableBackHistoryAPI).toBe(true);
    // LG's screensaver guide: a music app with a lyrics window (and a karaoke app) uses Type 2.
    expect(appinfo.screenSaverProperties).toEqual({ preferredType: 2 });
    for (const key of ['main', 'icon', 'largeIcon', 'splashBackground']) expect(files).toContain(`${app}/${appinfo[key] as string}`);
  });

  it('holds the icons and a 1920x1080 splash at the sizes webOS asks for', () => {
    const appinfo = JSON.parse(readFileSync(join(work, app, 'appinfo.json'), 'utf8')) as Record<string, string>;
    expect(pngSize(readFileSync(join(work, app, appinfo.icon!)))).toEqual([80, 80]);
    expect(pngSize(readFileSync(join(work, app, appinfo.largeIcon!)))).toEqual([130, 130]);
    expect(pngSize(readFileSync(join(work, app, appinfo.splashBackground!)))).toEqual([1920, 1080]);
  });

  it('holds a localised title and description for each of the six languages', () => {
    const titles: Record<string, string> = {};
    for (const lang of LANGS) {
      const path = `${app}/resources/${lang}/appinfo.json`;
      expect(files).toContain(path);
      const localised = JSON.parse(readFileSync(join(work, path), 'utf8')) as { title?: string; appDescription?: string };
      expect(localised.title).toBeTruthy();
      expect(localised.appDescription).toBeTruthy();
      titles[lang] = localised.appDescription!;
    }
    // Each is its own translation, not six copies of the English one.
    expect(new Set(Object.values(titles)).size).toBe(LANGS.length);
  });
});
