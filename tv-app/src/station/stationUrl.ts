// Where the station is. Served by the station at /tv/, the app talks to its own origin; loaded
// from file:// (the installed .ipk) it uses the address set in Settings.

/** The default for a packaged app: the name a station announces on the home network. */
export const DEFAULT_STATION_URL = 'http://radio-optimism.local:8080';

export function normaliseStationUrl(raw: string): string | undefined {
  const trimmed = raw.trim().replace(/\/+$/, '');
  if (!trimmed || /^https?:\/*$/i.test(trimmed)) return undefined;
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    const url = new URL(withScheme);
    return url.hostname ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `?station=` wins (developers point a dev server at any station), then the app's own http(s)
 * origin, then the saved setting, then the default.
 */
export function resolveStationUrl(location: Pick<Location, 'protocol' | 'origin' | 'search'>, saved: string | undefined): string {
  const param = new URLSearchParams(location.search).get('station');
  const fromParam = param ? normaliseStationUrl(param) : undefined;
  if (fromParam) return fromParam;
  if (location.protocol === 'http:' || location.protocol === 'https:') return location.origin;
  return (saved && normaliseStationUrl(saved)) || DEFAULT_STATION_URL;
}

export const isPackaged = (location: Pick<Location, 'protocol'>) => location.protocol === 'file:';
