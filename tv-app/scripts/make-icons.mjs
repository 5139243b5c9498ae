// Draws the app's icons (run once; the PNGs are committed): a sunrise over radio waves, the
// station's mark, at the sizes webOS asks for (80x80 icon, 130x130 large icon).
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';

const meta = join(dirname(fileURLToPath(import.meta.url)), '..', 'webos-meta');

function icon(size) {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
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
  return canvas.toBuffer('image/png');
}

await writeFile(join(meta, 'icon.png'), icon(80));
await writeFile(join(meta, 'largeIcon.png'), icon(130));
console.log('icons written to webos-meta/');
