// npm run bench:pairing: 1,000 paired phones on 127.0.0.1 exchanging frames with the station (round
// trip p50/p99), then dedications from "send" on a phone to the song's first audio bytes fetched by
// its TV (p50). Figures go to docs/BENCHMARKS.md.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import WebSocket from 'ws';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { machineLine, writeSection } from './report.js';
import { freePort } from '../testing/free-port.js';
import { parseMediaPlaylist } from '../station/hls-package.js';
import { followGrowingPlaylist } from './growing-player.js';

const PHONES = Number(process.env.BENCH_PHONES ?? 1000);
const PHONES_PER_TV = 10;

type Frame = Record<string, unknown> & { type: string };

function open(url: string, localAddress?: string): Promise<{ ws: WebSocket; next: (type: string, match?: (f: Frame) => boolean) => Promise<Frame> }> {
  return new Promise((resolveOpen, reject) => {
    const ws = new WebSocket(url, localAddress ? { localAddress } : {});
    const waiting: { type: string; match: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      const i = waiting.findIndex((w) => w.type === frame.type && w.match(frame));
      if (i >= 0) waiting.splice(i, 1)[0]!.resolve(frame);
    });
    ws.once('error', reject);
    ws.once('open', () => resolveOpen({ ws, next: (type, match = () => true) => new Promise((r) => waiting.push({ type, match, resolve: r })) }));
  });
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-pairing-'));
  await cp(resolve(process.cwd(), 'playlists'), join(dir, 'playlists'), { recursive: true });
  // The station runs in its own process, as in production; this process only plays the phones and TVs.
  const port = await freePort();
  const station = spawn(process.execPath, [fileURLToPath(new URL('../main.js', import.meta.url))], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), PLAYLISTS_DIR: join(dir, 'playlists'), SEED_CATALOG: 'false', PAIR_LIMIT_PER_MINUTE: '100000', SONG_LIMIT_PER_PHONE: '100', WS_BUDGET_PING: '120/1200' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The station's last lines, to say why if a step fails.
  let stationLog = '';
  const keep = (d: Buffer) => (stationLog = (stationLog + String(d)).slice(-6000));
  station.stdout!.on('data', keep);
  station.stderr!.on('data', keep);
  for (let i = 0; i < 100; i++) {
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const url = `ws://127.0.0.1:${port}/ws`;
  try {
    // Pair: 100 TVs, 10 phones each (each pairing uses the TV's code; the TV gets a fresh one).
    const pairStart = performance.now();
    const phones: Awaited<ReturnType<typeof open>>[] = [];
    const tvs: Awaited<ReturnType<typeof open>>[] = [];
    // Each household (a TV and its phones) on its own loopback address, as homes are on the internet.
    const home = (t: number) => `127.1.${Math.floor(t / 250)}.${(t % 250) + 1}`;
    for (let t = 0; t < PHONES / PHONES_PER_TV; t++) {
      const tv = await open(url, home(t));
      tvs.push(tv);
      let welcome = tv.next('tv.welcome');
      tv.ws.send(JSON.stringify({ type: 'tv.hello' }));
      for (let p = 0; p < PHONES_PER_TV; p++) {
        const code = (await welcome).pairingCode;
        welcome = tv.next('tv.welcome');
        const phone = await open(url, home(t));
        const paired = phone.next('phone.paired');
        phone.ws.send(JSON.stringify({ type: 'phone.pair', code, name: `Phone ${t}.${p}` }));
        const frame = await paired;
        (phone as unknown as { token: string }).token = String(frame.sessionToken);
        phones.push(phone);
      }
    }
    const pairSec = (performance.now() - pairStart) / 1000;

    // Exchange: every phone sends a frame each second for 20 s; the station answers each.
    const rtts: number[] = [];
    const until = performance.now() + 20_000;
    await Promise.all(
      phones.map(async (phone, i) => {
        await new Promise((r) => setTimeout(r, (i / phones.length) * 1000));
        while (performance.now() < until) {
          const started = performance.now();
          const answer = phone.next('pong');
          phone.ws.send(JSON.stringify({ type: 'ping', n: i }));
          await answer;
          rtts.push(performance.now() - started);
          await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (performance.now() - started))));
        }
      }),
    );

    // Send to a TV: from dedication.create to the first audio bytes the TV fetches (as its player does:
    // the growing playlist the station offers in dedication.playable, then its first segment), and to
    // the whole song made (dedication.ready).
    const sendTimes: number[] = [];
    const wholeTimes: number[] = [];
    let progressive = 0;
    // For each song offered early: how long a player that started at its first audio waited mid-song.
    const pauses: number[] = [];
    let failedFetches = 0;
    const loadBefore = loadavg()[0]!;
    const base = `http://127.0.0.1:${port}`;
    const requests = [
      { message: 'Thank you for everything you do', to: 'Mom', genre: 'pop', vibe: 'heartfelt', language: 'en' },
      { message: 'Te quiero mucho, hermana', to: 'Lucía', genre: 'ballad', vibe: 'calm', language: 'es' },
      { message: '생일 축하해!', to: '서연', genre: 'dance', vibe: 'upbeat', language: 'ko' },
      { message: 'Tu es formidable', to: 'Léa', genre: 'jazz', vibe: 'playful', language: 'fr' },
      { message: 'Danke für alles', to: 'Anna', genre: 'acoustic', vibe: 'nostalgic', language: 'de' },
    ];
    for (const [i, request] of [...requests, ...requests].entries()) {
      const phone = phones[i * PHONES_PER_TV]!;
      const tv = tvs[i]!;
      const started = performance.now();
      let readyAt = 0;
      const ready = tv.next('dedication.ready').then((frame) => ((readyAt = performance.now()), frame));
      const playable = tv.next('dedication.playable');
      phone.ws.send(JSON.stringify({ type: 'dedication.create', request, target: 'tv' }));
      const first = await Promise.race([playable, ready]);
      if (first.type === 'dedication.playable') {
        progressive++;
        const stream = `${base}${(first.song as { stream: string }).stream}`;
        const answer = await fetch(stream);
        const listedText = await answer.text();
        const segment = parseMediaPlaylist(listedText)[0];
        if (!segment) throw new Error(`${stream} listed no segment when the song was said to be playable (HTTP ${answer.status}: ${listedText.slice(0, 300)}); the station said:\n${stationLog}`);
        await (await fetch(new URL(segment.file, stream))).arrayBuffer();
        sendTimes.push((performance.now() - started) / 1000);
        const played = await followGrowingPlaylist(stream);
        pauses.push(played.pausedSec);
        failedFetches += played.failedFetches;
      } else {
        const audio = await fetch(`${base}${(first.song as { files: { audio: string } }).files.audio}`, { headers: { Range: 'bytes=0-65535' } });
        await audio.arrayBuffer();
        sendTimes.push((performance.now() - started) / 1000);
      }
      await ready;
      wholeTimes.push((readyAt - started) / 1000);
    }
    for (const c of [...phones, ...tvs]) c.ws.close();

    // The live playlist's time, quiet and then under a WebSocket flood: four attackers on their own
    // addresses reconnect as soon as they are closed and send 3,000 tv.hello frames each time.
    const playlistTimes = async (ms: number): Promise<number[]> => {
      const times: number[] = [];
      const end = performance.now() + ms;
      while (performance.now() < end) {
        const began = performance.now();
        await (await fetch(`${base}/live/radio-optimism/128k.m3u8`)).text();
        times.push(performance.now() - began);
        await new Promise((r) => setTimeout(r, 20));
      }
      return times;
    };
    const quiet = await playlistTimes(10_000);
    let flooding = true;
    let floods = 0;
    const attackers = Array.from({ length: 4 }, async (_, a) => {
      while (flooding) {
        const attacker = await open(url, `127.2.0.${a + 1}`).catch(() => undefined);
        if (!attacker) {
          await new Promise((r) => setTimeout(r, 100));
          continue;
        }
        for (let n = 0; n < 3000; n++) attacker.ws.send('{"type":"tv.hello"}');
        await new Promise((r) => attacker.ws.once('close', r));
        floods++;
      }
    });
    const flooded = await playlistTimes(10_000);
    flooding = false;
    await Promise.all(attackers);

    const body = `## Pairing and dedications (\`npm run bench:pairing\`)

Machine: ${machineLine()}.

- ${phones.length.toLocaleString('en')} phones paired with ${tvs.length} TVs over real WebSockets on 127.0.0.1 in ${pairSec.toFixed(1)} s.
- Each phone then sent a frame every second for 20 s (${rtts.length.toLocaleString('en')} round trips): p50 **${quantile(rtts, 0.5).toFixed(1)} ms**, p99 **${quantile(rtts, 0.99).toFixed(1)} ms**, max ${Math.max(...rtts).toFixed(1)} ms (goal: p99 under 50 ms).
- Live playlist time, 10 s quiet: p50 **${quantile(quiet, 0.5).toFixed(1)} ms**, p99 **${quantile(quiet, 0.99).toFixed(1)} ms**; 10 s under a \`tv.hello\` flood (four attackers reconnecting, ${floods} sockets of 3,000 frames each, every one closed by its budget): p50 **${quantile(flooded, 0.5).toFixed(1)} ms**, p99 **${quantile(flooded, 0.99).toFixed(1)} ms** (goal: p99 under 50 ms).
- "Send" on a phone to the song's first audio on its TV, ${sendTimes.length} dedications one after another (${progressive} of them offered by \`dedication.playable\` while the rest of the song was made: the TV fetched the growing playlist, then its first segment): ${sendTimes.map((s) => `${s.toFixed(1)} s`).join(', ')}; p50 **${quantile(sendTimes, 0.5).toFixed(1)} s**, p90 **${quantile(sendTimes, 0.9).toFixed(1)} s**, max ${Math.max(...sendTimes).toFixed(1)} s (goal: p50 at most 5 s; load average ${loadBefore.toFixed(1)} when the first was sent, on this shared machine). The TV app's own start-up of playback after that is measured in its section.
- A player that started at that first audio and played on while the playlist grew: ${pauses.filter((p) => p > 0.05).length} of ${pauses.length} songs offered early would have paused mid-song${pauses.some((p) => p > 0.05) ? ` (${pauses.map((p) => `${p.toFixed(1)} s`).join(', ')} of waiting)` : ''}; ${failedFetches} of its playlist fetches failed.
- "Send" to the whole song made (\`dedication.ready\`): ${wholeTimes.map((s) => `${s.toFixed(1)} s`).join(', ')}; p50 **${quantile(wholeTimes, 0.5).toFixed(1)} s**, p90 **${quantile(wholeTimes, 0.9).toFixed(1)} s**, max ${Math.max(...wholeTimes).toFixed(1)} s.
`;
    writeSection(join(process.cwd(), 'docs/BENCHMARKS.md'), 'pairing', body);
    process.stdout.write(`${body}\n`);
  } finally {
    station.kill('SIGTERM');
    await new Promise((r) => station.once('exit', r));
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:pairing failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
