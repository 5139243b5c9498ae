import { describe, expect, it } from '@jest/globals';
import { baseUrl, hostForUrl } from './url-host.js';

describe('printed URLs', () => {
  it('brackets IPv6 hosts and shows the any-address binds as localhost', () => {
    expect(baseUrl('::', 8302)).toBe('http://localhost:8302');
    expect(baseUrl('0.0.0.0', 8080)).toBe('http://localhost:8080');
    expect(baseUrl('::1', 8302)).toBe('http://[::1]:8302');
    expect(baseUrl('fe80::1', 80)).toBe('http://[fe80::1]:80');
    expect(baseUrl('192.168.1.5', 8080)).toBe('http://192.168.1.5:8080');
    expect(baseUrl('radio.local', 8080)).toBe('http://radio.local:8080');
    expect(hostForUrl('::ffff:127.0.0.1')).toBe('[::ffff:127.0.0.1]');
    expect(new URL(`${baseUrl('::1', 8302)}/tv/`).port).toBe('8302');
  });
});
