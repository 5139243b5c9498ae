// What webOS asks the app to show when it launches it or brings it back (handlesRelaunch):
// `{channel}` tunes that channel on Live, `{songId}` opens that song. Parameters arrive as
// webOSLaunch / webOSRelaunch document events (their detail) and, at first launch, as the JSON
// string PalmSystem.launchParams. Anything else is ignored: a launch must never break the app.
import { useEffect, useRef } from 'react';

export type LaunchTarget = { channel: string } | { songId: string };

const CHANNEL_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const SONG_ID = /^[A-Za-z0-9_-]{6,32}$/;

interface WebOSSystem {
  launchParams?: string;
  activate?(): void;
}
const system = (): WebOSSystem | undefined => {
  const w = window as unknown as { webOSSystem?: WebOSSystem; PalmSystem?: WebOSSystem };
  return w.webOSSystem ?? w.PalmSystem;
};

export function parseLaunchParams(raw: unknown): LaunchTarget | undefined {
  let params = raw;
  if (typeof params === 'string') {
    try {
      params = JSON.parse(params);
    } catch {
      return undefined;
    }
  }
  if (!params || typeof params !== 'object') return undefined;
  const { channel, songId } = params as { channel?: unknown; songId?: unknown };
  if (typeof songId === 'string' && SONG_ID.test(songId)) return { songId };
  if (typeof channel === 'string' && CHANNEL_ID.test(channel)) return { channel };
  return undefined;
}

/** Whether the system can bring this app to the front (webOS), so it may act while in the background. */
export const canBringToFront = () => typeof system()?.activate === 'function';

/** Brings the app to the front (webOS leaves a relaunched app in the background until asked). */
export function bringToFront(): void {
  try {
    system()?.activate?.();
  } catch {
    // Not on webOS, or the system refused: the app is where it was.
  }
}

/** Calls `onTarget` for the launch parameters the app started with, and for each launch or relaunch. */
export function useLaunchTargets(onTarget: (target: LaunchTarget, relaunch: boolean) => void): void {
  const latest = useRef(onTarget);
  latest.current = onTarget;
  useEffect(() => {
    const initial = parseLaunchParams(system()?.launchParams);
    if (initial) latest.current(initial, false);
    const on = (relaunch: boolean) => (ev: Event) => {
      const target = parseLaunchParams((ev as CustomEvent).detail);
      if (relaunch) bringToFront();
      if (target) latest.current(target, relaunch);
    };
    const onLaunch = on(false);
    const onRelaunch = on(true);
    document.addEventListener('webOSLaunch', onLaunch);
    document.addEventListener('webOSRelaunch', onRelaunch);
    return () => {
      document.removeEventListener('webOSLaunch', onLaunch);
      document.removeEventListener('webOSRelaunch', onRelaunch);
    };
  }, []);
}
