// The theme's motif, drawn in the part of the cover the text leaves free: hearts for love, a sun for
// encouragement, stars for pride, confetti for celebration, an envelope under a moon for missing-you,
// a flower for gratitude, a stitched heart for apology.
import type { Theme } from '@radio-optimism/shared';
import type { Random } from '../random.js';
import type { Palette } from './palette.js';
import { circle, heart, petals, roundRect, star, type Ctx } from './shapes.js';

export interface Area {
  x: number;
  y: number;
  w: number;
  h: number;
}

type Motif = (ctx: Ctx, area: Area, pal: Palette, rnd: Random, unit: number) => void;

/** A clean outline in the opposite lightness keeps the motif readable on any background. */
function outlined(ctx: Ctx, fill: string, pal: Palette, unit: number): void {
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = unit * 0.006;
  ctx.strokeStyle = pal.dark ? 'rgba(255,255,255,0.9)' : 'rgba(20,20,30,0.85)';
  ctx.stroke();
}

const spot = (area: Area, rnd: Random): [number, number] => [area.x + area.w * (0.25 + rnd.next() * 0.5), area.y + area.h * (0.3 + rnd.next() * 0.4)];

const love: Motif = (ctx, area, pal, rnd, u) => {
  const n = 2 + rnd.int(1, 4);
  for (let i = 0; i < n; i++) {
    const [x, y] = i === 0 ? spot(area, rnd) : [area.x + rnd.next() * area.w, area.y + rnd.next() * area.h];
    const r = i === 0 ? u * 0.1 : u * (0.025 + rnd.next() * 0.04);
    ctx.save();
    ctx.translate(x, y);
    ctx.rotate((rnd.next() - 0.5) * 0.6);
    heart(ctx, 0, 0, r);
    outlined(ctx, i % 2 === 0 ? 'rgb(232,48,86)' : 'rgb(255,140,170)', pal, u);
    ctx.restore();
  }
};

const encouragement: Motif = (ctx, area, pal, rnd, u) => {
  const [x, y] = spot(area, rnd);
  const r = u * 0.075;
  const rays = 10 + rnd.int(0, 6);
  ctx.strokeStyle = 'rgb(255,196,40)';
  ctx.lineCap = 'round';
  ctx.lineWidth = u * 0.014;
  const spin = rnd.next();
  for (let i = 0; i < rays; i++) {
    const a = ((i + spin) / rays) * Math.PI * 2;
    ctx.beginPath();
    ctx.moveTo(x + Math.cos(a) * r * 1.3, y + Math.sin(a) * r * 1.3);
    ctx.lineTo(x + Math.cos(a) * r * (i % 2 ? 1.75 : 2), y + Math.sin(a) * r * (i % 2 ? 1.75 : 2));
    ctx.stroke();
  }
  circle(ctx, x, y, r);
  outlined(ctx, 'rgb(255,210,60)', pal, u);
};

const pride: Motif = (ctx, area, pal, rnd, u) => {
  const n = 3 + rnd.int(0, 3);
  for (let i = 0; i < n; i++) {
    const [x, y] = i === 0 ? spot(area, rnd) : [area.x + rnd.next() * area.w, area.y + rnd.next() * area.h];
    star(ctx, x, y, i === 0 ? u * 0.09 : u * (0.02 + rnd.next() * 0.035), 5, 0.45, (rnd.next() - 0.5) * 0.5);
    outlined(ctx, i === 0 ? 'rgb(255,200,40)' : 'rgb(255,235,140)', pal, u);
  }
};

const celebration: Motif = (ctx, area, _pal, rnd, u) => {
  const colours = ['rgb(255,80,110)', 'rgb(255,205,50)', 'rgb(60,200,255)', 'rgb(120,230,120)', 'rgb(190,120,255)', 'rgb(255,255,255)'];
  for (let i = 0; i < 46; i++) {
    const x = area.x + rnd.next() * area.w;
    const y = area.y + rnd.next() * area.h;
    ctx.save();
    ctx.translate(x, y);
    ctx.rotate(rnd.next() * Math.PI);
    ctx.fillStyle = colours[i % colours.length]!;
    if (i % 3 === 0) {
      circle(ctx, 0, 0, u * 0.008);
      ctx.fill();
    } else ctx.fillRect(-u * 0.012, -u * 0.005, u * 0.024, u * 0.01);
    ctx.restore();
  }
};

const missingYou: Motif = (ctx, area, pal, rnd, u) => {
  // Crescent moon: a disc drawn through a clip that excludes a second, offset disc.
  const mx = area.x + area.w * (rnd.chance(0.5) ? 0.2 : 0.8);
  const my = area.y + area.h * 0.3;
  const mr = u * 0.05;
  ctx.save();
  ctx.beginPath();
  ctx.rect(mx - mr * 2, my - mr * 2, mr * 4, mr * 4);
  ctx.arc(mx + mr * 0.45, my - mr * 0.25, mr * 0.85, 0, Math.PI * 2);
  ctx.clip('evenodd');
  circle(ctx, mx, my, mr);
  ctx.fillStyle = 'rgb(255,240,190)';
  ctx.fill();
  ctx.restore();
  // Envelope, slightly tilted.
  const [x, y] = spot(area, rnd);
  const w = u * 0.2;
  const h = w * 0.64;
  ctx.save();
  ctx.translate(x, y);
  ctx.rotate((rnd.next() - 0.5) * 0.35);
  roundRect(ctx, -w / 2, -h / 2, w, h, u * 0.008);
  outlined(ctx, 'rgb(250,246,236)', pal, u);
  ctx.beginPath();
  ctx.moveTo(-w / 2, -h / 2);
  ctx.lineTo(0, h * 0.1);
  ctx.lineTo(w / 2, -h / 2);
  ctx.strokeStyle = 'rgba(60,50,40,0.7)';
  ctx.lineWidth = u * 0.005;
  ctx.stroke();
  heart(ctx, 0, h * 0.12, w * 0.07);
  ctx.fillStyle = 'rgb(220,50,70)';
  ctx.fill();
  ctx.restore();
};

const gratitude: Motif = (ctx, area, pal, rnd, u) => {
  const [x, y] = spot(area, rnd);
  const r = u * 0.09;
  ctx.strokeStyle = 'rgb(70,140,70)';
  ctx.lineWidth = u * 0.01;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.quadraticCurveTo(x + r * 0.3, y + r * 1.4, x - r * 0.1, y + r * 2.4);
  ctx.stroke();
  ctx.save();
  ctx.translate(x, y);
  petals(ctx, 0, 0, r, 5 + rnd.int(0, 2), rnd.next() * Math.PI);
  outlined(ctx, pal.dark ? 'rgb(255,170,200)' : 'rgb(255,120,160)', pal, u);
  circle(ctx, 0, 0, r * 0.28);
  ctx.fillStyle = 'rgb(255,200,60)';
  ctx.fill();
  ctx.restore();
};

const apology: Motif = (ctx, area, pal, rnd, u) => {
  // A heart split by a crack and held together with stitches: mended, not broken.
  const [x, y] = spot(area, rnd);
  const r = u * 0.1;
  ctx.save();
  ctx.translate(x, y);
  ctx.rotate((rnd.next() - 0.5) * 0.3);
  heart(ctx, 0, 0, r);
  outlined(ctx, 'rgb(230,70,95)', pal, u);
  const crack: [number, number][] = [[0, -r * 0.45], [-r * 0.18, -r * 0.1], [r * 0.14, r * 0.2], [-r * 0.1, r * 0.5], [0, r * 0.88]];
  ctx.beginPath();
  crack.forEach(([cx, cy], i) => (i === 0 ? ctx.moveTo(cx, cy) : ctx.lineTo(cx, cy)));
  ctx.strokeStyle = 'rgb(250,240,235)';
  ctx.lineWidth = u * 0.007;
  ctx.stroke();
  ctx.lineWidth = u * 0.004;
  for (let i = 0; i < crack.length - 1; i++) {
    const [ax, ay] = crack[i]!;
    const [bx, by] = crack[i + 1]!;
    const mx = (ax + bx) / 2;
    const my = (ay + by) / 2;
    ctx.beginPath();
    ctx.moveTo(mx - r * 0.14, my - r * 0.04);
    ctx.lineTo(mx + r * 0.14, my + r * 0.04);
    ctx.stroke();
  }
  ctx.restore();
};

const MOTIFS: Record<Theme, Motif> = { love, encouragement, pride, celebration, 'missing-you': missingYou, gratitude, apology };

/** `unit` is the cover's side in pixels; the motif scales with it. */
export function paintMotif(ctx: Ctx, theme: Theme, area: Area, pal: Palette, rnd: Random, unit: number): void {
  ctx.save();
  MOTIFS[theme](ctx, area, pal, rnd, unit);
  ctx.restore();
}
