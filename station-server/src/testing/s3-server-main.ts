// The S3-compatible test server as a process of its own (see s3-server.ts): argv is the folder to
// store into and the bucket to make; it prints `listening <port>` once it answers, and stops on SIGTERM.
// s3rver signs list continuation tokens with DES, which OpenSSL 3 only has in its legacy provider, so
// this runs under `node --openssl-legacy-provider`; the station itself never needs that.
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
if (!directory || !bucket) {
  console.error('usage: s3-server-main.js <directory> <bucket>');
  process.exit(2);
}
const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: process.env.S3RVER_LOG !== '1', configureBuckets: [{ name: bucket }] });
const address = await server.run();
console.log(`listening ${address.port}`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
// Gone with its parent: a test run that dies never leaves a server behind.
process.stdin.resume();
process.stdin.once('end', stop);
