// The composer's process (forked by composer-thread.ts): runs whole songs and announcements through
// their pipelines and reports each stage, so the station's event loop never waits on one being made.
import { composeSong, type PlayableSong } from './pipeline.js';
import { draftLyrics } from './draft-lyrics.js';
import { composeAnnouncement } from './announce/announce.js';
import { closeDefaultRenderPool, warmDefaultRenderPool } from './render/render.js';
import { warmUpEngine } from './sing/espeak.js';
import type { ComposerReply, ComposerTask } from './composer-thread.js';
import { composerTestHooks, TestHookFailure } from './test-hooks.js';

const hooks = composerTestHooks();

const reply = (message: ComposerReply): void => {
  if (process.connected) process.send!(message);
};
// The station went away (or asked us to close): nothing here is worth finishing for no one. The whole
// process group goes, ffmpeg encoders included (a killed station's encoder would otherwise go on
// writing segments into a folder the next start is cleaning up).
const gone = (): void => {
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    process.exit(0);
  }
};
process.on('disconnect', gone);
// A station killed mid-song: a stage report sent before the disconnect is seen fails with EPIPE, as an
// 'error' on the process. Unhandled, it killed this process alone, with a stack trace, and left its
// encoders running (and holding the station's output open).
process.on('error', gone);
// Our output goes through the station's pipes (composer-thread.ts): once it is gone, so are we.
process.stdout.on('error', gone);
process.stderr.on('error', gone);

const failed = (id: number) => (error: unknown) => {
  const e = error as { code?: unknown; stage?: unknown; message?: unknown };
  reply({
    type: 'failed',
    id,
    error: { code: typeof e?.code === 'string' ? e.code : 'stage-failed', message: typeof e?.message === 'string' ? e.message : String(error), ...(typeof e?.stage === 'string' ? { stage: e.stage } : {}) },
  });
};

process.on('message', (task: ComposerTask) => {
  switch (task.type) {
    case 'close':
      // The process exits, and all it loaded goes back to the system.
      void closeDefaultRenderPool().finally(() => process.disconnect());
      return;
    case 'warm':
      Promise.all([warmDefaultRenderPool(), warmUpEngine()]).then(() => reply({ type: 'warmed', id: task.id }), failed(task.id));
      return;
    case 'draft':
      try {
        reply({ type: 'drafted', id: task.id, result: draftLyrics(task.request, task.seed) });
      } catch (error) {
        failed(task.id)(error);
      }
      return;
    case 'announce':
      composeAnnouncement(task.request, task.outDir, { keepWav: task.keepWav }).then((result) => reply({ type: 'announced', id: task.id, result }), failed(task.id));
      return;
    case 'compose': {
      const { id, request, seed, outDir, keepWav } = task;
      let offered = false;
      const onPlayable = (song: PlayableSong) => {
        offered = true;
        reply({ type: 'playable', id, song });
        // Thrown inside the pipeline's encode stage, so it stops its encoder as a real failure would.
        if (hooks.failAfterFirstPart === 'at-once') throw new TestHookFailure();
      };
      composeSong(request, seed, outDir, { keepWav, onStage: (event) => reply({ type: 'stage', id, event }), onPlayable }).then(
        (result) => (offered && hooks.failAfterFirstPart === 'at-end' ? failed(id)(new TestHookFailure()) : reply({ type: 'done', id, result })),
        failed(id),
      );
    }
  }
});
