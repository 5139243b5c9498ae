// A real redis-server for cross-process tests: a station started with REDIS_URL=url.
export { startRedis, type RedisTestServer } from '@radio-optimism/station-server/dist/testing/redis-server.js';
