// Releases what the composer keeps warm between songs (render workers), so a process can exit.
// The composer is loaded on first use: a station that only plays never loads the synthesizer.
let loaded: Promise<typeof import('./pipeline.js')> | undefined;

/** The composer pipeline, imported on first use. */
export function loadComposer(): Promise<typeof import('./pipeline.js')> {
  loaded ??= import('./pipeline.js');
  return loaded;
}

export async function shutdownComposer(): Promise<void> {
  if (!loaded) return;
  await loaded;
  const { closeDefaultRenderPool } = await import('./render/render.js');
  await closeDefaultRenderPool();
}
