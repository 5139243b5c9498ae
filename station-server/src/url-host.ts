// One place that turns a host and a port into the text of a URL: IPv6 addresses go in brackets
// (http://[::1]:8080/), and the "any address" binds print as localhost, which a browser can open.
import { isIPv6 } from 'node:net';

/** A host as it is written inside a URL. */
export function hostForUrl(host: string): string {
  return isIPv6(host) ? `[${host}]` : host;
}

/** The base URL (no trailing slash) to print for a server listening on host:port. */
export function baseUrl(host: string, port: number, scheme = 'http'): string {
  const shown = host === '0.0.0.0' || host === '::' || host === '' ? 'localhost' : host;
  return `${scheme}://${hostForUrl(shown)}:${port}`;
}
