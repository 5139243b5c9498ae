import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { followGrowingPlaylist } from './growing-player.js';

const playlist = (seconds: number[], whole: boolean) =>
  ['#EXTM3U', '#EXT-X-TARGETDURATION:2', `#EXT-X-PLAYLIST-TYPE:${whole ? 'VOD' : 'EVENT'}`, ...seconds.flatMap((s, i) => [`#EXTINF:${s},`, `seg-${i}.ts`]), ...(whole ? ['#EXT-X-ENDLIST'] : []), ''].join('\n');

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function serve(text: () => string): Promise<string> {
  server = createServer((_req, res) => res.end(text()));
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.m3u8`;
}

describe('a player following a growing playlist', () => {
  it('never waits for a song that is whole from the start', async () => {
    const url = await serve(() => playlist([2, 2, 2], true));
    expect(await followGrowingPlaylist(url, 20)).toEqual({ pausedSec: 0, durationSec: 6, failedFetches: 0 });
  });

  it('waits once it has played all that is listed and the rest is not there yet', async () => {
    // 0.2 s listed, and nothing more until the song is whole 1.2 s later: the player waits about 1 s.
    const from = performance.now();
    const url = await serve(() => (performance.now() - from < 1200 ? playlist([0.2], false) : playlist([0.2, 2], true)));
    const result = await followGrowingPlaylist(url, 20);
    expect(result.durationSec).toBeCloseTo(2.2, 5);
    expect(result.pausedSec).toBeGreaterThan(0.5);
  });
});
