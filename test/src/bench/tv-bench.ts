// npm run bench:tv: what the TV app costs in Debian Chromium at 1920×1080, against a real station on
// 127.0.0.1 whose short tone songs change every 15–29 s: load to first audio (5 loads, each in a
// fresh profile), the bundle's size, and whether the page's memory stays bounded over
// BENCH_TV_MINUTES (default 30) of playback. Figures go to docs/BENCHMARKS.md, section `tv`.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { machineLine, writeSection } from '@radio-optimism/station-server/dist/bench/report.js';
import { launchBrowser } from '../browser.js';
import { ROOT } from '../run.js';
import { freePort, startStation } from '../station-process.js';
import { tvStation, type TvSong } from '../tv-fixture.js';
import { openBarePage, type BarePage } from './bare-chromium.js';
import { heapBreakdown, type HeapBreakdown } from './heap-breakdown.js';
import { heapChart } from './heap-chart.js';
import { judge, judgePart, type MemorySample } from './memory-trend.js';

const MINUTES = Number(process.env.BENCH_TV_MINUTES ?? 30);
const LOADS = 5;
const DIST = resolve(ROOT, 'tv-app/dist');
const DOCS = resolve(ROOT, 'docs');
const CHART = 'bench-tv-memory.svg';

const COLORS = ['#e53935', '#1e88e5', '#43a047', '#fdd835', '#8e24aa', '#fb8c00', '#00acc1', '#6d4c41'];
const SONGS: TvSong[] = COLORS.map((color, i) => ({
  title: `Tone ${i + 1}`,
  seconds: 15 + i * 2,
  frequency: 220 + i * 55,
  color,
  to: ['Mom', 'Ana', 'Jun', 'Lena'][i % 4]!,
  from: 'Alex',
  lines: ['a song for you', 'every single day', 'from far away', 'we sing along'],
}));

interface Watch {
  firstAudio?: number;
  songChanges: number;
}

/**
 * Installed before the app's own scripts: notes when the audio element's currentTime first moves
 * forward a little (playback, not hls.js seeking to the live edge), and counts song changes on screen.
 */
function watch(): void {
  const w = window as unknown as { __watch: Watch };
  w.__watch = { songChanges: 0 };
  let lastTime = -1;
  let lastItem = '';
  const audioTimer = setInterval(() => {
    const audio = document.querySelector('[data-testid="live-audio"]') as HTMLAudioElement | null;
    if (!audio) return;
    const t = audio.currentTime;
    if (lastTime >= 0 && t > lastTime && t - lastTime < 0.5 && !audio.seeking && !audio.paused) {
      w.__watch.firstAudio = performance.now();
      clearInterval(audioTimer);
    }
    lastTime = t;
  }, 5);
  // By song, not by item id: the id shifts by a millisecond or two when a crossfade ends.
  setInterval(() => {
    const now = document.querySelector('[data-testid="now"]');
    const item = now?.getAttribute('data-song') || now?.querySelector('[data-testid="title"]')?.textContent || '';
    if (item && lastItem && item !== lastItem) w.__watch.songChanges++;
    if (item) lastItem = item;
  }, 250);
}

const readWatch = (page: Page) => page.evaluate(() => (window as unknown as { __watch: Watch }).__watch);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function openApp(base: string) {
  const browser = await launchBrowser();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.addInitScript(watch);
  await page.goto(`${base}/tv/`);
  await page.waitForFunction(() => (window as unknown as { __watch: Watch }).__watch.firstAudio !== undefined, undefined, { timeout: 30_000 });
  return { browser, page };
}

/**
 * Navigation start to first audio, each load in a new browser profile (nothing cached), with the
 * machine's 1-minute load average at each: other work on the 2 cores shows in these times.
 */
async function firstAudio(base: string): Promise<{ times: number[]; loadAvg: number[] }> {
  const times: number[] = [];
  const loadAvg: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    loadAvg.push(loadavg()[0]!);
    const { browser, page } = await openApp(base);
    times.push((await readWatch(page)).firstAudio!);
    process.stdout.write(`load ${i + 1}: first audio after ${Math.round(times[i]!)} ms (load average ${loadAvg[i]!.toFixed(1)})\n`);
    await browser.close();
  }
  return { times, loadAvg };
}

function bundle(): { file: string; raw: number; gzip: number }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css)$/.test(name)) files.push(path);
    }
  };
  walk(DIST);
  return files.sort().map((path) => {
    const data = readFileSync(path);
    return { file: relative(DIST, path), raw: data.length, gzip: gzipSync(data).length };
  });
}

interface Metrics {
  metrics: { name: string; value: number }[];
}

async function sample(page: BarePage, minute: number): Promise<MemorySample & { songChanges: number; audioSec: number }> {
  await page.send('HeapProfiler.collectGarbage');
  const { metrics } = await page.send<Metrics>('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const seen = await page.evaluate<{ songChanges: number; audioSec: number }>(
    `({ songChanges: window.__watch.songChanges, audioSec: document.querySelector('[data-testid="live-audio"]').currentTime })`,
  );
  return {
    minute,
    heapBytes: metric('JSHeapUsedSize'),
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    documents: metric('Documents'),
    ...seen,
  };
}

/** Minutes at which a heap snapshot says what the heap is made of: the first, every fifth, the last. */
const snapshotAt = (minute: number) => minute === 1 || minute % 5 === 0 || minute === MINUTES;

async function breakdownNow(page: BarePage): Promise<HeapBreakdown> {
  const chunks: string[] = [];
  const off = page.on('HeapProfiler.addHeapSnapshotChunk', (params) => chunks.push(params.chunk as string));
  try {
    await page.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    off();
  }
  return heapBreakdown(chunks.join(''));
}

/** Waits until `expression` is true in the page (navigation may still be under way at first). */
async function until(page: BarePage, expression: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression).catch(() => false))) {
    if (Date.now() > end) throw new Error(`the TV app did not get to \`${expression}\` within ${timeoutMs / 1000} s`);
    await wait(100);
  }
}

/**
 * One page playing for MINUTES, sampled every minute after a forced GC. Not through Playwright: its
 * DevTools Network domain would keep a record of every fragment request in the page's heap, which a
 * TV without DevTools never holds (see bare-chromium.ts).
 */
async function memory(base: string) {
  const page = await openBarePage(`${base}/tv/`);
  try {
    await page.send('Performance.enable');
    const version = (await page.evaluate<string>('navigator.userAgent')).match(/Chrome\/(\S+)/)?.[1] ?? '?';
    await until(page, `!!document.querySelector('[data-testid="live-audio"]')`);
    await page.evaluate(`(${watch.toString()})()`);
    await until(page, 'window.__watch.firstAudio !== undefined');
    const samples = [await sample(page, 0)];
    const parts: (HeapBreakdown & { minute: number })[] = [];
    const t0 = Date.now();
    for (let minute = 1; minute <= MINUTES; minute++) {
      await wait(t0 + minute * 60_000 - Date.now());
      samples.push(await sample(page, minute));
      const s = samples[samples.length - 1]!;
      process.stdout.write(`minute ${minute}: heap ${(s.heapBytes / 2 ** 20).toFixed(2)} MB, nodes ${s.nodes}, listeners ${s.listeners}, documents ${s.documents}, song changes ${s.songChanges}\n`);
      // Right after the forced GC, so the snapshot shows what that sample counted.
      if (snapshotAt(minute)) parts.push({ minute, ...(await breakdownNow(page)) });
    }
    return { samples, parts, version };
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const fixture = await tvStation(SONGS, 'as-configured');
  const station = await startStation(fixture, await freePort());
  try {
    const { times: loads, loadAvg } = await firstAudio(station.base);
    const files = bundle();
    const { samples, parts, version } = await memory(station.base);
    const verdict = judge(samples);
    const objects = judgePart("the app's JS objects", parts.map((p) => ({ minute: p.minute, bytes: p.jsObjects })));
    const firstPart = parts[0]!;
    const lastPart = parts[parts.length - 1]!;
    const grew = (k: keyof HeapBreakdown) => `${lastPart[k] >= firstPart[k] ? '+' : '−'}${kb(Math.abs(lastPart[k] - firstPart[k]))}`;
    const first = samples[0]!;
    const last = samples[samples.length - 1]!;
    const chart = heapChart(
      [
        { label: 'JS heap used (every minute)', color: '#1e88e5', points: samples },
        { label: 'compiled code (snapshots)', color: '#fb8c00', points: parts.map((p) => ({ minute: p.minute, heapBytes: p.code })) },
        { label: "the app's JS objects (snapshots)", color: '#43a047', points: parts.map((p) => ({ minute: p.minute, heapBytes: p.jsObjects })) },
      ],
      `TV app: heap after forced GC, ${MINUTES} min of live playback`,
    );
    writeFileSync(join(DOCS, CHART), chart);

    const fileRows = files.map((f) => `| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} |`);
    const js = files.filter((f) => f.file.endsWith('.js'));
    const sum = (xs: { raw: number; gzip: number }[], k: 'raw' | 'gzip') => xs.reduce((a, f) => a + f[k], 0);
    const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;
    const partRows = parts.map((p) => `| ${p.minute} | ${mb(p.jsObjects)} | ${mb(p.shapes)} | ${mb(p.code)} | ${mb(p.native)} | ${mb(p.total)} |`);
    const memRows = samples.map((s) => `| ${s.minute} | ${(s.heapBytes / 2 ** 20).toFixed(2)} MB | ${s.nodes} | ${s.listeners} | ${s.documents} | ${s.songChanges} | ${(s.audioSec - first.audioSec).toFixed(0)} s |`);
    const body = `## TV app (\`npm run bench:tv\`)

Machine: ${machineLine()}. Debian Chromium ${version}, headless, 1920×1080, the built app (\`tv-app/dist\`) served by a real station on 127.0.0.1 playing ${SONGS.length} tone songs of ${SONGS[0]!.seconds}–${SONGS[SONGS.length - 1]!.seconds} s with the operators' playlists as configured (crossfades, jingles).

**Load to first audio** (navigation start to the live audio element's \`currentTime\` moving forward, looked at every 5 ms; ${LOADS} loads, each in a fresh browser profile): median **${Math.round(median(loads))} ms**, max **${Math.round(Math.max(...loads))} ms** (${loads.map((t) => Math.round(t)).join(', ')} ms; the machine's 1-minute load average meanwhile ${Math.min(...loadAvg).toFixed(1)}–${Math.max(...loadAvg).toFixed(1)} on ${cpus().length} cores).

**Bundle** (\`npm run build:tv\`; gzip is zlib at its default level):

| file | raw | gzip |
| --- | --- | --- |
${fileRows.join('\n')}
| **all JavaScript** | **${kb(sum(js, 'raw'))}** | **${kb(sum(js, 'gzip'))}** |

**Memory over ${MINUTES} minutes of live playback**, one page in a Chromium driven by a bare DevTools connection rather than Playwright, whose Network domain would keep a record of every fragment request in the page's heap (a TV has no DevTools attached): every minute a forced GC (CDP \`HeapProfiler.collectGarbage\`), then CDP \`Performance.getMetrics\`. Song changes are counted from what the screen shows; "audio" is how far the audio element's clock moved since minute 0.

![JS heap of the TV app over ${MINUTES} minutes](${CHART})

| minute | JS heap used | DOM nodes | JS event listeners | documents | song changes | audio |
| --- | --- | --- | --- | --- | --- | --- |
${memRows.join('\n')}

Verdict on the JS heap used (from minute 1 on, first third against last third, least-squares slope): **${verdict.text}**. Heap ${(first.heapBytes / 2 ** 20).toFixed(2)} MB at minute 0, ${(last.heapBytes / 2 ** 20).toFixed(2)} MB at minute ${last.minute}, over ${last.songChanges} song changes.

**What the heap is made of**, from a heap snapshot (CDP \`HeapProfiler.takeHeapSnapshot\`) right after the forced GC at minutes ${parts.map((p) => p.minute).join(', ')}, summing each node's own size by its kind. A snapshot counts a little more than "JS heap used" (it includes the browser's own objects in the page):

| minute | the app's JS objects | object shapes | compiled code | browser & engine | all |
| --- | --- | --- | --- | --- | --- |
${partRows.join('\n')}

From minute ${firstPart.minute} to ${lastPart.minute}: JS objects ${grew('jsObjects')}, object shapes ${grew('shapes')}, compiled code ${grew('code')}, browser & engine ${grew('native')}. Verdict on the app's own objects (same rule, on these snapshots): **${objects.text}**. Compiled code is the engine optimising functions that run every few seconds (hls.js loading and remuxing a segment, the app's tick); it is bounded by the app's code, not by how long it plays.
`;
    writeSection(join(DOCS, 'BENCHMARKS.md'), 'tv', body);
    process.stdout.write(`\n${body}\n`);
  } finally {
    station.child.kill('SIGKILL');
    await rm(fixture.dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
