// `npm start`: the station on its embedded defaults. On first run it makes the first starter songs
// (with a progress bar), goes on air, prints where to find it, and makes the rest while it plays.
import { join } from 'node:path';
import { createCatalogProgress, type CatalogProgress } from './cli/progress.js';
import { ConfigError, loadConfig, type StationConfig } from './config.js';
import { catalogWanted, queueStarterCatalog, readStarterPrompts } from './songs/starter-catalog.js';
import { queueStationIds } from './songs/station-ids.js';
import { QueueStoppedError } from './songs/song-queue.js';
import { resumeAcceptedSongs } from './songs/accepted-songs.js';
import { removeOrphanMedia } from './songs/song-files.js';
import { createStation, defaultParts, type StationParts } from './station.js';
import { configureComposer, loadComposer } from './composer/shutdown.js';
import { baseUrl } from './url-host.js';
import { installProcessGuard } from './process-guard.js';

/** On a first run, the station goes on air once this many starter songs exist; the rest follow on air. */
const SONGS_BEFORE_AIR = 2;
/** Set once Ctrl-C or SIGTERM has begun the stop. */
let stopping = false;

/**
 * Everything goes through the station's one song queue: station IDs if there are none, the starter
 * catalog on an empty library (each request stored first, so a station killed midway makes the rest
 * on its next start), and what a previous run accepted. Waits for the first starter songs; returns
 * the jobs still to make once on air.
 */
async function seedFirstSongs(config: StationConfig, parts: StationParts, progress: CatalogProgress): Promise<string[]> {
  const { store, queue } = parts;
  const ids = await queueStationIds(store, queue);
  if (ids.length) progress.log(`Making ${ids.length} station IDs.`);
  const resumed = await resumeAcceptedSongs(store, queue, progress.log);
  let starter: string[] = [];
  if (await catalogWanted(store)) {
    const prompts = (await readStarterPrompts(join(config.playlistsDir, 'prompts'))).map((p) => ({ ...p.request, seed: p.request.seed ?? 1 }));
    if (prompts.length) progress.log(`The library is empty: making ${prompts.length} starter songs from ${join(config.playlistsDir, 'prompts')}; on air after the first ${SONGS_BEFORE_AIR}.`);
    starter = await queueStarterCatalog(store, queue, prompts, progress.log);
  }
  const waiting = [...resumed, ...starter];
  if (waiting.length === 0) return [];
  const total = (await store.songs.count()) + waiting.length;
  const done = new Set<string>();
  queue.listen({
    ready: (id, result) => {
      if (!waiting.includes(id) || done.has(id)) return;
      done.add(id);
      void store.songs.count().then((n) => progress.song(n, total, result.type === 'song' ? result.song.title : id));
    },
    failed: (id, error) => {
      if (waiting.includes(id)) progress.log(`a starter song failed: ${error.message}`);
    },
  });
  // On air once the first few exist (or could not be made), so a fresh station has music at once.
  if ((await store.songs.count()) < SONGS_BEFORE_AIR) await Promise.allSettled(waiting.slice(0, SONGS_BEFORE_AIR).map((id) => queue.wait(id)));
  return waiting;
}

/** Says when the rest of the catalog is made, while the station plays. */
function reportRestOnAir(parts: StationParts, rest: string[], progress: CatalogProgress): void {
  void Promise.allSettled(rest.map((id) => parts.queue.wait(id))).then(async (results) => {
    progress.stop();
    const count = await parts.store.songs.count();
    // Stopped with the station: what is not made yet is made at the next start, so it is not complete.
    const stopped = results.filter((r) => r.status === 'rejected' && r.reason instanceof QueueStoppedError).length;
    if (stopped > 0) console.log(`Starter catalog: ${count} songs on air; ${stopped} more are made at the next start.`);
    else console.log(`Starter catalog complete: ${count} songs on air.`);
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
  const parts = await defaultParts(config, progress.log);
  // Files left by songs that were being made when the last run stopped (their jobs are queued again below).
  // Not in cluster mode: there a worker elsewhere may be between publishing a song and storing it.
  const orphans = config.redisUrl ? [] : await removeOrphanMedia(parts.store, parts.media, progress.log);
  if (orphans.length) progress.log(`removed ${orphans.length} unfinished song folders from the last run`);
  const rest = config.seedCatalog ? await seedFirstSongs(config, parts, progress) : [];
  const station = await createStation(config, parts, progress.log);
  const base = baseUrl(config.host, station.port);
  progress.log(
    [
      `Radio Optimism is on air (${process.uptime().toFixed(0)} s after start) with ${await station.store.songs.count()} songs on ${station.playout.channels().length} channels.`,
      `  stream:   ${base}/live/radio-optimism/index.m3u8`,
      `  TV app:   ${base}/tv/`,
      `  phone:    ${base}/pair`,
      `  feed:     ${base}/feed`,
      `  channels: ${base}/api/v1/channels`,
      `  songs:    ${base}/api/v1/songs`,
      `  health:   ${base}/healthz`,
    ].join('\n'),
  );
  if (rest.length) reportRestOnAir(parts, rest, progress);
  else {
    progress.stop();
    // Someone may send a song any moment: load the synthesizer and the voice now, not on their time.
    // (A warm-up cut short by Ctrl-C is not a failure worth a line.)
    void loadComposer().then((composer) => composer.warm()).catch((error: unknown) => stopping || console.error(`composer warm-up failed: ${error instanceof Error ? error.message : String(error)}`));
  }
  const stop = async () => {
    stopping = true;
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
