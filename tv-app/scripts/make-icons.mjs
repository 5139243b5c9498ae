// Draws the app's icons and splash (run once; the PNGs are committed): a sunrise over radio waves,
// the station's mark, at the sizes webOS asks for (80x80 icon, 130x130 large icon) and the 1920x1080
// splashBackground the TV shows while the app starts.
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';

const meta = join(dirname(fileURLToPath(import.meta.url)), '..', 'webos-meta');

function icon(size) {
  const canvas = createCanvas(size, size);
  mark(canvas.getContext('2d'), size);
  return canvas.toBuffer('image/png');
}

/** The mark, drawn in a size x size square at the context's origin. */
function mark(ctx, size) {
  const s = size / 100;
  const bg = ctx.createLinearGradient(0, 0, size, size);
  bg.addColorStop(0, '#ff9a5a');
  bg.addColorStop(0.5, '#e8487a');
  bg.addColorStop(1, '#6a4ccf');
  ctx.fillStyle = bg;
  ctx.beginPath();
  ctx.roundRect(0, 0, size, size, 18 * s);
  ctx.fill();
  // The sun, rising.
  ctx.fillStyle = '#ffe08a';
  ctx.beginPath();
  ctx.arc(50 * s, 62 * s, 20 * s, Math.PI, 0);
  ctx.fill();
  // Waves of sound around it.
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  ctx.lineCap = 'round';
  for (const [r, w] of [[30, 5], [40, 4]]) {
    ctx.lineWidth = w * s;
    ctx.beginPath();
    ctx.arc(50 * s, 62 * s, r * s, Math.PI * 1.15, Math.PI * 1.85);
    ctx.stroke();
  }
  ctx.fillStyle = 'rgba(255,255,255,0.95)';
  ctx.fillRect(14 * s, 66 * s, 72 * s, 5 * s);
}

// The splash: the app's own background colour (bgColor in appinfo.json), the mark and the name,
// centred, so the first frame of the app follows it without a jump.
function splash() {
  const [w, h] = [1920, 1080];
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#0c0a14';
  ctx.fillRect(0, 0, w, h);
  const glow = ctx.createRadialGradient(w / 2, h * 0.42, 0, w / 2, h * 0.42, h * 0.6);
  glow.addColorStop(0, 'rgba(232,72,122,0.35)');
  glow.addColorStop(1, 'rgba(12,10,20,0)');
  ctx.fillStyle = glow;
  ctx.fillRect(0, 0, w, h);
  ctx.save();
  ctx.translate(w / 2 - 130, h * 0.42 - 170);
  mark(ctx, 260);
  ctx.restore();
  const require = createRequire(import.meta.url);
  GlobalFonts.registerFromPath(require.resolve('@fontsource/pretendard/files/pretendard-latin-700-normal.woff2'), 'SplashSans');
  ctx.fillStyle = '#ffffff';
  ctx.font = '700 84px SplashSans';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText('Radio Optimism', w / 2, h * 0.42 + 220);
  return canvas.toBuffer('image/png');
}

await writeFile(join(meta, 'icon.png'), icon(80));
await writeFile(join(meta, 'largeIcon.png'), icon(130));
await writeFile(join(meta, 'splash.png'), splash());
console.log('icons and splash written to webos-meta/');
