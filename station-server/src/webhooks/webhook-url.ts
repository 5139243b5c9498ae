// What a webhook's address may be: an absolute http:// or https:// URL, said in one line when it is not.
/** The longest address accepted. */
export const WEBHOOK_URL_MAX_CHARS = 2000;

export type UrlCheck = { ok: true; url: string } | { ok: false; message: string };

export function checkWebhookUrl(value: unknown): UrlCheck {
  if (typeof value !== 'string' || !value.trim()) return { ok: false, message: 'give the receiver\'s address, e.g. "https://example.com/hooks/radio"' };
  const text = value.trim();
  if (text.length > WEBHOOK_URL_MAX_CHARS) return { ok: false, message: `the address is longer than ${WEBHOOK_URL_MAX_CHARS} characters` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `"${text.slice(0, 80)}" is not an address: write it whole, starting with https:// or http://` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: `the address must start with https:// or http:// (not ${url.protocol}//)` };
  if (!url.hostname) return { ok: false, message: 'the address has no host name' };
  return { ok: true, url: url.href };
}
