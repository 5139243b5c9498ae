// The remote's media keys act on what is playing: the on-demand song if one is up, else Live.
// While autoplay is refused, OK (Enter) also starts playback. Back must work even in the moment
// focus is nowhere (Sandstone only hears Back from a focused control inside its panels).
import { useEffect, useRef, type MutableRefObject } from 'react';
import type { LiveController } from '../player/liveController';

/** webOS remote key codes, with the browser's names for the same keys. */
const PLAY = new Set([415, 'MediaPlay']);
const PAUSE = new Set([19, 'MediaPause']);
const TOGGLE = new Set([179, 10252, 'MediaPlayPause']);
const STOP = new Set([413, 'MediaStop']);

export type MediaAction = 'play' | 'pause' | 'toggle' | undefined;

export function mediaAction(ev: Pick<KeyboardEvent, 'keyCode' | 'key'>): MediaAction {
  const has = (set: Set<number | string>) => set.has(ev.keyCode) || set.has(ev.key);
  if (has(PLAY)) return 'play';
  if (has(PAUSE) || has(STOP)) return 'pause';
  if (has(TOGGLE)) return 'toggle';
  return undefined;
}

export function useMediaKeys({ live, songMedia, blocked }: { live: LiveController; songMedia: MutableRefObject<HTMLAudioElement | null>; blocked: boolean }) {
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      const action = mediaAction(ev) ?? (blocked && ev.key === 'Enter' ? 'play' : undefined);
      if (!action) return;
      const song = songMedia.current;
      if (song) {
        if (action === 'play' || (action === 'toggle' && song.paused)) void song.play().catch(() => undefined);
        else song.pause();
        return;
      }
      const paused = live.player.audio.paused;
      if (action === 'play' || (action === 'toggle' && paused)) live.player.resume();
      else live.player.audio.pause();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [live, songMedia, blocked]);
}

/**
 * Back (461 on webOS, Escape in a browser) where Sandstone's Panels do not hear it: on the first
 * panel, where Panels have nothing to go back to, and in the moment focus is nowhere.
 */
export function useBackKey(handler: (focusLost: boolean) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.keyCode !== 461 && ev.key !== 'Escape') return;
      latest.current(!document.activeElement || document.activeElement === document.body);
    };
    // Key up, as Enact's own Back handling does. Capture: Spotlight may stop the event.
    window.addEventListener('keyup', onKey, true);
    return () => window.removeEventListener('keyup', onKey, true);
  }, []);
}
