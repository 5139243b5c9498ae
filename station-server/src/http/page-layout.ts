// The frame every server-rendered page shares, and the headers that go with it: a strict
// Content-Security-Policy (no inline script or style anywhere), so even a missed escape cannot run code.
import type { Response } from 'express';
import { html, type SafeHtml } from './html.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "media-src 'self'",
  "connect-src 'self' ws: wss:",
  "style-src 'self'",
  "script-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// A small sun, inline so no request is made for it (img-src allows data:).
const FAVICON = `data:image/svg+xml,${encodeURIComponent("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><circle cx='16' cy='16' r='12' fill='#ffb547'/><circle cx='16' cy='16' r='7' fill='#ffe08a'/></svg>")}`;

export interface Page {
  lang: string;
  title: string;
  /** Extra tags for <head> (Open Graph...). */
  head?: SafeHtml;
  body: SafeHtml;
  /** Built stylesheet under /static/. */
  stylesheet: string;
  /** Built module under /static/, if the page needs one. */
  script?: string;
  bodyClass?: string;
}

export function renderPage(page: Page): string {
  return html`<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#ff8a5c">
<link rel="icon" href="${FAVICON}">
<title>${page.title}</title>
<link rel="stylesheet" href="/static/${page.stylesheet}">
${page.script ? html`<script type="module" src="/static/${page.script}"></script>` : ''}
${page.head ?? ''}
</head>
<body class="${page.bodyClass ?? ''}">
${page.body}
</body>
</html>
`.value;
}

/** Sends a page with the security headers every page carries. */
export function sendPage(res: Response, status: number, page: Page, cacheControl = 'no-cache'): void {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Cache-Control': cacheControl,
    })
    .send(renderPage(page));
}

export const brand = (): SafeHtml =>
  html`<a class="brand" href="/feed"><span class="brand-sun" aria-hidden="true"></span><span class="brand-name">Radio Optimism</span></a>`;
