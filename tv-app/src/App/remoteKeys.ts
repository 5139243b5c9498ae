// The TV remote's channel and colour keys. Channel up/down (PageUp/PageDown: webOS sends its
// channel keys as key codes 33/34) step through the channels on Live, as on any TV; the four
// colour keys open the four views, in the order of Live's buttons, which show the colours.
import { useEffect, useRef } from 'react';
import type { NavTarget } from '../views/LivePanel';

/** Red, green, yellow, blue: webOS key codes 403–406 (browsers name them ColorF0Red…). */
export const COLOUR_KEYS: readonly { code: number; key: string; colour: 'red' | 'green' | 'yellow' | 'blue'; target: NavTarget }[] = [
  { code: 403, key: 'ColorF0Red', colour: 'red', target: 'channels' },
  { code: 404, key: 'ColorF1Green', colour: 'green', target: 'forYou' },
  { code: 405, key: 'ColorF2Yellow', colour: 'yellow', target: 'pair' },
  { code: 406, key: 'ColorF3Blue', colour: 'blue', target: 'settings' },
];

export const colourOf = (target: NavTarget) => COLOUR_KEYS.find((k) => k.target === target)!.colour;

/** +1 for channel up, -1 for channel down, else undefined. */
export function channelStep(ev: Pick<KeyboardEvent, 'keyCode' | 'key'>): 1 | -1 | undefined {
  if (ev.keyCode === 33 || ev.key === 'PageUp' || ev.key === 'ChannelUp') return 1;
  if (ev.keyCode === 34 || ev.key === 'PageDown' || ev.key === 'ChannelDown') return -1;
  return undefined;
}

export function colourTarget(ev: Pick<KeyboardEvent, 'keyCode' | 'key'>): NavTarget | undefined {
  return COLOUR_KEYS.find((k) => k.code === ev.keyCode || k.key === ev.key)?.target;
}

/** The channel `step` away from `current` in `ids`, wrapping at either end. */
export function stepChannel(ids: readonly string[], current: string, step: 1 | -1): string | undefined {
  if (ids.length === 0) return undefined;
  const at = ids.indexOf(current);
  if (at < 0) return ids[0];
  return ids[(at + step + ids.length) % ids.length];
}

/** Listens while `enabled` (Live on top, no popup open). */
export function useRemoteKeys(enabled: boolean, handlers: { onChannel(step: 1 | -1): void; onView(target: NavTarget): void }): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (ev: KeyboardEvent) => {
      const step = channelStep(ev);
      const target = step ? undefined : colourTarget(ev);
      if (!step && !target) return;
      // Sandstone would scroll with PageUp/PageDown; on Live the keys are the channel's.
      ev.preventDefault();
      ev.stopPropagation();
      if (step) latest.current.onChannel(step);
      else if (target) latest.current.onView(target);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
