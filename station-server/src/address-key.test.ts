import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addressKey, siteKey } from './address-key.js';

describe('addressKey', () => {
  it('keeps IPv4 as it is and unwraps IPv4 mapped into IPv6, in either spelling', () => {
    expect(addressKey('127.0.0.1')).toBe('127.0.0.1');
    expect(addressKey('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(addressKey('::FFFF:10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('::ffff:7f00:2')).toBe('127.0.0.2');
    expect(addressKey('0:0:0:0:0:ffff:c0a8:0101')).toBe('192.168.1.1');
  });

  it('groups IPv6 by /64, whatever the spelling, and keeps other /64s apart', () => {
    const key = addressKey('2001:db8:aa:1::1');
    expect(key).toBe('2001:db8:aa:1::/64');
    expect(addressKey('2001:0db8:00aa:0001:ffff:ffff:ffff:fffe')).toBe(key);
    expect(addressKey('2001:DB8:AA:1:1234:5678:9abc:def0')).toBe(key);
    expect(addressKey('2001:db8:aa:2::1')).not.toBe(key);
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe(addressKey('fe80::2'));
  });

  it('widens IPv6 to its /48 for the site-wide guessing budget, and leaves IPv4 as one address', () => {
    expect(siteKey('2001:db8:aa:1::1')).toBe('2001:db8:aa::/48');
    expect(siteKey('2001:db8:aa:ffff:1::9')).toBe('2001:db8:aa::/48');
    expect(siteKey('2001:db8:ab:1::1')).not.toBe(siteKey('2001:db8:aa:1::1'));
    expect(siteKey('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(siteKey('10.0.0.2')).toBe('10.0.0.2');
    expect(siteKey(undefined)).toBe('unknown');
  });

  it('answers anything, even what is not an address', () => {
    expect(addressKey(undefined)).toBe('unknown');
    expect(addressKey('')).toBe('unknown');
    expect(addressKey('not an address')).toBe('not an address');
  });

  it('gives every address of a random /64 one key, and mapped IPv4 the plain IPv4 key', () => {
    const group = fc.integer({ min: 0, max: 0xffff });
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), fc.array(group, { minLength: 4, maxLength: 4 }), (a, tail) => {
        fc.pre(!(a.slice(0, 5).every((g) => g === 0) && a[5] === 0xffff));
        const one = a.map((g) => g.toString(16)).join(':');
        const other = [...a.slice(0, 4), ...tail].map((g) => g.toString(16).padStart(4, '0')).join(':');
        expect(addressKey(one)).toBe(addressKey(other));
      }),
    );
    fc.assert(
      fc.property(fc.ipV4(), (v4) => {
        expect(addressKey(`::ffff:${v4}`)).toBe(addressKey(v4));
      }),
    );
  });
});
