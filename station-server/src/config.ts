// One typed config for the whole station, from the environment with documented defaults.
// A setting that makes no sense stops start-up with a message naming it.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  /** The built TV app, served at /tv/ (TV_APP_DIR, default tv-app/dist in this repository). */
  tvAppDir: string;
  /** At most this many songs wait ahead of a new one of the same class; past it, new songs are refused
   *  with "busy, try again" (SONG_QUEUE_LIMIT, default 50). Phone dedications only count each other. */
  songQueueLimit: number;
  /** Songs the operator token may ask for per hour through POST /api/v1/songs (API_SONG_LIMIT_PER_HOUR, default 60). */
  apiSongLimitPerHour: number;
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): StationConfig {
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(name, `must be a whole number from ${min} to ${max}, not "${raw}"`);
    return value;
  };
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
  return {
    port: int('PORT', 8080, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(cwd, env.DATA_DIR || 'data'),
    playlistsDir: resolve(cwd, env.PLAYLISTS_DIR || 'playlists'),
    seedCatalog: bool('SEED_CATALOG', true),
    composeConcurrency: int('COMPOSE_CONCURRENCY', 2, 1, 16),
    pairLimitPerMinute: int('PAIR_LIMIT_PER_MINUTE', 10, 1, 1_000_000),
    songLimitPerPhone: int('SONG_LIMIT_PER_PHONE', 5, 1, 10_000),
    songQueueLimit: int('SONG_QUEUE_LIMIT', 50, 1, 100_000),
    apiSongLimitPerHour: int('API_SONG_LIMIT_PER_HOUR', 60, 1, 1_000_000),
    ...(env.OPERATOR_TOKEN ? { operatorToken: operatorToken(env.OPERATOR_TOKEN) } : {}),
    ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL.replace(/\/$/, '') } : {}),
    tvAppDir: resolve(cwd, env.TV_APP_DIR || resolve(REPO_ROOT, 'tv-app/dist')),
  };
}
