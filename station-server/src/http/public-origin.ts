// The station's own absolute origin, for URLs that leave the page (Open Graph cards) and may be cached
// by anyone in between. A Host header is whatever the client sent, so it is used only when it names
// this machine (localhost, its hostname, one of its addresses); otherwise the origin comes from facts:
// PUBLIC_URL when set, else this machine's LAN address and the port the request arrived on.
import { hostname, networkInterfaces } from 'node:os';
import type { Request } from 'express';
import { hostForUrl } from '../url-host.js';

export type OriginOf = (req: Request) => string;

/** Names and addresses this machine answers to, lower case, IPv6 without brackets. */
export function ownHostNames(): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '::1']);
  const host = hostname().toLowerCase();
  if (host) names.add(host).add(`${host}.local`);
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) names.add(a.address.toLowerCase().replace(/%.*$/, ''));
  return names;
}

function lanAddress(): string {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return 'localhost';
}

const HOST_HEADER = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+))(?::(\d{1,5}))?$/;

export function createOriginOf(publicUrl: string | undefined, names: Set<string> = ownHostNames()): OriginOf {
  if (publicUrl) {
    const fixed = publicUrl.replace(/\/+$/, '');
    return () => fixed;
  }
  const fallbackHost = lanAddress();
  return (req) => {
    const scheme = req.protocol === 'https' ? 'https' : 'http';
    const m = HOST_HEADER.exec((req.get('host') ?? '').toLowerCase());
    const name = m ? (m[1] ?? m[2]!) : undefined;
    if (m && name && names.has(name)) return `${scheme}://${hostForUrl(name)}${m[3] ? `:${m[3]}` : ''}`;
    return `${scheme}://${hostForUrl(fallbackHost)}:${req.socket.localPort ?? 80}`;
  };
}
