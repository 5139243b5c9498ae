// `npm run worker`: a composer worker for cluster mode. It takes song jobs from the BullMQ queue on
// REDIS_URL and makes them into the PostgreSQL library (DATABASE_URL) and the S3 bucket (S3_*) the
// stations share; run as many as you like, on any machine that reaches them.
import { shutdownComposer } from './composer/shutdown.js';
import { openWorkerHandler } from './songs/job-handler-factory.js';
import { runWorkerProcess } from './songs/worker-process.js';

let close = async (): Promise<void> => undefined;
await runWorkerProcess(process.env, {
  createHandler: async (env) => {
    const opened = await openWorkerHandler(env);
    close = opened.close;
    return opened.handler;
  },
  release: async () => {
    await shutdownComposer();
    await close();
  },
});
