// The composer's thread: runs whole songs through the pipeline and reports each stage, so the
// station's event loop never waits on a song being made.
import { parentPort } from 'node:worker_threads';
import { composeSong } from './pipeline.js';
import { closeDefaultRenderPool, warmDefaultRenderPool } from './render/render.js';
import { warmUpEngine } from './sing/espeak.js';
import type { ComposerReply, ComposerTask } from './composer-thread.js';

const port = parentPort!;
const reply = (message: ComposerReply) => port.postMessage(message);

port.on('message', (task: ComposerTask) => {
  if (task.type === 'close') {
    void closeDefaultRenderPool().then(() => port.close());
    return;
  }
  if (task.type === 'warm') {
    const { id } = task;
    Promise.all([warmDefaultRenderPool(), warmUpEngine()]).then(
      () => reply({ type: 'warmed', id }),
      (error: unknown) => reply({ type: 'failed', id, error: { code: 'stage-failed', message: error instanceof Error ? error.message : String(error) } }),
    );
    return;
  }
  const { id, request, seed, outDir } = task;
  composeSong(request, seed, outDir, { onStage: (event) => reply({ type: 'stage', id, event }) }).then(
    (result) => reply({ type: 'done', id, result }),
    (error: unknown) => {
      const e = error as { code?: unknown; stage?: unknown; message?: unknown };
      reply({
        type: 'failed',
        id,
        error: { code: typeof e?.code === 'string' ? e.code : 'stage-failed', message: typeof e?.message === 'string' ? e.message : String(error), ...(typeof e?.stage === 'string' ? { stage: e.stage } : {}) },
      });
    },
  );
});
