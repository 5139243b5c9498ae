// The JobHandler a cluster worker runs.
//
// STAND-IN, REPLACED AT MERGE: the real handler is `songs/make-job.ts` (compose, check, package,
// publish the files to the media store, add the song to the store), written in another branch. Until
// then this composes with the real composer into a local scratch folder and returns the song's record
// without storing it anywhere, so the worker process, the queue and stall recovery can be exercised
// end to end. At merge, `createJobHandler` builds the store and media store from `env` and returns
// make-job's handler; worker.ts does not change.
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadComposer } from '../composer/shutdown.js';
import type { JobHandler } from './song-queue.js';
import { SongJobError } from './bullmq-settings.js';

/** A song's seed when the request has none: taken from the job id, so a retried job makes the same song. */
function seedOf(id: string): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0) & 0x7fffffff;
}

export async function createJobHandler(env: NodeJS.ProcessEnv): Promise<JobHandler> {
  const scratch = env.WORKER_SCRATCH_DIR || join(tmpdir(), 'radio-optimism-worker');
  return async (spec, context) => {
    if (spec.type !== 'song') throw new SongJobError('unsupported-job', `this worker cannot make ${spec.type} jobs yet`);
    const composer = await loadComposer();
    const seed = spec.request.seed ?? seedOf(context.id);
    const { manifest } = await composer.composeSong(spec.request, seed, join(scratch, context.id), {
      onStage: (event) => {
        if (event.phase === 'start') context.stage(event.stage);
      },
    });
    return {
      type: 'song',
      song: {
        id: context.id,
        title: manifest.title,
        language: manifest.language,
        genre: manifest.genre,
        vibe: manifest.vibe,
        theme: manifest.theme,
        relation: manifest.request.relation ?? null,
        durationSec: manifest.durationSec,
        seed: manifest.seed,
        recipient: manifest.request.to,
        sender: manifest.request.from ?? null,
        createdAt: new Date().toISOString(),
        kind: spec.kind,
        request: manifest.request,
      },
    };
  };
}
