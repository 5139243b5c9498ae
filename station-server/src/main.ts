// `npm start`: the station on its embedded defaults. On first run it makes the first starter songs
// (with a progress bar), goes on air, prints where to find it, and makes the rest while it plays.
import { join } from 'node:path';
import type { SongRequest } from '@radio-optimism/shared';
import { createCatalogProgress, type CatalogProgress } from './cli/progress.js';
import { ConfigError, loadConfig, type StationConfig } from './config.js';
import { openLibrary } from './library/library.js';
import { makeStarterSongs, readStarterPrompts } from './library/starter-catalog.js';
import { makeStationIds } from './library/station-ids.js';
import { createStation, type Station } from './station.js';
import { configureComposer, loadComposer } from './composer/shutdown.js';
import { baseUrl } from './url-host.js';
import { installProcessGuard } from './process-guard.js';

/** On a first run, the station goes on air once this many starter songs exist; the rest follow on air. */
const SONGS_BEFORE_AIR = 2;

/**
 * Station IDs if there are none; on an empty library, the first starter songs. Returns the starter
 * requests still to make (the station makes them once it is on air).
 */
async function seedFirstSongs(config: StationConfig, progress: CatalogProgress): Promise<SongRequest[]> {
  const library = openLibrary(config.dataDir, { log: progress.log });
  try {
    if (library.count('jingle') === 0) progress.log(`Made ${await makeStationIds(library)} station IDs.`);
    if (library.count() > 0) return [];
    const prompts = (await readStarterPrompts(join(config.playlistsDir, 'prompts'))).map((p) => ({ ...p.request, seed: p.request.seed ?? 1 }));
    if (prompts.length === 0) return [];
    progress.log(`The library is empty: making ${prompts.length} starter songs from ${join(config.playlistsDir, 'prompts')}; on air after the first ${SONGS_BEFORE_AIR}.`);
    const first = prompts.slice(0, SONGS_BEFORE_AIR);
    let done = 0;
    await makeStarterSongs(library, first, config.composeConcurrency, {
      onSong: (title) => progress.song(++done, prompts.length, title),
      onError: (request, error) => progress.log(`starter song for ${request.to} failed: ${error instanceof Error ? error.message : String(error)}`),
    });
    return prompts.slice(first.length);
  } finally {
    library.close();
  }
}

/** The rest of the starter catalog, made by the station's own song queue while it plays. */
function makeRestOnAir(station: Station, rest: SongRequest[], progress: CatalogProgress): void {
  const total = station.library.count() + rest.length;
  // The starter catalog is the lowest class: a phone's dedication or an operator's song goes first.
  const jobs = rest.map((request) => station.jobs.submit(request, { kind: 'song', priority: 'starter' }));
  for (const job of jobs) {
    job.done.then(
      (song) => progress.song(station.library.count(), total, song.title),
      (error: unknown) => progress.log(`a starter song failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
  void Promise.allSettled(jobs.map((j) => j.done)).then(() => {
    progress.stop();
    console.log(`Starter catalog complete: ${station.library.count()} songs on air.`);
  });
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`radio-optimism: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  configureComposer({ idleMs: config.composerIdleMs, keepWav: config.keepWav });
  const progress = createCatalogProgress(process.stdout);
  const rest = config.seedCatalog ? await seedFirstSongs(config, progress) : [];
  const station = await createStation(config, progress.log);
  const base = baseUrl(config.host, station.port);
  progress.log(
    [
      `Radio Optimism is on air (${process.uptime().toFixed(0)} s after start) with ${station.library.count()} songs on ${station.playout.channels().length} channels.`,
      `  stream:   ${base}/live/radio-optimism/index.m3u8`,
      `  TV app:   ${base}/tv/`,
      `  phone:    ${base}/pair`,
      `  feed:     ${base}/feed`,
      `  channels: ${base}/api/v1/channels`,
      `  songs:    ${base}/api/v1/songs`,
      `  health:   ${base}/healthz`,
    ].join('\n'),
  );
  if (rest.length) makeRestOnAir(station, rest, progress);
  else {
    progress.stop();
    // Someone may send a song any moment: load the synthesizer and the voice now, not on their time.
    void loadComposer().then((composer) => composer.warm()).catch((error: unknown) => console.error(`composer warm-up failed: ${error instanceof Error ? error.message : String(error)}`));
  }
  const stop = async () => {
    await station.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

// From here on, an error nobody caught is logged on one line and the station keeps serving.
installProcessGuard({ log: (line) => console.error(`radio-optimism: ${line}`) });

main().catch((error: unknown) => {
  console.error(`radio-optimism: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
