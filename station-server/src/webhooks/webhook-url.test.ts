import { describe, expect, it } from '@jest/globals';
import { checkWebhookUrl, WEBHOOK_URL_MAX_CHARS } from './webhook-url.js';

describe('a webhook address', () => {
  it('takes http and https addresses', () => {
    expect(checkWebhookUrl(' https://example.com/hooks/radio ')).toEqual({ ok: true, url: 'https://example.com/hooks/radio' });
    expect(checkWebhookUrl('http://127.0.0.1:8080/x?y=1')).toEqual({ ok: true, url: 'http://127.0.0.1:8080/x?y=1' });
  });

  it('refuses others with one line that says what to write', () => {
    expect(checkWebhookUrl('ftp://example.com/x')).toEqual({ ok: false, message: 'the address must start with https:// or http:// (not ftp://)' });
    expect(checkWebhookUrl('file:///etc/passwd')).toMatchObject({ ok: false, message: expect.stringContaining('https://') });
    expect(checkWebhookUrl('example.com/hook')).toMatchObject({ ok: false, message: expect.stringContaining('is not an address') });
    expect(checkWebhookUrl('')).toMatchObject({ ok: false });
    expect(checkWebhookUrl(42)).toMatchObject({ ok: false });
    expect(checkWebhookUrl(`https://example.com/${'a'.repeat(WEBHOOK_URL_MAX_CHARS)}`)).toMatchObject({ ok: false, message: expect.stringContaining(`${WEBHOOK_URL_MAX_CHARS}`) });
  });
});
