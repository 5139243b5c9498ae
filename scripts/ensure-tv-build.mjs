// npm start serves the TV app at /tv/. On the first start it is built in the background, so the
// station goes on air without waiting for it; /tv/ says it is being built until then.
// (npm run build:tv rebuilds it after changes; npm test always does.)
import { existsSync, openSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const built = new URL('../tv-app/dist/index.html', import.meta.url);
const log = fileURLToPath(new URL('../tv-app/build.log', import.meta.url));
if (!existsSync(built)) {
  console.log(`Building the TV app for /tv/ in the background (first start only, about a minute; log in ${log}).`);
  const out = openSync(log, 'w');
  spawn('npm', ['run', '-s', 'build:tv'], { stdio: ['ignore', out, out] }).unref();
}
