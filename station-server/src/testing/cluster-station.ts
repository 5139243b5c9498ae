// A station instance for cluster tests, built on explicit parts: the PostgreSQL store (DATABASE_URL),
// a shared local media folder (MEDIA_DIR), and the Redis bus and leases (REDIS_URL). It says each
// lease change on stdout (`lease <channel> leading|following (<reason>)`) so a test knows the leader.
import { loadConfig } from '../config.js';
import { createStation } from '../station.js';
import { openPostgresStore } from '../library/postgres/postgres-store.js';
import { createLocalMediaStore } from '../media/local-media.js';
import { RedisBus } from '../cluster/redis-bus.js';
import { RedisLease } from '../cluster/redis-lease.js';

const env = process.env;
const log = (line: string) => console.log(line);
const store = await openPostgresStore(env.DATABASE_URL!, { log });
const media = createLocalMediaStore(env.MEDIA_DIR!);
const bus = new RedisBus({ url: env.REDIS_URL! });
const lease = new RedisLease({ url: env.REDIS_URL! });
lease.onChange((c) => log(`lease ${c.channel} ${c.leader ? 'leading' : 'following'} (${c.reason})`));
bus.onProblem((p) => log(`bus ${p.code}`));
// The parts are given here, so the config must not choose engines itself (cluster mode would also
// want S3 and remote workers, which this test does not run).
const { DATABASE_URL: _database, REDIS_URL: _redis, ...rest } = env;
const station = await createStation(loadConfig(rest), { store, media, bus, lease }, log);
log(`listening ${station.port}`);
process.once('SIGTERM', () => void station.destroy().then(() => process.exit(0)));
