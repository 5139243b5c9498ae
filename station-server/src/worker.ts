// `npm run worker`: a composer worker for cluster mode. It takes song jobs from the BullMQ queue on
// REDIS_URL and makes them; run as many as you like, on any machine that reaches that Redis.
import { shutdownComposer } from './composer/shutdown.js';
import { createJobHandler } from './songs/job-handler-factory.js';
import { runWorkerProcess } from './songs/worker-process.js';

await runWorkerProcess(process.env, { createHandler: createJobHandler, release: shutdownComposer });
