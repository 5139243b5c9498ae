// The one creator: builds every subsystem from the typed config, hands each its dependencies,
// and undoes all of them in destroy(). The store, the media store and the song queue are parts it is
// given (the way hls.js takes its controllers from config); each defaults to the embedded one: the
// SQLite file, the local media folder and the in-process queue.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StationConfig } from './config.js';
import { StationEvent, StationEvents } from './events.js';
import { join } from 'node:path';
import type { Store } from './library/store.js';
import { openSqliteStore } from './library/sqlite-store.js';
import type { MediaStore } from './media/media-store.js';
import { createLocalMediaStore } from './media/local-media.js';
import type { SongQueue } from './songs/song-queue.js';
import { createLocalQueue } from './songs/local-queue.js';
import { createJobHandler } from './songs/make-job.js';
import { resumeAcceptedSongs } from './songs/accepted-songs.js';
import { removeOrphanMedia } from './songs/song-files.js';
import { createApp } from './http/app.js';
import { liveRoutes, nowView } from './http/live-routes.js';
import { serveLive } from './http/live-fast-path.js';
import { createFrontDoor } from './http/live-front-door.js';
import { loadComposer, stopComposerNow } from './composer/shutdown.js';
import { createPlayout, type Playout } from './station/playout.js';
import { formatProblem } from './station/programme.js';
import { keepLastGoodProgramme, startingProgramme } from './station/start-programme.js';
import { watchProgramme, type ProgrammeWatcher } from './station/programme-watcher.js';
import { createHub, type Hub } from './pairing/hub.js';
import { createDedications, type Dedications } from './pairing/dedications.js';
import { createTakes, type Takes } from './pairing/takes.js';
import { operatorConsole } from './http/operator-console.js';
import { pagesRoutes } from './http/pages-routes.js';
import { fileURLToPath } from 'node:url';
import { operatorTokenFile } from './library/operator-token.js';
import { videoRoutes } from './video/video-routes.js';
import type { Bus } from './cluster/bus.js';
import type { Lease } from './cluster/lease.js';
import { LocalBus } from './cluster/local-bus.js';
import { LocalLease } from './cluster/local-lease.js';
import { createLyricVideos } from './video/lyric-videos.js';
import { folderVideos, storedVideos } from './video/video-places.js';
import { describeParts, openClusterParts } from './cluster/cluster-parts.js';
import { createMediaCache, warmMediaCache } from './media/media-cache.js';
import { createWebhookDispatcher } from './webhooks/webhook-dispatcher.js';
import { connectWebhookEvents } from './webhooks/webhook-events.js';
import { scheduleBackups } from './backup/backup-schedule.js';
import { startStatistics } from './stats/statistics.js';
import { TARGET_DURATION } from './station/hls-package.js';

const MAIN_CHANNEL = 'radio-optimism';

/** The implementations a station runs on; each one left out is the embedded default. */
export interface StationParts {
  store: Store;
  media: MediaStore;
  queue: SongQueue;
  /** Pairing, dedication and now-playing events between station instances (default: this process only). */
  bus: Bus;
  /** Which instance plays out each channel (default: this one, always). */
  lease: Lease;
}

/** The parts `config` asks for: in cluster mode (DATABASE_URL, S3_*, REDIS_URL; see config.ts) PostgreSQL,
 *  S3, BullMQ and Redis; otherwise the embedded DATA_DIR/library.sqlite, DATA_DIR/media and a queue in
 *  this process. Says on one line which engine each part uses. */
export async function defaultParts(config: StationConfig, log: (line: string) => void, given: Partial<StationParts> = {}): Promise<StationParts> {
  const cluster = await openClusterParts(config, log, given);
  const chosen = { ...cluster, ...given };
  const store = chosen.store ?? openSqliteStore(config.dataDir, { log });
  const media = chosen.media ?? createLocalMediaStore(config.dataDir);
  const queue =
    chosen.queue ??
    createLocalQueue({ concurrency: config.composeConcurrency, queueLimit: config.songQueueLimit, log, handler: createJobHandler({ store, media }), newId: () => store.songs.newId() });
  const parts = { store, media, queue, bus: chosen.bus ?? new LocalBus(), lease: chosen.lease ?? new LocalLease() };
  if (Object.keys(cluster).length) log(describeParts(config, parts));
  return parts;
}

export interface Station {
  config: StationConfig;
  events: StationEvents;
  store: Store;
  media: MediaStore;
  queue: SongQueue;
  bus: Bus;
  lease: Lease;
  playout: Playout;
  hub: Hub;
  dedications: Dedications;
  server: Server;
  /** The port actually bound (differs from config.port when that is 0). */
  port: number;
  destroy(): Promise<void>;
}

/** Builds the station on `given` parts (the rest embedded); a function in their place is the log (older callers). */
export async function createStation(config: StationConfig, parts: Partial<StationParts> | ((line: string) => void) = {}, logTo?: (line: string) => void): Promise<Station> {
  const given = typeof parts === 'function' ? {} : parts;
  const log = logTo ?? (typeof parts === 'function' ? parts : console.log);
  const events = new StationEvents();
  const { store, media, queue, bus, lease } = await defaultParts(config, log, given);
  // Where playout reads segments and writes transitions: the local media folder, or with S3 media a
  // bounded read-through cache of it (DATA_DIR/cache), filled as songs are made and with the newest.
  const cache = media.kind === 'local' ? undefined : await createMediaCache({ media, dir: join(config.dataDir, 'cache'), maxBytes: config.mediaCacheBytes, log });
  const mediaRoot = cache?.root ?? (media as { root?: string }).root ?? join(config.dataDir, 'media');
  let programme;
  try {
    programme = await startingProgramme(config.dataDir, config.playlistsDir, log);
  } catch (error) {
    await queue.destroy();
    await store.close();
    throw error;
  }
  const playout = createPlayout({ store, mediaRoot, queue, events, programme, lease, bus, ...(cache ? { fill: (source: string) => cache.fill(source) } : {}) });
  // Files left by songs that were being made when the last run stopped, unless their jobs are queued
  // again (accepted songs are resumed below, after this).
  const orphans = given.queue || config.redisUrl ? [] : await removeOrphanMedia(store, media, log);
  if (orphans.length) log(`removed ${orphans.length} unfinished song folders from the last run`);
  const stopListening = queue.listen({
    ready: (id, result) => {
      if (!cache) {
        if (result.type === 'song') events.emit(StationEvent.SongAdded, { songId: result.song.id });
        return;
      }
      // Made on a worker elsewhere: playout hears of it once its files are here.
      void (async () => {
        if (!(await cache.fill(`songs/${id}`))) await cache.fill(`intros/${id}`);
        if (result.type === 'song') events.emit(StationEvent.SongAdded, { songId: result.song.id });
      })();
    },
  });
  if (cache) void warmMediaCache(store, cache, log);
  // Lyric videos are made once and kept beside the song's files: in its folder, or in the bucket.
  const videos = media.kind === 'local'
    ? folderVideos((id) => media.workDir(`songs/${id}`))
    : storedVideos({ media, scratchDir: join(config.dataDir, 'scratch'), ...(cache ? { cacheRoot: cache.root } : {}) });
  const operatorToken = config.operatorToken ?? operatorTokenFile(config.dataDir);
  let dedications: Dedications | undefined;
  const webhooks = createWebhookDispatcher(store.webhooks, log);
  const stopWebhookEvents = connectWebhookEvents({ events, webhooks, leads: (channel) => lease.isLeader(channel) });
  // A listener is a session that fetched a media playlist within the last two target durations.
  const stats = startStatistics({ store, windowMs: 2 * TARGET_DURATION * 1000, maxListeners: config.listenerLimit, log });
  const heard = stats.counter && ((channel: string, address: string | undefined, agent: string | undefined, memo?: object) => stats.counter!.heard(channel, address, agent, memo));
  let watcher: ProgrammeWatcher | undefined;
  const operators = operatorConsole({ store, media, dedications: () => dedications!, operatorToken, takedownKeepMs: config.takedownKeepMs, log, webhooks, playout, playlists: { dir: config.playlistsDir, reload: () => watcher?.reload() ?? Promise.resolve(false) }, stats: stats.source(() => playout.channels().map((c) => ({ id: c.id, name: c.name }))), ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}) });
  // Making songs through the API is for moderators and the operator token (an admin key).
  const operatorOnly = operators.access.need('moderate');
  const app = createApp({ store, queue, media, songsDir: join(mediaRoot, 'songs'), operatorOnly, apiSongsPerHour: config.apiSongLimitPerHour, requestsPerMinute: config.httpLimitPerMinute, log, routers: [
      liveRoutes(store, playout),
      ...operators.routers,
      pagesRoutes({ store, media, publicDir: fileURLToPath(new URL('./public', import.meta.url)), ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}) }),
      videoRoutes({
        videos: createLyricVideos({ place: videos, log }),
        send: (id, req, res, next) => videos.send(id, req, res, next),
        song: async (id) => {
          const song = await store.songs.get(id);
          return song && { kind: song.kind, video: { title: song.title, language: song.language, durationSec: song.durationSec, to: song.recipient, from: song.sender } };
        },
      }),
    ], tvAppDir: config.tvAppDir });
  // A client gets a bounded time to send its head and its whole request (node:http's defaults, 60 s and
  // 300 s checked every 30 s, held slow bodies for 329 s); the check runs often enough to keep them.
  const server = createServer({
    headersTimeout: config.httpHeadersTimeoutMs,
    requestTimeout: config.httpRequestTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, config.httpHeadersTimeoutMs / 2),
  }, (req, res) => {
    if (!serveLive(playout, req, res, heard)) app(req, res);
  });
  // Players keep connections open between polls; keep them longer than a poll interval.
  server.keepAliveTimeout = 15_000;
  const hub = createHub({
    server,
    store: store.pairing,
    windows: store.limits,
    dedications: () => dedications!,
    takes: () => takes!,
    draft: async (request, seed) => (await loadComposer()).draftLyrics(request, seed),
    hasChannel: (id) => !!playout.channel(id),
    now: (id) => nowView(store, playout, id),
    bus,
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
  dedications = createDedications({ store, media, queue, toPhone: hub.toPhone, toTv: hub.toTv, onAir: (songId) => playout.queueDedication(MAIN_CHANNEL, songId), log, stats: stats.dedications,
    pending: (d) => events.emit(StationEvent.DedicationPending, { dedicationId: d.id, songId: d.songId, to: d.request.to, from: d.request.from ?? null, message: d.request.message }) });
  const takes: Takes = createTakes({ store, queue, dedications: () => dedications!, toPhone: hub.toPhone, draft: async (request, seed) => (await loadComposer()).draftLyrics(request, seed), log });
  await dedications.resume();
  const startersPending = (await store.songRequests.pending()).filter((r) => r.priority === 'starter').length;
  const resumed = await resumeAcceptedSongs(store, queue, log);
  // Said as it is on a first run too, where the starter catalog's requests were stored moments ago.
  if (resumed.length) log(`making ${resumed.length} accepted song${resumed.length === 1 ? '' : 's'} not made yet${startersPending ? ` (${startersPending} from the starter catalog)` : ''}`);
  watcher = watchProgramme(config.playlistsDir, events, (p) => playout.setProgramme(p));
  const backups = config.backupCron ? scheduleBackups({ cron: config.backupCron, dir: config.backupDir, keep: config.backupKeep, dataDir: config.dataDir, playlistsDir: config.playlistsDir, log }) : undefined;

  events.on(StationEvent.NowPlaying, ({ channel, current }) => {
    // Plays are counted by the instance that plays the channel out, once.
    if (current && lease.isLeader(channel)) stats.aired(channel, current);
    nowView(store, playout, channel).then(
      (now) => hub.publishNow(channel, now),
      (error: unknown) => log(`[${channel}] now playing not sent: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
  events.on(StationEvent.Fallback, ({ channel, reason }) => log(`[${channel}] fallback: ${reason}`));
  events.on(StationEvent.ProgrammeLoaded, ({ channels }) => {
    log(`programme reloaded: ${channels.join(', ')}`);
    void keepLastGoodProgramme(config.dataDir, config.playlistsDir, log);
  });
  events.on(StationEvent.ProgrammeRejected, ({ problems }) => log(`programme refused, the last good version stays on air:\n${problems.map(formatProblem).join('\n')}`));
  events.on(StationEvent.Error, ({ code, message }) => log(`error ${code}: ${message}`));

  // One listener: the front door answers live playlists and segments itself and hands every other
  // connection to `server` (node:http), which never listens on its own.
  const door = createFrontDoor(playout, server, server.keepAliveTimeout, config.httpHeadersTimeoutMs, heard);
  await new Promise<void>((resolve, reject) => {
    door.server.once('error', reject);
    // A deep accept queue: thousands of TVs reconnect at once after a network blip or a restart, and
    // Node's default of 511 would drop their SYNs into retransmit back-off (seconds of silence).
    door.server.listen({ port: config.port, host: config.host, backlog: 4096 }, () => resolve());
  });
  // node:http tracks its connections (header and request timeouts, closeAllConnections) from its
  // 'listening' event; it never listens itself, so it is told when the door opens.
  server.emit('listening');
  await playout.start();
  const port = (door.server.address() as AddressInfo).port;
  return {
    config,
    events,
    store,
    media,
    queue,
    playout,
    bus,
    lease,
    hub,
    dedications,
    server,
    port,
    async destroy() {
      watcher?.destroy();
      dedications!.destroy();
      await operators.destroy();
      stopWebhookEvents();
      await webhooks.destroy();
      await backups?.stop();
      playout.destroy();
      await stats.destroy();
      await hub.destroy();
      // The door's close waits for every connection it accepted, those it handed to node:http too: they
      // are closed first, or an idle keep-alive one held the stop for its whole timeout (10 s).
      const doorClosed = door.close();
      server.close(() => undefined); // stops node:http's timeout checks (it was never listening itself)
      server.closeAllConnections();
      await doorClosed;
      stopListening();
      // Songs being made are not waited for (minutes on a busy machine): the queue stops taking jobs, the
      // composer's process group is ended, and what was accepted is made at the next start.
      const draining = queue.destroy();
      await stopComposerNow();
      await draining;
      events.removeAll();
      await lease.close();
      await bus.close();
      await store.close();
      (media as { close?: () => void }).close?.(); // the S3 client's sockets
    },
  };
}
