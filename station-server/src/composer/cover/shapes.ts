// Path builders shared by the art, the vibe touches and the theme motifs. Each only traces a path
// (centred on x, y with size r); the caller fills or strokes it.
import type { SKRSContext2D } from '@napi-rs/canvas';

export type Ctx = SKRSContext2D;

export function circle(ctx: Ctx, x: number, y: number, r: number): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
}

export function star(ctx: Ctx, x: number, y: number, r: number, points = 5, inner = 0.45, rotation = 0): void {
  ctx.beginPath();
  for (let i = 0; i < points * 2; i++) {
    const a = rotation - Math.PI / 2 + (i * Math.PI) / points;
    const rr = i % 2 === 0 ? r : r * inner;
    if (i === 0) ctx.moveTo(x + Math.cos(a) * rr, y + Math.sin(a) * rr);
    else ctx.lineTo(x + Math.cos(a) * rr, y + Math.sin(a) * rr);
  }
  ctx.closePath();
}

/** A heart whose width is about 2r, point down. */
export function heart(ctx: Ctx, x: number, y: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x, y + r * 0.9);
  ctx.bezierCurveTo(x - r * 1.5, y - r * 0.1, x - r * 0.9, y - r * 1.25, x, y - r * 0.45);
  ctx.bezierCurveTo(x + r * 0.9, y - r * 1.25, x + r * 1.5, y - r * 0.1, x, y + r * 0.9);
  ctx.closePath();
}

export function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, radius: number): void {
  const r = Math.min(radius, w / 2, h / 2);
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

export function polygon(ctx: Ctx, x: number, y: number, r: number, sides: number, rotation = 0): void {
  ctx.beginPath();
  for (let i = 0; i < sides; i++) {
    const a = rotation + (i * Math.PI * 2) / sides;
    if (i === 0) ctx.moveTo(x + Math.cos(a) * r, y + Math.sin(a) * r);
    else ctx.lineTo(x + Math.cos(a) * r, y + Math.sin(a) * r);
  }
  ctx.closePath();
}

/** A five-petal flower: petals as ellipses around a centre. */
export function petals(ctx: Ctx, x: number, y: number, r: number, count = 5, rotation = 0): void {
  ctx.beginPath();
  for (let i = 0; i < count; i++) {
    const a = rotation + (i * Math.PI * 2) / count;
    ctx.ellipse(x + Math.cos(a) * r * 0.55, y + Math.sin(a) * r * 0.55, r * 0.5, r * 0.3, a, 0, Math.PI * 2);
  }
}

/** A zigzag line from (x0, y0) to (x1, y1) with `teeth` points of amplitude `amp`. */
export function zigzag(ctx: Ctx, x0: number, y0: number, x1: number, y1: number, teeth: number, amp: number): void {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len = Math.hypot(dx, dy) || 1;
  const nx = -dy / len;
  const ny = dx / len;
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  for (let i = 1; i <= teeth; i++) {
    const t = i / teeth;
    const side = i === teeth ? 0 : i % 2 === 0 ? -1 : 1;
    ctx.lineTo(x0 + dx * t + nx * amp * side, y0 + dy * t + ny * amp * side);
  }
}
