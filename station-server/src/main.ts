// `npm start`: the station on its embedded defaults. On first run it makes the starter catalog
// (with a progress bar), then serves and prints where to find it.
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig } from './config.js';
import { openLibrary } from './library/library.js';
import { makeStarterCatalog, readStarterPrompts } from './library/starter-catalog.js';
import { makeStationIds } from './library/station-ids.js';
import { createStation } from './station.js';
import { shutdownComposer } from './composer/shutdown.js';

async function seedIfEmpty(dataDir: string, playlistsDir: string, concurrency: number): Promise<void> {
  const library = openLibrary(dataDir);
  try {
    if (library.count('jingle') === 0) {
      const made = await makeStationIds(library);
      console.log(`Made ${made} station IDs.`);
    }
    if (library.count() > 0) return;
    const prompts = await readStarterPrompts(join(playlistsDir, 'prompts'));
    if (prompts.length === 0) return;
    console.log(`The library is empty: making ${prompts.length} starter songs from ${join(playlistsDir, 'prompts')}`);
    const bar = new cliProgress.SingleBar({ format: 'starter catalog [{bar}] {value}/{total} {title}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 }, cliProgress.Presets.shades_classic);
    const made = await makeStarterCatalog(library, prompts, concurrency, {
      onStart: (total) => bar.start(total, 0, { title: '' }),
      onSong: (done, title) => bar.update(done, { title }),
      onError: (request, error) => console.error(`\nstarter song for ${request.to} failed: ${error instanceof Error ? error.message : String(error)}`),
    });
    bar.stop();
    console.log(`Made ${made} of ${prompts.length} starter songs.`);
  } finally {
    library.close();
    await shutdownComposer();
  }
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
  if (config.seedCatalog) await seedIfEmpty(config.dataDir, config.playlistsDir, config.composeConcurrency);
  const station = await createStation(config);
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${station.port}`;
  console.log(`Radio Optimism is on air with ${station.library.count()} songs on ${station.playout.channels().length} channels.`);
  console.log(`  stream:   ${base}/live/radio-optimism/index.m3u8`);
  console.log(`  TV app:   ${base}/tv/`);
  console.log(`  phone:    ${base}/pair`);
  console.log(`  feed:     ${base}/feed`);
  console.log(`  channels: ${base}/api/v1/channels`);
  console.log(`  songs:    ${base}/api/v1/songs`);
  console.log(`  health:   ${base}/healthz`);
  const stop = async () => {
    await station.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`radio-optimism: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
