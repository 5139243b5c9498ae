// A throwaway PostgreSQL server for cross-process tests (the cluster end-to-end tests): Debian's
// binaries, installed with apt-get when missing, a fresh cluster in a temp folder on a free loopback
// port; stop() kills it and removes the folder. The station-server unit tests use the same harness.
export { postgresBinaries, startPostgres, type PostgresServer, type PostgresServerOptions } from '@radio-optimism/station-server/dist/testing/postgres-server.js';
