// Everything long-lived the views share, made once from one config and undone in destroy().
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { LiveController } from '../player/liveController';
import { stationApi, type StationApi } from '../station/api';
import { PairingClient } from '../station/pairing';
import { StationSocket } from '../station/socket';

export interface Services {
  api: StationApi;
  socket: StationSocket;
  live: LiveController;
  pairing: PairingClient;
  destroy(): void;
}

export function createServices(stationUrl: string, audio: HTMLAudioElement): Services {
  const api = stationApi(stationUrl);
  const socket = new StationSocket({ url: api.wsUrl() });
  const live = new LiveController(api, audio);
  const pairing = new PairingClient(socket);
  const offNow = socket.on((frame) => {
    if (frame.type === 'channel.now') live.onNow(frame);
  });
  return {
    api,
    socket,
    live,
    pairing,
    destroy() {
      offNow();
      pairing.destroy();
      live.destroy();
      socket.destroy();
    },
  };
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesContext');
  return services;
}

export const useLive = () => {
  const { live } = useServices();
  return useSyncExternalStore(live.subscribe, live.getSnapshot);
};

export const usePairing = () => {
  const { pairing } = useServices();
  return useSyncExternalStore(pairing.subscribe, pairing.getSnapshot);
};

/** Whether the device says it has a network (webOS and browsers fire online/offline). */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine !== false);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/** Re-renders every `ms` while mounted, for clocks and progress. */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
