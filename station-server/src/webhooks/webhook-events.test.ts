// Which station events become which webhook events (the dispatcher itself is tested beside it).
import { describe, expect, it } from '@jest/globals';
import { StationEvent, StationEvents } from '../events.js';
import type { AirItem } from '../station/timeline.js';
import { connectWebhookEvents } from './webhook-events.js';

const item = (index: number, kind: AirItem['kind'], songId = `s${index}`): AirItem => ({ index, firstSeq: index * 10, startMs: 1_700_000_000_000 + index * 1000, kind, songId, source: `songs/${songId}`, segments: [], title: `Title ${index}` });

function setup(leads: (channel: string) => boolean = () => true) {
  const events = new StationEvents();
  const sent: { event: string; data: Record<string, unknown> }[] = [];
  const off = connectWebhookEvents({ events, leads, webhooks: { notify: async (event, data) => void sent.push({ event, data: data as unknown as Record<string, unknown> }) } });
  const now = (channel: string, current: AirItem | undefined) => events.emit(StationEvent.NowPlaying, { channel, current, next: undefined });
  return { events, sent, off, now };
}

describe('webhook events from the station', () => {
  it('tells song.changed once per song started, and dedication.aired for a dedication, not for IDs or intros', () => {
    const { sent, now } = setup();
    now('radio', item(1, 'song'));
    now('radio', item(1, 'song'));
    now('radio', item(2, 'jingle'));
    now('radio', item(3, 'intro', 'd'));
    now('radio', item(4, 'dedication', 'd'));
    expect(sent.map((s) => s.event)).toEqual(['song.changed', 'song.changed', 'dedication.aired']);
    expect(sent[0]!.data).toEqual({ channel: 'radio', songId: 's1', title: 'Title 1', startedAt: new Date(1_700_000_001_000).toISOString() });
    expect(sent[2]!.data).toMatchObject({ channel: 'radio', songId: 'd' });
  });

  it('tells station.silent once when a channel has nothing on air, and again only after it played', () => {
    const { sent, now } = setup();
    now('radio', undefined);
    now('radio', undefined);
    now('radio', item(1, 'song'));
    now('radio', undefined);
    expect(sent.map((s) => `${s.event} ${String(s.data.channel)}`)).toEqual(['station.silent radio', 'song.changed radio', 'station.silent radio']);
  });

  it('lets only the instance that plays a channel out tell of it', () => {
    const { sent, now } = setup((channel) => channel === 'mine');
    now('theirs', item(1, 'song'));
    now('theirs', undefined);
    now('mine', item(1, 'song'));
    expect(sent.map((s) => s.data.channel)).toEqual(['mine']);
  });

  it('passes dedication.pending on, and stops listening when undone', () => {
    const { events, sent, off, now } = setup();
    const pending = { dedicationId: 'd1', songId: 's1', to: 'Mom', from: null, message: 'Thank you' };
    events.emit(StationEvent.DedicationPending, pending);
    off();
    events.emit(StationEvent.DedicationPending, pending);
    now('radio', item(1, 'song'));
    expect(sent).toEqual([{ event: 'dedication.pending', data: pending }]);
  });
});
