import { DEFAULT_STATION_URL, normaliseStationUrl, resolveStationUrl } from './stationUrl';

const at = (href: string) => {
  const u = new URL(href);
  return { protocol: u.protocol, origin: u.origin, search: u.search };
};

describe('resolveStationUrl', () => {
  it('uses its own origin when served by the station', () => {
    expect(resolveStationUrl(at('http://127.0.0.1:8080/tv/'), 'http://elsewhere:1')).toBe('http://127.0.0.1:8080');
  });
  it('uses the saved address, or the default, from file://', () => {
    expect(resolveStationUrl(at('file:///media/apps/index.html'), '192.168.1.20:8080')).toBe('http://192.168.1.20:8080');
    expect(resolveStationUrl(at('file:///media/apps/index.html'), undefined)).toBe(DEFAULT_STATION_URL);
  });
  it('lets ?station= override both', () => {
    expect(resolveStationUrl(at('http://localhost:3000/?station=http://10.0.0.2:8080/'), undefined)).toBe('http://10.0.0.2:8080');
  });
  it('refuses what is not an address', () => {
    expect(normaliseStationUrl('   ')).toBeUndefined();
    expect(normaliseStationUrl('http://')).toBeUndefined();
  });
});
