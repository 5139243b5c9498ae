// After `enact pack`: make dist/ self-contained so it runs from file:// (the .ipk) and offline.
// Sandstone's CSS points its fonts at /node_modules/... (webOS has them as system fonts; the dev
// server serves them): copy the ones referenced into dist/fonts and point the CSS there. Its
// Thai fallback font comes from a web font host: drop that URL and keep the local() names.
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const require = createRequire(import.meta.url);
const sandstoneFonts = join(dirname(require.resolve('@enact/sandstone/package.json')), 'fonts');

const cssPath = join(dist, 'main.css');
let css = await readFile(cssPath, 'utf8');
const copied = new Set();
css = css.replace(/url\(\/node_modules\/@enact\/sandstone\/fonts\/([^)]+)\)/g, (_m, rel) => {
  copied.add(join(sandstoneFonts, rel));
  return `url(fonts/${basename(rel)})`;
});
// The app's own Hangul faces (src/App/hangul.less) point into @fontsource the same way (or, when
// webpack emitted them itself, to a copy under dist/node_modules/): one copy, in dist/fonts.
css = css.replace(/url\(\/?node_modules\/(@fontsource\/[^)]+)\)/g, (_m, rel) => {
  copied.add(require.resolve(rel));
  return `url(fonts/${basename(rel)})`;
});
await rm(join(dist, 'node_modules', '@fontsource'), { recursive: true, force: true });
css = css.replace(/,\s*url\(https?:\/\/[^)]+\)\s*format\([^)]*\)/g, '');
if (/url\(https?:/.test(css)) throw new Error('main.css still loads something from the internet');
await mkdir(join(dist, 'fonts'), { recursive: true });
for (const file of copied) await copyFile(file, join(dist, 'fonts', basename(file)));
// The fonts' licences travel with them.
for (const family of ['MuseoSans', 'Miso']) await copyFile(join(sandstoneFonts, family, 'LICENSE.txt'), join(dist, 'fonts', `${family}-LICENSE.txt`));
await copyFile(require.resolve('@fontsource/pretendard/LICENSE'), join(dist, 'fonts', 'Pretendard-LICENSE.txt'));
await writeFile(cssPath, css);
// ilib (used by Sandstone for its own few strings) looks for locale files this build does not
// ship (ILIB_ASSET_EMIT=false; the app's text comes from i18next). An empty manifest in each
// place it looks tells it there is nothing there, instead of a burst of failing requests.
// (Builds differ in where the bundle asks for Sandstone's: under node_modules/ or under _/node_modules/,
// the way enact pack names files outside the app; both are covered.)
for (const where of ['_/node_modules/ilib/locale', 'node_modules/ilib/locale', '_/node_modules/@enact/sandstone/resources', 'node_modules/@enact/sandstone/resources', 'resources']) {
  await mkdir(join(dist, where), { recursive: true });
  await writeFile(join(dist, where, 'ilibmanifest.json'), '{"files":[]}\n');
}
// Without an icon link a browser asks the site root for /favicon.ico, which is not the app's (a 404 in
// the console at /tv/); the app's own icon is beside index.html.
const indexPath = join(dist, 'index.html');
const index = await readFile(indexPath, 'utf8');
if (!index.includes('rel="icon"')) await writeFile(indexPath, index.replace('</head>', '<link rel="icon" href="icon.png"></head>'));
console.log(`postbuild: ${copied.size} fonts copied into dist/fonts, no outside URLs left in main.css`);
