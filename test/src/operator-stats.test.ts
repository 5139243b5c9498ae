// The console's Statistics page in Debian's Chromium at a laptop's size (1366×768), against a real
// station process: listeners poll from distinct loopback addresses and show up as "listening now"
// and in the charts; the CSV links answer. A day of earlier buckets is put in the store before the
// station starts, so the day's charts and tables have something to show. Screenshots in English and
// Korean (6 = statistics).
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { openSqliteStore } from '@radio-optimism/station-server/dist/library/sqlite-store.js';
import type { StatCount } from '@radio-optimism/station-server/dist/library/store.js';
import { launchBrowser, type Browser } from './browser.js';
import { describeInBrowser } from './describe-in-browser.js';
import { ROOT } from './run.js';
import { freePort, startStation, toneStation, type RunningStation, type StationFixture } from './station-process.js';

const PASSWORD = 'numbers tell stories';
let fixture: StationFixture;
let station: RunningStation;
let browser: Browser;
let polling: NodeJS.Timeout | undefined;
const shots = join(ROOT, 'test/artifacts/e2e-console');

/** Adds an account the way an operator does: `npm run operator -- add NAME --role ROLE`, the password on stdin. */
const addOperator = (dataDir: string, name: string, role: string) =>
  new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, ['station-server/dist/cli/operator.js', 'add', name, '--role', role], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.stdin.end(`${PASSWORD}\n`);
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`operator add failed (${code}): ${out}`))));
  });

/** A day of earlier minutes: listeners rising through the evening, a song every few minutes, dedications. */
function earlierDay(songIds: string[]): StatCount[] {
  const now = Math.floor(Date.now() / 60_000);
  const counts: StatCount[] = [];
  for (let m = now - 1440; m < now - 1; m++) {
    const hour = new Date(m * 60_000).getUTCHours();
    const base = 40 + 30 * Math.sin(((hour - 6) / 24) * 2 * Math.PI);
    counts.push({ minute: m, metric: 'listeners', key: 'radio-optimism', value: Math.round(base + ((m * 7) % 9)) });
    counts.push({ minute: m, metric: 'listeners', key: 'calm', value: Math.round(base / 3 + ((m * 5) % 4)) });
    counts.push({ minute: m, metric: 'listeners', key: 'k-songs', value: Math.round(base / 5) });
    if (m % 3 === 0) counts.push({ minute: m, metric: 'plays', key: 'radio-optimism', value: 1 });
    if (m % 4 === 0) counts.push({ minute: m, metric: 'plays', key: 'calm', value: 1 });
    if (m % 3 === 0) counts.push({ minute: m - (m % 60), metric: 'song-plays', key: songIds[(m / 3) % songIds.length]!, value: 1 });
  }
  const at = now - 90;
  const add = (metric: string, table: Record<string, number>) => Object.entries(table).forEach(([key, value]) => counts.push({ minute: at, metric, key, value }));
  add('funnel', { sent: 42, made: 40, approved: 31, aired: 29 });
  add('dedications-aired', { 'radio-optimism': 29 });
  add('themes', { love: 19, gratitude: 11, celebration: 6, 'missing-you': 4, encouragement: 3 });
  add('relations', { family: 17, partner: 10, friend: 9, pet: 3, self: 1 });
  add('languages', { en: 14, ko: 12, es: 7, pt: 4, fr: 3, de: 2 });
  return counts;
}

/** One playlist fetch from a loopback address of its own. */
const poll = (port: number, channel: string, localAddress: string) =>
  new Promise<void>((done) => {
    const req = request({ host: '127.0.0.1', port, path: `/live/${channel}/128k.m3u8`, localAddress, agent: false, headers: { 'user-agent': 'stats-e2e' } }, (res) => {
      res.resume();
      res.on('end', () => done());
    });
    req.on('error', () => done());
    req.end();
  });

beforeAll(async () => {
  fixture = await toneStation([
    { title: 'Morning Tone', seconds: 30, frequency: 330 },
    { title: 'Evening Tone', seconds: 30, frequency: 440, to: 'Sam' },
    { title: '하루의 끝', seconds: 30, frequency: 550, to: '엄마' },
  ]);
  await addOperator(fixture.dataDir, 'vi', 'viewer');
  const store = openSqliteStore(fixture.dataDir, { log: () => undefined });
  const songs = (await store.songs.page('song', {}, { limit: 10 })).items.map((s) => s.id);
  await store.stats.add(earlierDay(songs));
  await store.close();
  station = await startStation(fixture, await freePort());
  browser = await launchBrowser({ width: 1366, height: 768 });
  await mkdir(shots, { recursive: true });
  // 7 listeners on the main channel and 3 on calm, each from its own address, polling like players.
  const tick = () => {
    for (let i = 0; i < 7; i++) void poll(station.port, 'radio-optimism', `127.0.0.${20 + i}`);
    for (let i = 0; i < 3; i++) void poll(station.port, 'calm', `127.0.0.${40 + i}`);
  };
  tick();
  polling = setInterval(tick, 1500);
}, 120_000);
afterAll(async () => {
  if (polling) clearInterval(polling);
  station?.child.kill('SIGKILL');
  await browser?.close();
  if (fixture) await rm(fixture.dir, { recursive: true, force: true });
});

describeInBrowser('the console\'s statistics', () => {
  it('shows a viewer the listeners polling now, the day\'s charts, the funnel and what people write about, with CSV files', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
    await page.goto(`${station.base}/operator?lang=en#stats`);
    await page.locator('#login-name').fill('vi');
    await page.locator('#login-password').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator('#stats-title').waitFor({ timeout: 30_000 });
    await page.locator('.op-chart canvas').nth(1).waitFor({ timeout: 30_000 });
    // "Listening now" counts the ten pollers (refreshed every 30 s; reload until the sweep has seen them).
    const deadline = Date.now() + 30_000;
    let now = '';
    while (Date.now() < deadline) {
      now = (await page.locator('.op-card-value').first().textContent()) ?? '';
      if (now === '10') break;
      await page.locator('.op-range button[data-range="day"]').click();
      await page.waitForTimeout(1000);
    }
    expect(now).toBe('10');
    await expect(page.locator('.op-funnel li[data-step="sent"] .op-bar-value').textContent()).resolves.toBe('42');
    await expect(page.locator('.op-funnel li[data-step="listened"] .op-bar-value').textContent()).resolves.toBe('29');
    await expect(page.locator('.op-grid3 .op-bars li').first().textContent()).resolves.toContain('Love');
    const csv = await page.evaluate(async () => (await fetch('/api/v1/stats/themes.csv?range=day')).text());
    expect(csv.split('\r\n')[0]).toBe('theme,songs');
    expect(csv).toContain('love,19');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(shots, 'en-6-stats.png'), fullPage: true });

    await page.locator('#op-language').selectOption('ko');
    await page.locator('.op-chart canvas').nth(1).waitFor({ timeout: 30_000 });
    await expect(page.locator('#stats-title').textContent()).resolves.toBe('통계');
    await expect(page.locator('.op-grid3 .op-bars li').first().textContent()).resolves.toContain('사랑');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(shots, 'ko-6-stats.png'), fullPage: true });

    // The hour, drawn by minute, holds the pollers' peak on the main channel.
    await page.locator('.op-range button[data-range="hour"]').click();
    await page.locator('.op-range button[data-range="hour"][aria-pressed="true"]').waitFor();
    const hour = await page.evaluate(async () => (await fetch('/api/v1/stats?range=hour')).json() as Promise<{ listeners: Record<string, number[]> }>);
    expect(Math.max(...hour.listeners['radio-optimism']!)).toBeGreaterThanOrEqual(7);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(shots, 'ko-6-stats-hour.png') });
    expect(errors).toEqual([]);
  }, 120_000);
});
