// The one creator: builds every subsystem from the typed config, hands each its dependencies,
// and undoes all of them in destroy().
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StationConfig } from './config.js';
import { openLibrary, type Library } from './library/library.js';
import { createSongJobs, type SongJobs } from './library/song-jobs.js';
import { createApp } from './http/app.js';
import { shutdownComposer } from './composer/shutdown.js';

export interface Station {
  config: StationConfig;
  library: Library;
  jobs: SongJobs;
  server: Server;
  /** The port actually bound (differs from config.port when that is 0). */
  port: number;
  destroy(): Promise<void>;
}

export async function createStation(config: StationConfig, log: (line: string) => void = console.log): Promise<Station> {
  const library = openLibrary(config.dataDir);
  const jobs = createSongJobs(library, config.composeConcurrency, log);
  const server = createServer(createApp({ library, jobs }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    config,
    library,
    jobs,
    server,
    port,
    async destroy() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await jobs.destroy();
      await shutdownComposer();
      library.close();
    },
  };
}
