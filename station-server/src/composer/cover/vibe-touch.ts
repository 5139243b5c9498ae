// What the vibe adds over the genre's picture: epic light and vignette, playful bouncing dots,
// upbeat sparkles, heartfelt warm glow, nostalgic faded film with a light leak; grain where asked.
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type { Vibe } from '@radio-optimism/shared';
import { createRandom, type Random } from '../random.js';
import type { Palette } from './palette.js';
import { circle, star, zigzag, type Ctx } from './shapes.js';

export function paintVibe(ctx: Ctx, s: number, vibe: Vibe, pal: Palette, rnd: Random): void {
  if (vibe === 'epic') {
    ctx.globalCompositeOperation = 'screen';
    const fx = s * (0.2 + rnd.next() * 0.6);
    for (let i = 0; i < 7; i++) {
      const a = Math.PI / 2 + (rnd.next() - 0.5) * 1.2;
      const w = 0.03 + rnd.next() * 0.05;
      ctx.fillStyle = `rgba(255,245,220,${(0.05 + rnd.next() * 0.08).toFixed(3)})`;
      ctx.beginPath();
      ctx.moveTo(fx, -s * 0.05);
      ctx.lineTo(fx + Math.cos(a - w) * s * 1.6, Math.sin(a - w) * s * 1.6);
      ctx.lineTo(fx + Math.cos(a + w) * s * 1.6, Math.sin(a + w) * s * 1.6);
      ctx.closePath();
      ctx.fill();
    }
    ctx.globalCompositeOperation = 'source-over';
    vignette(ctx, s, 0.6);
  } else if (vibe === 'playful') {
    for (let i = 0; i < Math.round(14 * pal.energy); i++) {
      const x = rnd.next() * s;
      const y = rnd.next() * s;
      const r = s * (0.012 + rnd.next() * 0.03);
      ctx.fillStyle = 'rgba(0,0,0,0.18)';
      circle(ctx, x + r * 0.25, y + r * 0.3, r);
      ctx.fill();
      ctx.fillStyle = pal.accents[i % pal.accents.length]!;
      circle(ctx, x, y, r);
      ctx.fill();
    }
    ctx.lineWidth = s * 0.008;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (let i = 0; i < 3; i++) {
      const x = rnd.next() * s * 0.8;
      const y = rnd.next() * s * 0.6;
      ctx.strokeStyle = pal.accents[(i + 1) % pal.accents.length]!;
      zigzag(ctx, x, y, x + s * 0.16, y + (rnd.next() - 0.5) * s * 0.1, 6, s * 0.02);
      ctx.stroke();
    }
  } else if (vibe === 'upbeat') {
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    for (let i = 0; i < 9; i++) {
      star(ctx, rnd.next() * s, rnd.next() * s * 0.7, s * (0.008 + rnd.next() * 0.02), 4, 0.3);
      ctx.fill();
    }
  } else if (vibe === 'heartfelt') {
    const g = ctx.createRadialGradient(s * 0.5, s * 0.45, 0, s * 0.5, s * 0.45, s * 0.75);
    g.addColorStop(0, 'rgba(255,170,110,0.28)');
    g.addColorStop(1, 'rgba(255,120,120,0)');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, s, s);
  } else if (vibe === 'nostalgic') {
    const corner = rnd.int(0, 3);
    const lx = corner % 2 === 0 ? 0 : s;
    const ly = corner < 2 ? 0 : s;
    const leak = ctx.createRadialGradient(lx, ly, 0, lx, ly, s * 0.7);
    leak.addColorStop(0, 'rgba(255,120,40,0.38)');
    leak.addColorStop(1, 'rgba(255,120,40,0)');
    ctx.fillStyle = leak;
    ctx.fillRect(0, 0, s, s);
  } else if (vibe === 'calm') {
    vignette(ctx, s, 0.18);
  }
  if (pal.fade > 0) {
    // Faded film: lift the blacks (screen with warm grey), then a touch of sepia wash.
    ctx.globalCompositeOperation = 'screen';
    ctx.fillStyle = `rgba(70,55,40,${pal.fade.toFixed(3)})`;
    ctx.fillRect(0, 0, s, s);
    ctx.globalCompositeOperation = 'multiply';
    ctx.fillStyle = 'rgba(255,232,195,0.45)';
    ctx.fillRect(0, 0, s, s);
    ctx.globalCompositeOperation = 'source-over';
    vignette(ctx, s, 0.3);
  }
}

function vignette(ctx: Ctx, s: number, strength: number): void {
  const g = ctx.createRadialGradient(s / 2, s / 2, s * 0.35, s / 2, s / 2, s * 0.75);
  g.addColorStop(0, 'rgba(0,0,0,0)');
  g.addColorStop(1, `rgba(0,0,0,${strength.toFixed(3)})`);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, s, s);
}

let noiseTile: Canvas | undefined;

/** Film grain from a fixed seeded tile (made once), so grain costs one pattern fill, not a pixel loop. */
export function paintGrain(ctx: Ctx, s: number, amount: number): void {
  if (amount <= 0) return;
  if (!noiseTile) {
    const size = 256;
    noiseTile = createCanvas(size, size);
    const tctx = noiseTile.getContext('2d');
    const img = tctx.createImageData(size, size);
    const rnd = createRandom(0x6a41);
    for (let i = 0; i < size * size; i++) {
      const v = Math.round(rnd.next() * 255);
      img.data[i * 4] = v;
      img.data[i * 4 + 1] = v;
      img.data[i * 4 + 2] = v;
      img.data[i * 4 + 3] = 255;
    }
    tctx.putImageData(img, 0, 0);
  }
  const pattern = ctx.createPattern(noiseTile, 'repeat');
  if (!pattern) return;
  ctx.save();
  ctx.globalCompositeOperation = 'overlay';
  ctx.globalAlpha = Math.min(0.5, amount * 0.45);
  ctx.fillStyle = pattern;
  // Two-pixel grain on the large cover: it reads like film at print size, and pixel-doubled rows
  // compress far better in the PNG than single-pixel noise.
  const scale = s >= 800 ? 2 : 1;
  ctx.scale(scale, scale);
  ctx.fillRect(0, 0, s / scale, s / scale);
  ctx.restore();
}
