// Bundles the browser pages (the phone companion, the share/feed styles) into dist/public/, served at
// /static/. Run after `tsc -b` (the bundle imports @radio-optimism/shared from its dist).
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pages = join(root, 'src', 'pages');
const out = join(root, 'dist', 'public');
const require = createRequire(import.meta.url);

// zod's `z` re-exports every one of its ~50 error-message locales (300 kB of the bundle); the phone
// shows its own translated messages and zod only ever uses English, so the bundle gets English alone.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-en' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(args.path)};`, resolveDir: dirname(args.path) }));
  },
};

const result = await build({
  entryPoints: {
    phone: join(pages, 'phone', 'main.ts'),
    share: join(pages, 'share', 'main.ts'),
    'phone-style': join(pages, 'styles', 'phone.css'),
    site: join(pages, 'styles', 'site.css'),
    operator: join(pages, 'operator', 'main.ts'),
    'operator-style': join(pages, 'styles', 'operator.css'),
  },
  outdir: out,
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  format: 'esm',
  // Phones a few years old (iOS 15, Android Chrome 90): they have Intl.Segmenter, which the counter needs.
  target: ['es2020', 'safari15', 'chrome90', 'firefox90'],
  // Fonts are copied below and referenced by their served path.
  external: ['/static/*'],
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
  plugins: [zodEnglishOnly],
});

// phone-style.css is the phone's stylesheet; the shell links /static/phone.css.
const { rename } = await import('node:fs/promises');
await rename(join(out, 'phone-style.css'), join(out, 'phone.css'));
await rename(join(out, 'phone-style.css.map'), join(out, 'phone.css.map')).catch(() => undefined);
await rename(join(out, 'operator-style.css'), join(out, 'operator.css'));
await rename(join(out, 'operator-style.css.map'), join(out, 'operator.css.map')).catch(() => undefined);

await mkdir(join(out, 'fonts'), { recursive: true });
const fontDir = join(dirname(require.resolve('@fontsource/dm-serif-display/package.json')), 'files');
for (const file of ['dm-serif-display-latin-400-normal.woff2', 'dm-serif-display-latin-ext-400-normal.woff2']) {
  await copyFile(join(fontDir, file), join(out, 'fonts', file));
}

const sizes = Object.entries(result.metafile.outputs)
  .filter(([file]) => !file.endsWith('.map') && !file.endsWith('.txt'))
  .map(([file, { bytes }]) => `${file.split('/').pop()} ${(bytes / 1024).toFixed(1)} kB`);
console.log(`pages built into ${out}: ${sizes.join(', ')}`);
