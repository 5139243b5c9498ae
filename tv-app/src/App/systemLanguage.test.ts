import { uiLocaleOf, watchSystemLocale } from './systemLanguage';

/** A stand-in for webOS's service bridge: records calls, answers like the settings service. */
function fakeBridge(reply: object) {
  const calls: [string, unknown][] = [];
  class Bridge {
    onservicecallback: ((msg: string) => void) | undefined;
    call(uri: string, params: string) {
      calls.push([uri, JSON.parse(params)]);
      setTimeout(() => this.onservicecallback?.(JSON.stringify(reply)), 0);
    }
    cancel() {}
  }
  (window as unknown as { PalmServiceBridge?: unknown }).PalmServiceBridge = Bridge;
  return calls;
}

describe('the TV’s language', () => {
  afterEach(() => {
    delete (window as unknown as { PalmServiceBridge?: unknown }).PalmServiceBridge;
  });

  it('reads the UI locale from a settings-service reply', () => {
    expect(uiLocaleOf({ settings: { localeInfo: { locales: { UI: 'ko-KR', TV: 'en-US' } } }, returnValue: true })).toBe('ko-KR');
    expect(uiLocaleOf({ settings: {} })).toBeUndefined();
    expect(uiLocaleOf(undefined)).toBeUndefined();
  });

  it('asks com.webos.settingsservice for localeInfo and passes on the UI locale', async () => {
    const calls = fakeBridge({ method: 'getSystemSettings', settings: { localeInfo: { locales: { UI: 'de-DE' } } }, returnValue: true });
    const seen: string[] = [];
    const cancel = watchSystemLocale((l) => seen.push(l));
    await new Promise((r) => setTimeout(r, 10));
    cancel();
    expect(calls).toEqual([['luna://com.webos.settingsservice/getSystemSettings', { keys: ['localeInfo'], subscribe: true }]]);
    expect(seen).toEqual(['de-DE']);
  });

  it('does nothing outside webOS', () => {
    const seen: string[] = [];
    watchSystemLocale((l) => seen.push(l))();
    expect(seen).toEqual([]);
  });
});
