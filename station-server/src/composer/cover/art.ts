// The genre's picture: one painter per genre sets the form (pop's bright shapes, rock's hard slashes,
// jazz's Blue-Note blocks, ...). The palette carries colour and energy; the seed places everything.
import type { Genre } from '@radio-optimism/shared';
import type { Random } from '../random.js';
import type { Palette } from './palette.js';
import { withAlpha } from './palette.js';
import { circle, polygon, roundRect, star, type Ctx } from './shapes.js';

type Painter = (ctx: Ctx, size: number, pal: Palette, rnd: Random) => void;

const count = (base: number, pal: Palette): number => Math.max(2, Math.round(base * pal.energy));

function sky(ctx: Ctx, size: number, pal: Palette, angle = 0): void {
  const dx = Math.sin(angle) * size * 0.5;
  const g = ctx.createLinearGradient(size / 2 - dx, 0, size / 2 + dx, size);
  g.addColorStop(0, pal.sky[0]);
  g.addColorStop(1, pal.sky[1]);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, size, size);
}

const pop: Painter = (ctx, s, pal, rnd) => {
  sky(ctx, s, pal, rnd.next() - 0.5);
  for (let i = 0; i < count(11, pal); i++) {
    const x = rnd.next() * s;
    const y = rnd.next() * s;
    const r = s * (0.05 + rnd.next() * 0.16);
    ctx.save();
    ctx.translate(x, y);
    ctx.rotate(rnd.next() * Math.PI * 2);
    ctx.fillStyle = pal.accents[i % pal.accents.length]!;
    const kind = rnd.int(0, 3);
    if (kind === 0) circle(ctx, 0, 0, r);
    else if (kind === 1) roundRect(ctx, -r, -r * 0.6, r * 2, r * 1.2, r * 0.4);
    else if (kind === 2) polygon(ctx, 0, 0, r, 3);
    else star(ctx, 0, 0, r, 4, 0.5);
    if (rnd.chance(0.3)) {
      ctx.lineWidth = s * 0.012;
      ctx.strokeStyle = pal.accents[(i + 2) % pal.accents.length]!;
      ctx.stroke();
    } else ctx.fill();
    ctx.restore();
  }
};

const ballad: Painter = (ctx, s, pal, rnd) => {
  sky(ctx, s, pal);
  const glow = ctx.createRadialGradient(s * rnd.next(), s * 0.35, 0, s * 0.5, s * 0.35, s * 0.8);
  glow.addColorStop(0, withAlpha(pal.accents[0]!, 0.55));
  glow.addColorStop(1, withAlpha(pal.accents[0]!, 0));
  ctx.fillStyle = glow;
  ctx.fillRect(0, 0, s, s);
  // Bokeh: soft-edged discs, big and faint behind, small and bright in front.
  for (let i = 0; i < count(34, pal); i++) {
    const x = rnd.next() * s;
    const y = rnd.next() * s;
    const r = s * (0.015 + rnd.next() ** 2 * 0.1);
    const colour = pal.accents[i % pal.accents.length]!;
    const g = ctx.createRadialGradient(x, y, 0, x, y, r);
    const a = 0.15 + rnd.next() * 0.45;
    g.addColorStop(0, withAlpha(colour, a));
    g.addColorStop(0.75, withAlpha(colour, a * 0.8));
    g.addColorStop(1, withAlpha(colour, 0));
    ctx.fillStyle = g;
    circle(ctx, x, y, r);
    ctx.fill();
  }
};

const acoustic: Painter = (ctx, s, pal, rnd) => {
  sky(ctx, s, pal);
  // Paper fibres.
  ctx.lineWidth = 1.2;
  for (let i = 0; i < 380; i++) {
    const x = rnd.next() * s;
    const y = rnd.next() * s;
    const a = rnd.next() * Math.PI;
    ctx.strokeStyle = withAlpha(pal.accents[0]!, 0.05 + rnd.next() * 0.08);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + Math.cos(a) * 14, y + Math.sin(a) * 14);
    ctx.stroke();
  }
  // A warm sun / sound-hole with rings.
  const cx = s * (0.3 + rnd.next() * 0.4);
  const cy = s * (0.28 + rnd.next() * 0.12);
  const r = s * (0.16 + rnd.next() * 0.06);
  for (let k = 4; k >= 0; k--) {
    ctx.fillStyle = k % 2 === 0 ? pal.accents[k === 0 ? 4 : 1]! : withAlpha(pal.accents[0]!, 0.85);
    circle(ctx, cx, cy, r * (1 + k * 0.14));
    ctx.fill();
  }
  // Wood planks across the lower part, with wavy grain.
  const top = s * (0.58 + rnd.next() * 0.08);
  const planks = 3;
  const h = (s - top) / planks;
  for (let p = 0; p < planks; p++) {
    const y0 = top + p * h;
    ctx.fillStyle = p % 2 === 0 ? pal.accents[0]! : pal.accents[3]!;
    ctx.fillRect(0, y0, s, h);
    ctx.strokeStyle = withAlpha('rgb(30,15,5)', 0.25);
    ctx.lineWidth = s * 0.003;
    for (let line = 0; line < 7; line++) {
      const base = y0 + (h * (line + 0.5)) / 7;
      const phase = rnd.next() * 6;
      const amp = h * 0.05 * (1 + rnd.next());
      ctx.beginPath();
      for (let x = 0; x <= s; x += 24) {
        const y = base + Math.sin(x / (s * 0.09) + phase) * amp;
        if (x === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.stroke();
    }
    ctx.fillStyle = 'rgba(20,10,0,0.35)';
    ctx.fillRect(0, y0, s, s * 0.004);
  }
  // A sprig of leaves.
  ctx.fillStyle = pal.accents[2]!;
  for (let i = 0; i < count(5, pal); i++) {
    const x = s * (0.06 + rnd.next() * 0.88);
    const y = top - s * (0.02 + rnd.next() * 0.06);
    ctx.beginPath();
    ctx.ellipse(x, y, s * 0.035, s * 0.013, rnd.next() * Math.PI, 0, Math.PI * 2);
    ctx.fill();
  }
};

const rock: Painter = (ctx, s, pal, rnd) => {
  sky(ctx, s, pal);
  // Halftone dots in one corner region.
  const hx = rnd.next() * s;
  const hy = rnd.next() * s * 0.6;
  ctx.fillStyle = withAlpha(pal.accents[2]!, 0.22);
  for (let y = 0; y < s; y += s / 40) {
    for (let x = 0; x < s; x += s / 40) {
      const d = Math.hypot(x - hx, y - hy) / s;
      const r = (s / 90) * Math.max(0, 1 - d * 1.6);
      if (r > 0.5) {
        circle(ctx, x, y, r);
        ctx.fill();
      }
    }
  }
  // Hard diagonal slashes.
  const tilt = (rnd.next() - 0.5) * 0.9;
  for (let i = 0; i < count(5, pal); i++) {
    const x = rnd.next() * s * 1.2 - s * 0.1;
    const w = s * (0.03 + rnd.next() * 0.12);
    ctx.fillStyle = pal.accents[i % 3 === 2 ? 2 : i % 2]!;
    ctx.beginPath();
    ctx.moveTo(x, -10);
    ctx.lineTo(x + w, -10);
    ctx.lineTo(x + w + tilt * s, s + 10);
    ctx.lineTo(x + tilt * s, s + 10);
    ctx.closePath();
    ctx.fill();
  }
  // A jagged bolt.
  const bx = s * (0.25 + rnd.next() * 0.5);
  const bw = s * 0.13;
  ctx.fillStyle = pal.accents[1]!;
  ctx.strokeStyle = pal.accents[3]!;
  ctx.lineWidth = s * 0.012;
  ctx.beginPath();
  ctx.moveTo(bx, s * 0.08);
  ctx.lineTo(bx + bw, s * 0.08);
  ctx.lineTo(bx + bw * 0.45, s * 0.33);
  ctx.lineTo(bx + bw * 1.15, s * 0.33);
  ctx.lineTo(bx - bw * 0.35, s * 0.66);
  ctx.lineTo(bx + bw * 0.05, s * 0.41);
  ctx.lineTo(bx - bw * 0.55, s * 0.41);
  ctx.closePath();
  ctx.stroke();
  ctx.fill();
};

const rnb: Painter = (ctx, s, pal, rnd) => {
  sky(ctx, s, pal, 0.4);
  // Silky ribbons.
  for (let i = 0; i < count(6, pal); i++) {
    const y = s * rnd.next();
    const g = ctx.createLinearGradient(0, 0, s, s);
    g.addColorStop(0, withAlpha(pal.accents[i % pal.accents.length]!, 0));
    g.addColorStop(0.5, withAlpha(pal.accents[i % pal.accents.length]!, 0.5));
    g.addColorStop(1, withAlpha(pal.accents[i % pal.accents.length]!, 0));
    ctx.strokeStyle = g;
    ctx.lineWidth = s * (0.01 + rnd.next() * 0.05);
    ctx.beginPath();
    ctx.moveTo(-20, y);
    ctx.bezierCurveTo(s * 0.3, y - s * rnd.next() * 0.5, s * 0.7, y + s * rnd.next() * 0.5, s + 20, y - s * 0.2);
    ctx.stroke();
  }
  // Glossy spheres with a specular highlight.
  for (let i = 0; i < count(4, pal); i++) {
    const x = s * (0.1 + rnd.next() * 0.8);
    const y = s * (0.1 + rnd.next() * 0.6);
    const r = s * (0.05 + rnd.next() * 0.14);
    const base = pal.accents[i % pal.accents.length]!;
    const g = ctx.createRadialGradient(x - r * 0.35, y - r * 0.4, r * 0.05, x, y, r);
    g.addColorStop(0, 'rgba(255,255,255,0.95)');
    g.addColorStop(0.18, base);
    g.addColorStop(1, 'rgba(20,0,30,0.95)');
    ctx.fillStyle = g;
    circle(ctx, x, y, r);
    ctx.fill();
  }
};

const lofi: Painter = (ctx, s, pal, rnd) => {
  sky(ctx, s, pal);
  // Retro sun with slats, hills in pastel layers.
  const cx = s * (0.3 + rnd.next() * 0.4);
  const cy = s * (0.38 + rnd.next() * 0.1);
  const r = s * (0.2 + rnd.next() * 0.08);
  ctx.fillStyle = pal.accents[0]!;
  circle(ctx, cx, cy, r);
  ctx.fill();
  ctx.fillStyle = pal.sky[1];
  for (let k = 0; k < 5; k++) ctx.fillRect(cx - r, cy + r * (0.1 + k * 0.18), r * 2, r * (0.03 + k * 0.02));
  for (let layer = 0; layer < 3; layer++) {
    const base = s * (0.58 + layer * 0.12);
    ctx.fillStyle = pal.accents[(layer + 1) % pal.accents.length]!;
    ctx.beginPath();
    ctx.moveTo(0, s);
    const phase = rnd.next() * 6;
    for (let x = 0; x <= s; x += 20) ctx.lineTo(x, base + Math.sin(x / (s * 0.16) + phase) * s * 0.035);
    ctx.lineTo(s, s);
    ctx.closePath();
    ctx.fill();
  }
};

const dance: Painter = (ctx, s, pal, rnd) => {
  sky(ctx, s, pal);
  const fx = s * (0.3 + rnd.next() * 0.4);
  const fy = s * (0.3 + rnd.next() * 0.15);
  const rays = count(16, pal) + 4;
  const offset = rnd.next();
  ctx.globalCompositeOperation = 'lighter';
  for (let i = 0; i < rays; i++) {
    const a0 = ((i + offset) / rays) * Math.PI * 2;
    const a1 = a0 + (Math.PI / rays) * (0.4 + rnd.next() * 0.6);
    ctx.fillStyle = withAlpha(pal.accents[i % pal.accents.length]!, 0.22);
    ctx.beginPath();
    ctx.moveTo(fx, fy);
    ctx.lineTo(fx + Math.cos(a0) * s * 2, fy + Math.sin(a0) * s * 2);
    ctx.lineTo(fx + Math.cos(a1) * s * 2, fy + Math.sin(a1) * s * 2);
    ctx.closePath();
    ctx.fill();
  }
  ctx.globalCompositeOperation = 'source-over';
  // Perspective grid floor in neon.
  const horizon = s * 0.66;
  ctx.fillStyle = 'rgba(5,0,15,0.75)';
  ctx.fillRect(0, horizon, s, s - horizon);
  ctx.strokeStyle = pal.accents[1]!;
  ctx.shadowColor = pal.accents[1]!;
  ctx.shadowBlur = s * 0.015;
  ctx.lineWidth = s * 0.004;
  for (let i = -12; i <= 12; i++) {
    ctx.beginPath();
    ctx.moveTo(s / 2 + i * s * 0.03, horizon);
    ctx.lineTo(s / 2 + i * s * 0.25, s);
    ctx.stroke();
  }
  for (let k = 1; k < 9; k++) {
    const y = horizon + (s - horizon) * (k / 8) ** 1.8;
    ctx.beginPath();
    ctx.moveTo(0, y);
    ctx.lineTo(s, y);
    ctx.stroke();
  }
  // A glowing neon ring at the focus.
  ctx.strokeStyle = pal.accents[0]!;
  ctx.shadowColor = pal.accents[0]!;
  ctx.shadowBlur = s * 0.04;
  ctx.lineWidth = s * 0.014;
  circle(ctx, fx, fy, s * (0.08 + rnd.next() * 0.06));
  ctx.stroke();
  ctx.shadowBlur = 0;
};

const jazz: Painter = (ctx, s, pal, rnd) => {
  sky(ctx, s, pal);
  // Blue Note: flat blocks on a grid, a few bold bars, one record-like disc.
  const grid = s / 12;
  for (let i = 0; i < count(6, pal); i++) {
    const w = grid * rnd.int(2, 6);
    const h = grid * rnd.int(1, 5);
    const x = grid * rnd.int(0, 12 - w / grid);
    const y = grid * rnd.int(0, 12 - h / grid);
    ctx.fillStyle = pal.accents[i % pal.accents.length]!;
    ctx.fillRect(x, y, w, h);
  }
  ctx.fillStyle = pal.accents[0]!;
  for (let i = 0; i < count(3, pal); i++) ctx.fillRect(0, grid * rnd.int(1, 11), s, grid * 0.18);
  const dx = grid * rnd.int(3, 9);
  const dy = grid * rnd.int(2, 5);
  ctx.fillStyle = 'rgb(12,12,14)';
  circle(ctx, dx, dy, grid * 2.2);
  ctx.fill();
  ctx.fillStyle = pal.accents[1]!;
  circle(ctx, dx, dy, grid * 0.7);
  ctx.fill();
};

const PAINTERS: Record<Genre, Painter> = { pop, ballad, acoustic, rock, rnb, lofi, dance, jazz };

export function paintArt(ctx: Ctx, size: number, genre: Genre, pal: Palette, rnd: Random): void {
  PAINTERS[genre](ctx, size, pal, rnd);
}
