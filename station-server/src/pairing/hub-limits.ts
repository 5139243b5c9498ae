// The hub's abuse limits in one typed object. Defaults suit one household per address; a venue behind
// one NAT may need more (each is a setting in config.ts).
import { DEFAULT_FRAME_BUDGETS, type FrameBudgets } from './frame-budget.js';

export interface HubLimits {
  /** Pairing attempts per address per minute. */
  pairPerIpPerMinute: number;
  /** Wrong codes per address per 10 minutes before it is locked out (kept across restarts). */
  wrongCodesPerIp: number;
  /** Wrong codes per IPv6 /48 per 10 minutes (a site holds 65,536 /64s), kept across restarts. */
  wrongCodesPerSite: number;
  /** Songs per phone per 10 minutes. */
  songsPerPhone: number;
  /** Songs per address per hour. */
  songsPerIpPerHour: number;
  /** Frames per minute of each type, per socket and per address; past either, the socket is closed. */
  frames: FrameBudgets;
  /** Open sockets one address may hold. */
  socketsPerAddress: number;
  /** How often each socket is pinged; a socket that has not answered the previous ping is closed. */
  heartbeatMs: number;
  /** A TV with no paired phone, not seen for this long, is forgotten. */
  unpairedTvMs: number;
}

export const DEFAULT_HUB_LIMITS: HubLimits = {
  pairPerIpPerMinute: 10,
  wrongCodesPerIp: 5,
  wrongCodesPerSite: 50,
  songsPerPhone: 5,
  songsPerIpPerHour: 20,
  frames: DEFAULT_FRAME_BUDGETS,
  socketsPerAddress: 32,
  heartbeatMs: 30_000,
  unpairedTvMs: 24 * 3600_000,
};

/** Defaults with the given changes; frame budgets are merged type by type. */
export const hubLimits = (given: Partial<HubLimits> = {}): HubLimits => ({
  ...DEFAULT_HUB_LIMITS,
  ...given,
  frames: { ...DEFAULT_HUB_LIMITS.frames, ...given.frames },
});
