// One typed config for the whole station, from the environment with documented defaults.
// A setting that makes no sense stops start-up with a message naming it.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FRAME_BUDGETS, type FrameBudgets, type FrameKind } from './pairing/frame-budget.js';
import { loadS3Config, type S3Config } from './media/s3-config.js';
import cron from 'node-cron';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface StationConfig {
  /** HTTP port (PORT, default 8080). */
  port: number;
  /** Address to listen on (HOST, default 0.0.0.0 so TVs on the LAN can reach it). */
  host: string;
  /** Where the library lives: library.sqlite and media/ (DATA_DIR, default ./data). */
  dataDir: string;
  /** What operators edit: channels, playlists, schedules, starter prompts (PLAYLISTS_DIR, default ./playlists). */
  playlistsDir: string;
  /** The composer's threads (and the SoundFont and voice they hold, hundreds of MB) are closed after this
   *  long with nothing to make, and opened again for the next song; 0 keeps them open (COMPOSER_IDLE_MS, default 60000). */
  composerIdleMs: number;
  /** Keep each song's song.wav, vocals.wav and accompaniment.wav (57 MB a song) for debugging; by default
   *  only the compressed forms are kept (KEEP_WAV, default false). */
  keepWav: boolean;
  /** Make the starter catalog when the library is empty (SEED_CATALOG, default true). */
  seedCatalog: boolean;
  /** Songs made at once while seeding; 2 keeps both cores busy (COMPOSE_CONCURRENCY, default 2). */
  composeConcurrency: number;
  /** The address phones use to reach the station, for the pairing QR code (PUBLIC_URL; default: the address the TV used). */
  publicUrl?: string;
  /** Token operators send to moderate (OPERATOR_TOKEN; default: made on first start and kept in DATA_DIR/operator-token). */
  operatorToken?: string;
  /** Pairing attempts per address per minute (PAIR_LIMIT_PER_MINUTE, default 10). */
  pairLimitPerMinute: number;
  /** Songs per phone per 10 minutes (SONG_LIMIT_PER_PHONE, default 5). */
  songLimitPerPhone: number;
  /** Wrong pairing codes per address per 10 minutes before it is locked out, kept across restarts (WRONG_CODE_LIMIT, default 5). */
  wrongCodeLimit: number;
  /** Wrong pairing codes per IPv6 /48 per 10 minutes, kept across restarts (WRONG_CODE_LIMIT_PER_SITE, default 50). */
  wrongCodeLimitPerSite: number;
  /** WebSocket frames per minute of each type, per socket and per address (WS_BUDGET_<TYPE>=socket/address,
   *  e.g. WS_BUDGET_TV_HELLO=6/30; defaults in pairing/frame-budget.ts). Past either, the socket is closed. */
  wsFrameBudgets: FrameBudgets;
  /** Open WebSockets one address (an IPv6 /64) may hold (WS_SOCKETS_PER_ADDRESS, default 32). */
  wsSocketsPerAddress: number;
  /** WebSocket ping interval; a peer that misses one is closed (WS_HEARTBEAT_SECONDS, default 30). */
  wsHeartbeatMs: number;
  /** A TV with no paired phone, not seen for this long, is forgotten (UNPAIRED_TV_HOURS, default 24). */
  unpairedTvMs: number;
  /** Time a client has to send a request's head (HTTP_HEADERS_TIMEOUT_SECONDS, default 10). */
  httpHeadersTimeoutMs: number;
  /** Time a client has to send a whole request, head and body (HTTP_REQUEST_TIMEOUT_SECONDS, default 30). */
  httpRequestTimeoutMs: number;
  /** The built TV app, served at /tv/ (TV_APP_DIR, default tv-app/dist in this repository). */
  tvAppDir: string;
  /** At most this many songs wait ahead of a new one of the same class; past it, new songs are refused
   *  with "busy, try again" (SONG_QUEUE_LIMIT, default 50). Phone dedications only count each other. */
  songQueueLimit: number;
  /** Songs the operator token may ask for per hour through POST /api/v1/songs (API_SONG_LIMIT_PER_HOUR, default 60). */
  apiSongLimitPerHour: number;
  /** Scheduled backups: a cron expression (BACKUP_CRON, e.g. "30 3 * * *"; default: none), into
   *  `backupDir` (BACKUP_DIR, default ./backups), keeping the newest `backupKeep` (BACKUP_KEEP, default 7). */
  backupCron?: string;
  backupDir: string;
  backupKeep: number;
  /** Requests per address per minute to the API, pages and TV app files; live HLS is not counted (HTTP_LIMIT_PER_MINUTE, default 600). */
  httpLimitPerMinute: number;
  /** A taken-down song's files are kept this long (restorable), then purged by an hourly job (TAKEDOWN_KEEP_DAYS, default 30). */
  takedownKeepMs: number;
  /** Cluster mode's library, pairings and timelines in PostgreSQL (DATABASE_URL, postgres://USER:PASSWORD@HOST:5432/DB;
   *  default: none, the SQLite file DATA_DIR/library.sqlite). */
  databaseUrl?: string;
  /** Cluster mode's song queue (BullMQ: songs are made by `npm run worker`, not in the station), bus and
   *  playout leases on Redis (REDIS_URL, redis://HOST:6379; default: none, all in this process). Needs
   *  DATABASE_URL and S3_BUCKET, where workers on other machines put the songs they make. */
  redisUrl?: string;
  /** The BullMQ queue's name, the same in stations and workers (SONG_QUEUE_NAME, default `songs`). */
  songQueueName: string;
  /** Media in an S3-compatible bucket (S3_ENDPOINT, S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID,
   *  S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE; see media/s3-config.ts; default: none, DATA_DIR/media). */
  s3?: S3Config;
  /** Media read from S3 for playout is kept in DATA_DIR/cache up to this many MB, least recently used
   *  dropped first (MEDIA_CACHE_MB, default 2048). */
  mediaCacheBytes: number;
  /** Listening sessions the statistics track at once (anonymous ids, about 100 bytes each); more are
   *  not counted; 0 turns listener counting off (LISTENER_LIMIT, default 100000). */
  listenerLimit: number;
}

/** Why an operator token is too weak to guard the station, or undefined when it is strong enough (≥ 128 bits). */
export function weakTokenReason(token: string): string | undefined {
  if (!/^[\x21-\x7e]+$/.test(token)) return 'must be printable ASCII with no spaces (it is sent in an HTTP header)';
  const hex = /^[0-9a-fA-F]+$/.test(token);
  const bits = token.length * (hex ? 4 : 6);
  if (bits < 128 || new Set(token).size < 8)
    return 'is too easy to guess: use at least 128 random bits, e.g. 22 or more base64url characters or 32 hex digits (openssl rand -hex 16), or leave it unset to have one made';
  return undefined;
}

export class ConfigError extends Error {
  constructor(readonly setting: string, message: string) {
    super(`${setting}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** A whole-number setting from the environment, within bounds; absent or empty is the fallback. */
export const intSetting =
  (env: NodeJS.ProcessEnv) =>
  (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(name, `must be a whole number from ${min} to ${max}, not "${raw}"`);
    return value;
  };

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): StationConfig {
  const int = intSetting(env);
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    throw new ConfigError(name, `must be true or false, not "${raw}"`);
  };
  const operatorToken = (raw: string): string => {
    const reason = weakTokenReason(raw);
    if (reason) throw new ConfigError('OPERATOR_TOKEN', reason);
    return raw;
  };
  const budgets = (): FrameBudgets => {
    const out = { ...DEFAULT_FRAME_BUDGETS };
    for (const kind of Object.keys(out) as FrameKind[]) {
      const name = `WS_BUDGET_${kind.replace(/[.-]/g, '_').toUpperCase()}`;
      const raw = env[name];
      if (raw === undefined || raw === '') continue;
      const m = /^\s*(\d{1,9})\s*\/\s*(\d{1,9})\s*$/.exec(raw);
      if (!m || Number(m[1]) < 1 || Number(m[2]) < Number(m[1])) throw new ConfigError(name, `must be frames per minute "per-socket/per-address" (both at least 1, the address's at least the socket's), not "${raw}"`);
      out[kind] = { perSocket: Number(m[1]), perAddress: Number(m[2]) };
    }
    return out;
  };
  const headersTimeout = int('HTTP_HEADERS_TIMEOUT_SECONDS', 10, 1, 3600);
  const requestTimeout = int('HTTP_REQUEST_TIMEOUT_SECONDS', 30, 1, 3600);
  const cluster = clusterSettings(env);
  if (requestTimeout < headersTimeout) throw new ConfigError('HTTP_REQUEST_TIMEOUT_SECONDS', `must be at least HTTP_HEADERS_TIMEOUT_SECONDS (${headersTimeout}), not ${requestTimeout}`);
  return {
    port: int('PORT', 8080, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(cwd, env.DATA_DIR || 'data'),
    playlistsDir: resolve(cwd, env.PLAYLISTS_DIR || 'playlists'),
    seedCatalog: bool('SEED_CATALOG', true),
    composerIdleMs: int('COMPOSER_IDLE_MS', 60_000, 0, 24 * 3600_000),
    keepWav: bool('KEEP_WAV', false),
    composeConcurrency: int('COMPOSE_CONCURRENCY', 2, 1, 16),
    pairLimitPerMinute: int('PAIR_LIMIT_PER_MINUTE', 10, 1, 1_000_000),
    songLimitPerPhone: int('SONG_LIMIT_PER_PHONE', 5, 1, 10_000),
    songQueueLimit: int('SONG_QUEUE_LIMIT', 50, 1, 100_000),
    apiSongLimitPerHour: int('API_SONG_LIMIT_PER_HOUR', 60, 1, 1_000_000),
    httpLimitPerMinute: int('HTTP_LIMIT_PER_MINUTE', 600, 10, 10_000_000),
    takedownKeepMs: int('TAKEDOWN_KEEP_DAYS', 30, 0, 3650) * 86_400_000,
    ...(env.OPERATOR_TOKEN ? { operatorToken: operatorToken(env.OPERATOR_TOKEN) } : {}),
    wrongCodeLimit: int('WRONG_CODE_LIMIT', 5, 1, 1_000_000),
    wrongCodeLimitPerSite: int('WRONG_CODE_LIMIT_PER_SITE', 50, 1, 1_000_000),
    wsFrameBudgets: budgets(),
    wsSocketsPerAddress: int('WS_SOCKETS_PER_ADDRESS', 32, 1, 1_000_000),
    wsHeartbeatMs: int('WS_HEARTBEAT_SECONDS', 30, 1, 3600) * 1000,
    unpairedTvMs: int('UNPAIRED_TV_HOURS', 24, 1, 24 * 365) * 3600_000,
    httpHeadersTimeoutMs: headersTimeout * 1000,
    httpRequestTimeoutMs: requestTimeout * 1000,
    ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL.replace(/\/$/, '') } : {}),
    tvAppDir: resolve(cwd, env.TV_APP_DIR || resolve(REPO_ROOT, 'tv-app/dist')),
    ...cluster,
    mediaCacheBytes: int('MEDIA_CACHE_MB', 2048, 16, 10_000_000) * 1024 * 1024,
    ...backupSettings(env, cwd, cluster),
    listenerLimit: int('LISTENER_LIMIT', 100_000, 0, 10_000_000),
  };
}

/** BACKUP_CRON, BACKUP_DIR, BACKUP_KEEP: scheduled backups of the embedded station. */
function backupSettings(env: NodeJS.ProcessEnv, cwd: string, cluster: Pick<StationConfig, 'databaseUrl' | 's3'>): Pick<StationConfig, 'backupCron' | 'backupDir' | 'backupKeep'> {
  const raw = env.BACKUP_KEEP;
  const keep = raw === undefined || raw === '' ? 7 : Number(raw);
  if (!Number.isInteger(keep) || keep < 1 || keep > 1000) throw new ConfigError('BACKUP_KEEP', `must be a whole number from 1 to 1000, not "${raw}"`);
  const backupDir = resolve(cwd, env.BACKUP_DIR || 'backups');
  const expr = env.BACKUP_CRON?.trim();
  if (!expr) return { backupDir, backupKeep: keep };
  if (!cron.validate(expr)) throw new ConfigError('BACKUP_CRON', `must be a cron expression like "30 3 * * *" (daily at 03:30), not "${expr}"`);
  if (cluster.databaseUrl || cluster.s3) throw new ConfigError('BACKUP_CRON', 'backs up the embedded station only (SQLite and DATA_DIR/media): in cluster mode back up PostgreSQL and the bucket with their own tools, and unset BACKUP_CRON');
  return { backupCron: expr, backupDir, backupKeep: keep };
}

/** DATABASE_URL, REDIS_URL, SONG_QUEUE_NAME and S3_*: none of them is the embedded station. */
function clusterSettings(env: NodeJS.ProcessEnv): Pick<StationConfig, 'databaseUrl' | 'redisUrl' | 's3' | 'songQueueName'> {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(databaseUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:'))
      throw new ConfigError('DATABASE_URL', 'must be a PostgreSQL address like postgres://USER:PASSWORD@HOST:5432/DATABASE, or unset for the SQLite file');
  }
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  if (redisUrl !== undefined && !/^rediss?:\/\/[^/]/.test(redisUrl)) throw new ConfigError('REDIS_URL', 'must be a redis:// or rediss:// address like redis://127.0.0.1:6379, or unset to keep the queue in this process');
  const songQueueName = env.SONG_QUEUE_NAME || 'songs';
  if (!/^[A-Za-z0-9_-]+$/.test(songQueueName)) throw new ConfigError('SONG_QUEUE_NAME', `must be letters, digits, "-" or "_", not "${songQueueName}"`);
  const s3 = loadS3Config(env);
  // With the queue on Redis, songs are made by workers elsewhere: they must reach the same library and media.
  if (redisUrl !== undefined && databaseUrl === undefined) throw new ConfigError('REDIS_URL', 'needs DATABASE_URL too: workers on other machines add the songs they make to that PostgreSQL library (or unset REDIS_URL to make songs in this process)');
  if (redisUrl !== undefined && s3 === undefined) throw new ConfigError('REDIS_URL', 'needs S3_BUCKET (and its S3_* settings) too: workers on other machines put the songs they make in that bucket (or unset REDIS_URL to make songs in this process)');
  return { ...(databaseUrl ? { databaseUrl } : {}), ...(redisUrl ? { redisUrl } : {}), ...(s3 ? { s3 } : {}), songQueueName };
}
