// npm run bench:stats-year: how many bytes a year of statistics takes in the SQLite store. Writes a
// year of minutes (a day's counts per call, the same rows the minute roll-ups make), then times the
// roll-up of single minutes into a full day, the dearest case: four channels with listeners
// every minute (hundreds to thousands each, changing minute to minute), a song starting on each
// channel about every 2.5 minutes from a library of 500, 200 radio dedications a day with their
// funnel, themes, relations and languages. Figures go to docs/BENCHMARKS.md.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../library/sqlite-store.js';
import type { StatCount } from '../library/store.js';
import { machineLine, writeSection } from './report.js';
import { DEDICATIONS_AIRED, FUNNEL, LANGUAGES, LISTENERS, PLAYS, RELATIONS, SONG_PLAYS, THEMES } from '../stats/metrics.js';

const CHANNELS = ['radio-optimism', 'calm', 'upbeat', 'k-songs'];
const HOURS = 365 * 24;
const SONGS = Array.from({ length: 500 }, () => randomBytes(6).toString('base64url'));
const THEME_KEYS = ['love', 'gratitude', 'encouragement', 'celebration', 'apology', 'missing-you', 'pride'];
const RELATION_KEYS = ['family', 'friend', 'partner', 'pet', 'team', 'self', 'other'];
const LANGUAGE_KEYS = ['en', 'es', 'pt', 'fr', 'de', 'ko'];

// A fixed pseudo-random walk, so two runs write the same year.
let seed = 7;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-stats-'));
  try {
    const store = openSqliteStore(dir, { log: () => undefined });
    const start = Math.floor(Date.UTC(2026, 0, 1) / 60_000);
    const level = CHANNELS.map((_, i) => 2000 / (i + 1));
    let counts = 0;
    const t0 = performance.now();
    const minuteOf = (h: number, m: number): StatCount[] => {
      const counted: StatCount[] = [];
      const minute = start + h * 60 + m;
      CHANNELS.forEach((channel, i) => {
        level[i] = Math.max(0, level[i]! + (rand() - 0.5) * level[i]! * 0.04 + (rand() - 0.5) * 10);
        counted.push({ minute, metric: LISTENERS, key: channel, value: Math.round(level[i]!) });
        if (rand() < 0.4) {
          counted.push({ minute, metric: PLAYS, key: channel, value: 1 });
          counted.push({ minute: start + h * 60, metric: SONG_PLAYS, key: pick(SONGS), value: 1 });
        }
      });
      if (rand() < 200 / 1440) {
        counted.push({ minute, metric: FUNNEL, key: 'sent', value: 1 }, { minute, metric: FUNNEL, key: 'made', value: 1 });
        counted.push({ minute, metric: THEMES, key: pick(THEME_KEYS), value: 1 }, { minute, metric: RELATIONS, key: pick(RELATION_KEYS), value: 1 }, { minute, metric: LANGUAGES, key: pick(LANGUAGE_KEYS), value: 1 });
        if (rand() < 0.8) counted.push({ minute, metric: FUNNEL, key: 'approved', value: 1 }, { minute, metric: FUNNEL, key: 'aired', value: 1 }, { minute, metric: DEDICATIONS_AIRED, key: 'radio-optimism', value: 1 });
      }
      return counted;
    };
    // All but the last hour a day at a time; the last hour a minute at a time, as the roll-up writes it.
    for (let day = 0; day < HOURS / 24; day++) {
      const batch: StatCount[] = [];
      for (let h = day * 24; h < Math.min((day + 1) * 24, HOURS - 1); h++) for (let m = 0; m < 60; m++) batch.push(...minuteOf(h, m));
      counts += batch.length;
      await store.stats.add(batch);
    }
    const writeSec = (performance.now() - t0) / 1000;
    const rollups: number[] = [];
    for (let m = 0; m < 60; m++) {
      const one = minuteOf(HOURS - 1, m);
      counts += one.length;
      const r = performance.now();
      await store.stats.add(one);
      rollups.push(performance.now() - r);
    }
    rollups.sort((a, b) => a - b);
    const r0 = performance.now();
    const week = await store.stats.range(LISTENERS, start + HOURS * 60 - 10_080, start + HOURS * 60);
    const readMs = performance.now() - r0;
    await store.close();
    const file = join(dir, 'library.sqlite');
    const before = (await stat(file)).size;
    const db = new Database(file);
    const rows = Number((db.prepare('SELECT count(*) AS n FROM stat_buckets').get() as { n: number }).n);
    const payload = Number((db.prepare('SELECT sum(length(data)) AS n FROM stat_buckets').get() as { n: number }).n);
    db.exec('VACUUM');
    db.close();
    const after = (await stat(file)).size;
    const mb = (n: number) => (n / 2 ** 20).toFixed(1);
    const body = `## Statistics: a year in the store (\`npm run bench:stats-year\`)

Machine: ${machineLine()}.

A year of minutes written into the SQLite store (the last hour a minute at a time, as the roll-up writes it): ${CHANNELS.length} channels with listeners counted every minute (a random walk around a few hundred to a few thousand), a song starting on each channel about every 2.5 minutes from a library of 500, about 200 radio dedications a day with their funnel steps, themes, relations and languages. ${counts.toLocaleString('en')} minute counts in all.

| what | measured |
| --- | --- |
| rows (a day of one metric each) | ${rows.toLocaleString('en')} |
| packed minute data (deflated JSON) | ${mb(payload)} MB |
| library.sqlite after the year | ${mb(before)} MB |
| library.sqlite after VACUUM | ${mb(after)} MB |
| writing the year (a day per call) | ${writeSec.toFixed(1)} s |
| one minute's roll-up into full day rows (median, max of 60) | ${rollups[30]!.toFixed(1)} ms, ${rollups[59]!.toFixed(1)} ms |
| reading a week of listeners (${week.length.toLocaleString('en')} counts) | ${readMs.toFixed(0)} ms |

The file also holds the library's empty tables (a few kB). Per-song plays are kept by the hour; everything else by the minute.
`;
    writeSection(join(process.cwd(), 'docs/BENCHMARKS.md'), 'stats-year', body);
    process.stdout.write(`${body}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:stats-year failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
