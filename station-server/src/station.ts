// The one creator: builds every subsystem from the typed config, hands each its dependencies,
// and undoes all of them in destroy().
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StationConfig } from './config.js';
import { StationEvent, StationEvents } from './events.js';
import { openLibrary, type Library } from './library/library.js';
import { resumeOperatorSongs } from './library/operator-songs.js';
import { createSongJobs, type SongJobs } from './library/song-jobs.js';
import { createApp } from './http/app.js';
import { liveRoutes, nowView } from './http/live-routes.js';
import { serveLive } from './http/live-fast-path.js';
import { createFrontDoor } from './http/live-front-door.js';
import { shutdownComposer } from './composer/shutdown.js';
import { createPlayout, type Playout } from './station/playout.js';
import { formatProblem } from './station/programme.js';
import { keepLastGoodProgramme, startingProgramme } from './station/start-programme.js';
import { watchProgramme, type ProgrammeWatcher } from './station/programme-watcher.js';
import { createHub, type Hub } from './pairing/hub.js';
import { createDedications, type Dedications } from './pairing/dedications.js';
import { moderationRoutes } from './http/moderation-routes.js';
import { pagesRoutes } from './http/pages-routes.js';
import { fileURLToPath } from 'node:url';
import { operatorTokenFile } from './library/operator-token.js';
import { operatorGuard } from './http/operator-auth.js';

const MAIN_CHANNEL = 'radio-optimism';

export interface Station {
  config: StationConfig;
  events: StationEvents;
  library: Library;
  jobs: SongJobs;
  playout: Playout;
  hub: Hub;
  dedications: Dedications;
  server: Server;
  /** The port actually bound (differs from config.port when that is 0). */
  port: number;
  destroy(): Promise<void>;
}

export async function createStation(config: StationConfig, log: (line: string) => void = console.log): Promise<Station> {
  const events = new StationEvents();
  const library = openLibrary(config.dataDir, { log });
  let programme;
  try {
    programme = await startingProgramme(config.dataDir, config.playlistsDir, log);
  } catch (error) {
    library.close();
    throw error;
  }
  const playout = createPlayout({ library, events, programme });
  // Folders left by songs that were being made when the last run stopped (their jobs are gone).
  const orphans = library.removeOrphanFolders();
  if (orphans.length) log(`removed ${orphans.length} unfinished song folders from the last run`);
  const jobs = createSongJobs(library, { concurrency: config.composeConcurrency, queueLimit: config.songQueueLimit, log, onReady: (songId) => events.emit(StationEvent.SongAdded, { songId }) });
  const operatorToken = config.operatorToken ?? operatorTokenFile(config.dataDir);
  const operatorOnly = operatorGuard(operatorToken);
  let dedications: Dedications | undefined;
  const app = createApp({ library, jobs, operatorOnly, apiSongsPerHour: config.apiSongLimitPerHour, requestsPerMinute: config.httpLimitPerMinute, log, routers: [
      liveRoutes(library, playout),
      moderationRoutes(library, () => dedications!, operatorOnly),
      pagesRoutes({ library, publicDir: fileURLToPath(new URL('./public', import.meta.url)), ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}) }),
    ], tvAppDir: config.tvAppDir });
  // A client gets a bounded time to send its head and its whole request (node:http's defaults, 60 s and
  // 300 s checked every 30 s, held slow bodies for 329 s); the check runs often enough to keep them.
  const server = createServer({
    headersTimeout: config.httpHeadersTimeoutMs,
    requestTimeout: config.httpRequestTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, config.httpHeadersTimeoutMs / 2),
  }, (req, res) => {
    if (!serveLive(playout, req, res)) app(req, res);
  });
  // Players keep connections open between polls; keep them longer than a poll interval.
  server.keepAliveTimeout = 15_000;
  const hub = createHub({
    server,
    store: library.pairing,
    dedications: () => dedications!,
    hasChannel: (id) => !!playout.channel(id),
    now: (id) => nowView(library, playout, id),
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    limits: {
      pairPerIpPerMinute: config.pairLimitPerMinute,
      wrongCodesPerIp: config.wrongCodeLimit,
      wrongCodesPerSite: config.wrongCodeLimitPerSite,
      songsPerPhone: config.songLimitPerPhone,
      songsPerIpPerHour: Math.max(20, config.songLimitPerPhone * 4),
      frames: config.wsFrameBudgets,
      socketsPerAddress: config.wsSocketsPerAddress,
      heartbeatMs: config.wsHeartbeatMs,
      unpairedTvMs: config.unpairedTvMs,
    },
    log,
  });
  dedications = createDedications({ library, jobs, toPhone: hub.toPhone, toTv: hub.toTv, onAir: (songId) => playout.queueDedication(MAIN_CHANNEL, songId), log });
  dedications.resume();
  const resumed = resumeOperatorSongs(library, jobs, log);
  if (resumed) log(`making ${resumed} songs the API accepted before the last stop`);
  const watcher: ProgrammeWatcher = watchProgramme(config.playlistsDir, events, (p) => playout.setProgramme(p));

  events.on(StationEvent.NowPlaying, ({ channel }) => hub.publishNow(channel, nowView(library, playout, channel)));
  events.on(StationEvent.Fallback, ({ channel, reason }) => log(`[${channel}] fallback: ${reason}`));
  events.on(StationEvent.ProgrammeLoaded, ({ channels }) => {
    log(`programme reloaded: ${channels.join(', ')}`);
    void keepLastGoodProgramme(config.dataDir, config.playlistsDir, log);
  });
  events.on(StationEvent.ProgrammeRejected, ({ problems }) => log(`programme refused, the last good version stays on air:\n${problems.map(formatProblem).join('\n')}`));
  events.on(StationEvent.Error, ({ code, message }) => log(`error ${code}: ${message}`));

  // One listener: the front door answers live playlists and segments itself and hands every other
  // connection to `server` (node:http), which never listens on its own.
  const door = createFrontDoor(playout, server, server.keepAliveTimeout, config.httpHeadersTimeoutMs);
  await new Promise<void>((resolve, reject) => {
    door.server.once('error', reject);
    // A deep accept queue: thousands of TVs reconnect at once after a network blip or a restart, and
    // Node's default of 511 would drop their SYNs into retransmit back-off (seconds of silence).
    door.server.listen({ port: config.port, host: config.host, backlog: 4096 }, () => resolve());
  });
  // node:http tracks its connections (header and request timeouts, closeAllConnections) from its
  // 'listening' event; it never listens itself, so it is told when the door opens.
  server.emit('listening');
  playout.start();
  const port = (door.server.address() as AddressInfo).port;
  return {
    config,
    events,
    library,
    jobs,
    playout,
    hub,
    dedications,
    server,
    port,
    async destroy() {
      watcher.destroy();
      dedications!.destroy();
      playout.destroy();
      await hub.destroy();
      await door.close();
      server.close(() => undefined); // stops node:http's timeout checks (it was never listening itself)
      server.closeAllConnections();
      await jobs.destroy();
      await shutdownComposer();
      events.removeAll();
      library.close();
    },
  };
}
