// Driving the TV app as a webOS remote does.
import type { Page } from 'playwright-core';

/** A key as the webOS remote sends it: only keyCode set (Chromium's KeyboardEvent ignores keyCode in its init). */
export const remoteKey = (page: Page, keyCode: number) =>
  page.evaluate((code) => {
    const ev = new KeyboardEvent('keydown', { bubbles: true, cancelable: true });
    Object.defineProperty(ev, 'keyCode', { get: () => code });
    (document.activeElement ?? document.body).dispatchEvent(ev);
  }, keyCode);
