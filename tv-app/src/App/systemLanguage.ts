// The TV's own language, from webOS's settings service (the UI locale the viewer chose in the TV's
// settings). Outside webOS there is no service bridge and the browser's languages stand in.
import LS2Request from '@enact/webos/LS2Request';

interface LocaleInfoReply {
  settings?: { localeInfo?: { locales?: { UI?: unknown } } };
}

/** The UI locale in a settings-service reply ("ko-KR"), if it holds one. */
export function uiLocaleOf(reply: unknown): string | undefined {
  const ui = (reply as LocaleInfoReply | undefined)?.settings?.localeInfo?.locales?.UI;
  return typeof ui === 'string' && ui ? ui : undefined;
}

/** Whether webOS's service bridge is here (LS2Request needs it, and logs an error without it). */
export const onWebOS = () => {
  const w = window as unknown as { WebOSServiceBridge?: unknown; PalmServiceBridge?: unknown };
  return typeof (w.WebOSServiceBridge ?? w.PalmServiceBridge) === 'function';
};

/**
 * Calls `onLocale` with the TV's UI locale now and whenever the viewer changes it (a subscription).
 * Returns the cancel function; does nothing outside webOS.
 */
export function watchSystemLocale(onLocale: (locale: string) => void): () => void {
  if (!onWebOS()) return () => undefined;
  const request = new LS2Request();
  request.send({
    service: 'luna://com.webos.settingsservice',
    method: 'getSystemSettings',
    parameters: { keys: ['localeInfo'] },
    subscribe: true,
    timeout: 5000,
    onSuccess: (reply: unknown) => {
      const locale = uiLocaleOf(reply);
      if (locale) onLocale(locale);
    },
    // No answer or a refusal: the browser's languages (already in use) stay.
    onFailure: () => undefined,
    onTimeout: () => undefined,
  });
  return () => request.cancel();
}
