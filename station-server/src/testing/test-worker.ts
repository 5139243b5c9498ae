// A worker process for cross-process tests: the real worker process around a stand-in handler that
// reports a stage, then waits TEST_JOB_MS (default 60 s) before it is done, so a test can kill it
// mid-job. TEST_JOB_FAIL=invalid-request makes every job fail with that code instead.
import { runWorkerProcess } from '../songs/worker-process.js';
import { SongJobError } from '../songs/bullmq-settings.js';

const jobMs = Number(process.env.TEST_JOB_MS ?? 60_000);
const failWith = process.env.TEST_JOB_FAIL;

await runWorkerProcess(process.env, {
  createHandler: async () => async (spec, context) => {
    context.stage('understand');
    await new Promise((r) => setTimeout(r, jobMs));
    if (failWith) throw new SongJobError(failWith, 'the test worker was told to fail');
    context.stage('check');
    return { type: 'announcement', id: context.id, durationSec: 1 };
  },
});
