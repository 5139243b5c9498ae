// npm start serves the TV app at /tv/: build it once, on the first start, if it is not built yet.
// (npm run build:tv rebuilds it after changes; npm test always does.)
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync(new URL('../tv-app/dist/index.html', import.meta.url))) {
  console.log('Building the TV app for /tv/ (first start only, about a minute)...');
  const result = spawnSync('npm', ['run', '-s', 'build:tv'], { stdio: 'inherit' });
  if (result.status !== 0) console.error('The TV app did not build; the station starts without /tv/. Run npm run build:tv to see why.');
}
