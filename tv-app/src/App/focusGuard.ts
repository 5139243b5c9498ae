// Focus is never lost: when the focused control disappears (a list refreshes, a phone is
// unpaired) and nothing else took focus, Spotlight puts it back in the active panel. Not in
// pointer mode, where the Magic Remote's cursor decides what is focused.
import Spotlight from '@enact/spotlight';
import { spotlightDefaultClass } from '@enact/spotlight/SpotlightContainerDecorator';
import { useEffect } from 'react';

const GRACE_MS = 700;

export function useFocusGuard(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      if (document.activeElement && document.activeElement !== document.body) return;
      if (Spotlight.getPointerMode()) return;
      // A panel is still sliding in (slow on a busy TV): its body is not there yet, so focusing now
      // would land on the header's Back button. Sandstone focuses the body when the slide ends;
      // look again after that.
      if (Spotlight.isPaused()) {
        timer = setTimeout(check, GRACE_MS);
        return;
      }
      // The panel's own default control (the language in use, the first song…), not whatever
      // Spotlight meets first, which is the header's Back button.
      const preferred = document.querySelector(`[data-view] .${spotlightDefaultClass}`);
      // Spotlight.focus takes an element too; its typings only list ids.
      if (!preferred || !(Spotlight.focus as unknown as (node: Element) => boolean)(preferred)) Spotlight.focus();
    };
    const onFocusOut = (ev: FocusEvent) => {
      if (ev.relatedTarget) return;
      clearTimeout(timer);
      // Panels move focus themselves after their transition: only step in if they did not.
      timer = setTimeout(check, GRACE_MS);
    };
    document.addEventListener('focusout', onFocusOut);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, []);
}
