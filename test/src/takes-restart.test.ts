// A phone's takes across a real station restart: the phone makes a take, the station is killed
// (SIGKILL) while the phone is choosing, and after the restart the same group goes on: another take
// is numbered after the first, and the phone sends the take made before the restart to its TV.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { freePort, startStation, toneStation, type RunningStation, type StationFixture } from './station-process.js';
import { Peer, pairTvAndPhone } from './ws-peer.js';

let fixture: StationFixture;
let station: RunningStation;
let port: number;
beforeAll(async () => {
  fixture = await toneStation([
    { title: 'A', seconds: 30, frequency: 330 },
    { title: 'B', seconds: 30, frequency: 440 },
  ]);
  port = await freePort();
  station = await startStation(fixture, port);
});
afterAll(async () => {
  station?.child.kill('SIGKILL');
  await rm(fixture.dir, { recursive: true, force: true });
});

const request = { message: 'Thank you for every walk by the sea', to: 'Ana', from: 'Ben', relation: 'friend', genre: 'pop', vibe: 'heartfelt', language: 'en' };

describe('takes across a restart', () => {
  it('keeps the group: another take continues it, and the take made before is sent', async () => {
    const url = `ws://127.0.0.1:${port}/ws`;
    const { tv, welcome, phone, paired } = await pairTvAndPhone(url, 'Ben');
    phone.send({ type: 'take.create', request });
    const accepted = await phone.next('take.accepted', () => true, 30_000);
    const group = accepted.group as string;
    const take1 = await phone.next('take.ready', (f) => f.group === group, 300_000);
    tv.close();
    phone.close();

    // Killed while the phone is choosing, then started again on the same library.
    station.child.kill('SIGKILL');
    await new Promise((r) => station.child.once('exit', r));
    station = await startStation(fixture, port);

    const tv2 = await Peer.open(url);
    tv2.send({ type: 'tv.hello', tvId: welcome.tvId, token: welcome.token });
    await tv2.next('tv.welcome');
    const phone2 = await Peer.open(url);
    phone2.send({ type: 'phone.resume', sessionToken: paired.sessionToken });
    await phone2.next('phone.paired');
    phone2.send({ type: 'take.another', group });
    const second = await phone2.next('take.accepted', () => true, 30_000);
    expect(second).toMatchObject({ group, take: 2 });
    expect(second.seed).not.toBe(take1.seed);

    phone2.send({ type: 'take.send', take: take1.id, target: 'tv' });
    const ready = await tv2.next('dedication.ready', () => true, 30_000);
    expect((ready.song as { id: string }).id).toBe(take1.id);
    expect(phone2.frames.some((f) => f.type === 'error')).toBe(false);
    tv2.close();
    phone2.close();
  }, 600_000);
});
