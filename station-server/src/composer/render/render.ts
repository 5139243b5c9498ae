// Stage 5, render: the band. A lazily made default pool serves callers that do not manage their own.
import type { Audio, Score } from '../types.js';
import { createRenderPool, type RenderPool } from './render-pool.js';

let defaultPool: RenderPool | undefined;

/** Renders the score's instrument tracks to stereo 44.1 kHz audio of `score.durationSec`. */
export function renderAccompaniment(score: Score): Promise<Audio> {
  defaultPool ??= createRenderPool();
  return defaultPool.render(score);
}

/** Loads the SoundFont in the default pool's workers now, so the first song does not wait for it. */
export function warmDefaultRenderPool(): Promise<void> {
  defaultPool ??= createRenderPool();
  return defaultPool.warm();
}

/** Stops the default pool's workers (a CLI calls this before it exits; the next render makes a new pool). */
export async function closeDefaultRenderPool(): Promise<void> {
  const pool = defaultPool;
  defaultPool = undefined;
  await pool?.destroy();
}

export { createRenderPool, type RenderPool, type RenderPoolOptions } from './render-pool.js';
export { RenderError, type RenderErrorCode } from './errors.js';
