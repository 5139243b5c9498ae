// Which station events become webhook events: a new song or dedication on air (song.changed, and
// dedication.aired for a dedication), a channel with nothing on air (station.silent, once until it
// plays again), and a radio dedication waiting for an operator (dedication.pending). In a cluster only
// the instance that plays a channel out reports it, so a receiver hears each change once.
import { StationEvent, type StationEvents } from '../events.js';
import type { WebhookDispatcher } from './webhook-dispatcher.js';

export interface WebhookEventDeps {
  events: StationEvents;
  webhooks: Pick<WebhookDispatcher, 'notify'>;
  /** Whether this instance plays `channel` out (cluster/lease.ts). */
  leads: (channel: string) => boolean;
}

/** Subscribes; returns the unsubscribe. */
export function connectWebhookEvents(deps: WebhookEventDeps): () => void {
  const { webhooks } = deps;
  const silent = new Set<string>();
  const lastStarted = new Map<string, string>();
  const offNow = deps.events.on(StationEvent.NowPlaying, ({ channel, current }) => {
    if (!deps.leads(channel)) return;
    if (!current) {
      if (silent.has(channel)) return;
      silent.add(channel);
      void webhooks.notify('station.silent', { channel, since: new Date().toISOString() });
      return;
    }
    silent.delete(channel);
    // Intros, station IDs and crossfades are not songs; a song announced twice (a restart's first tick) is told once.
    if (current.kind !== 'song' && current.kind !== 'dedication') return;
    const key = `${current.index}:${current.songId}`;
    if (lastStarted.get(channel) === key) return;
    lastStarted.set(channel, key);
    const data = { channel, songId: current.songId, title: current.title, startedAt: new Date(current.startMs).toISOString() };
    void webhooks.notify('song.changed', data);
    if (current.kind === 'dedication') void webhooks.notify('dedication.aired', data);
  });
  const offPending = deps.events.on(StationEvent.DedicationPending, (d) => void webhooks.notify('dedication.pending', d));
  return () => {
    offNow();
    offPending();
  };
}
