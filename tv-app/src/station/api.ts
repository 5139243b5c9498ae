// The station's HTTP API. Network failures are retried with backoff; what finally fails is a
// typed value the views translate, never a raw exception text on screen.
import type { Channel, NowPlaying, Song } from './types';

export type StationErrorCode = 'unreachable' | 'not-found' | 'bad-response' | 'aborted';

export class StationError extends Error {
  constructor(
    readonly code: StationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StationError';
  }
}

export interface FetchOptions {
  signal?: AbortSignal;
  /** Attempts on network errors and 5xx before giving up (default 3). */
  attempts?: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new StationError('aborted', 'aborted'));
    });
  });

/** Backoff for attempt n (0-based): 0.5 s, 1 s, 2 s ... capped at 10 s. */
export const backoffMs = (attempt: number) => Math.min(10_000, 500 * 2 ** attempt);

async function getOnce(url: string, signal?: AbortSignal): Promise<Response> {
  try {
    return await fetch(url, { signal, cache: 'no-store' });
  } catch (error) {
    if (signal?.aborted) throw new StationError('aborted', 'aborted');
    throw new StationError('unreachable', error instanceof Error ? error.message : String(error));
  }
}

export async function getText(url: string, { signal, attempts = 3 }: FetchOptions = {}): Promise<string> {
  let last: StationError = new StationError('unreachable', 'no attempt made');
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await sleep(backoffMs(attempt - 1), signal);
    try {
      const res = await getOnce(url, signal);
      if (res.status === 404) throw new StationError('not-found', `${url}: not found`);
      if (res.status >= 500) {
        last = new StationError('unreachable', `${url}: HTTP ${res.status}`);
        continue;
      }
      if (!res.ok) throw new StationError('bad-response', `${url}: HTTP ${res.status}`);
      return await res.text();
    } catch (error) {
      if (!(error instanceof StationError) || error.code !== 'unreachable') throw error;
      last = error;
    }
  }
  throw last;
}

export async function getJson<T>(url: string, options?: FetchOptions): Promise<T> {
  const text = await getText(url, options);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new StationError('bad-response', `${url}: not JSON`);
  }
}

/** A client bound to one station address. */
export function stationApi(base: string) {
  const url = (path: string) => (/^https?:/.test(path) ? path : `${base}${path.startsWith('/') ? '' : '/'}${path}`);
  return {
    base,
    url,
    channels: (o?: FetchOptions) => getJson<Channel[]>(url('/api/v1/channels'), o),
    now: (channel: string, o?: FetchOptions) => getJson<NowPlaying>(url(`/api/v1/channels/${encodeURIComponent(channel)}/now`), o),
    song: (id: string, o?: FetchOptions) => getJson<Song>(url(`/api/v1/songs/${encodeURIComponent(id)}`), o),
    text: (path: string, o?: FetchOptions) => getText(url(path), o),
    wsUrl: () => `${base.replace(/^http/, 'ws')}/ws`,
  };
}

export type StationApi = ReturnType<typeof stationApi>;
