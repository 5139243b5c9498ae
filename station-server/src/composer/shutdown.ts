// Releases what the composer keeps warm between songs (render workers), so a one-shot CLI can exit.
import { closeDefaultRenderPool } from './render/render.js';

export async function shutdownComposer(): Promise<void> {
  await closeDefaultRenderPool();
}
