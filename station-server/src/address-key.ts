// The key every per-address limit counts under. One person can hold a whole IPv6 /64 (a home router
// hands one out) and the same IPv4 host shows up as 127.0.0.1 or ::ffff:127.0.0.1 on a dual-stack
// listener, so an exact-string key would give each of those a fresh budget.
import { isIPv4, isIPv6 } from 'node:net';

/** `1.2.3.4` for IPv4 (also when mapped into IPv6), `2001:db8:0:1::/64` for IPv6; anything else as given. */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const bare = address.replace(/%.*$/, '').toLowerCase(); // a zone id (fe80::1%eth0) names an interface, not a host
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return address;
  const groups = expand(bare);
  // ::ffff:a.b.c.d and ::ffff:XXXX:XXXX are IPv4 clients on a dual-stack socket.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/**
 * A wider net for the limits that keep code guessers out: an IPv6 /48 (one customer site; a /48 holds
 * 65,536 /64s, each with its own budget). IPv4 stays one address: a shared /24 is often strangers.
 */
export function siteKey(address: string | undefined): string {
  const key = addressKey(address);
  if (!key.endsWith('::/64')) return key;
  return `${key.split(':').slice(0, 3).join(':')}::/48`;
}

/** The eight 16-bit groups of a valid IPv6 address (with an optional dotted IPv4 tail). */
function expand(address: string): number[] {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const front = part(head);
  const back = part(tail);
  return tail === undefined ? front : [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}
