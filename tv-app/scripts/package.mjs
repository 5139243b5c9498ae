// Makes the webOS package (.ipk) from dist/ with LG's ares-package (from @webos-tools/cli, which
// works offline). Run after the build: `npm run package` does both.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const out = join(root, 'out');

const fail = (message) => {
  console.error(`package: ${message}`);
  process.exit(1);
};

if (!existsSync(join(dist, 'index.html'))) fail('dist/ has no build: run `npm run build -w tv-app` first');
const appinfoPath = join(dist, 'appinfo.json');
if (!existsSync(appinfoPath)) fail('dist/appinfo.json is missing (it comes from webos-meta/ at build time)');
const appinfo = JSON.parse(readFileSync(appinfoPath, 'utf8'));
// What ares-package's own check lets through but a TV refuses.
if (!/^[a-z0-9.+-]+$/.test(appinfo.id)) fail(`appinfo id "${appinfo.id}" must be lowercase letters, digits, + - .`);
if (!/^\d+\.\d+\.\d+$/.test(appinfo.version)) fail(`appinfo version "${appinfo.version}" must be x.y.z`);
for (const key of ['icon', 'largeIcon', 'splashBackground']) if (appinfo[key] && !existsSync(join(dist, appinfo[key]))) fail(`dist/${appinfo[key]} (${key}) is missing`);
// The store shows the title and description in the TV's language from resources/<lang>/appinfo.json.
for (const lang of ['en', 'es', 'pt', 'fr', 'de', 'ko']) {
  const file = join(dist, 'resources', lang, 'appinfo.json');
  if (!existsSync(file)) fail(`dist/resources/${lang}/appinfo.json is missing (it comes from tv-app/resources/)`);
  const localised = JSON.parse(readFileSync(file, 'utf8'));
  if (!localised.title || !localised.appDescription) fail(`dist/resources/${lang}/appinfo.json needs a title and an appDescription`);
}

mkdirSync(out, { recursive: true });
const require = createRequire(import.meta.url);
const aresPackage = join(dirname(require.resolve('@webos-tools/cli/package.json')), 'bin', 'ares-package.js');
const result = spawnSync(process.execPath, [aresPackage, '--no-minify', '-o', out, dist], { stdio: 'inherit' });
if (result.status !== 0) fail('ares-package failed');
const ipk = readdirSync(out).find((f) => f.startsWith(`${appinfo.id}_${appinfo.version}`) && f.endsWith('.ipk'));
if (!ipk) fail('ares-package made no .ipk');
console.log(`package: out/${ipk}`);
