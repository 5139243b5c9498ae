// The compose contract from outside: the CLI as tools call it, judged by the song check's CLI.
import { describe, expect, it, afterAll } from '@jest/globals';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compose, pool, songcheck } from './run.js';

const work = await mkdtemp(join(tmpdir(), 'compose-cli-'));
afterAll(() => rm(work, { recursive: true, force: true }));

// The sender's own words, as files the CLI reads.
const ownWords = join(work, 'own-words.txt');
await writeFile(ownWords, 'Jürgen you light the morning\nyou carry every song\n\nThank you Jürgen, thank you\nfor every little thing\n\nWe walked along the river\nwe laughed until the dawn\n\nThank you Jürgen, thank you\nfor every little thing\n');
const tabbed = join(work, 'tabbed.txt');
await writeFile(tabbed, 'Mom you are\tthe best\n');
const latin1 = join(work, 'latin1.txt');
await writeFile(latin1, Buffer.from([0x4d, 0x61, 0x6d, 0xe3, 0x65, 0x0a]));
const tooLong = join(work, 'too-long.txt');
await writeFile(tooLong, Array.from({ length: 40 }, () => 'Mom I love you so').join('\n'));

const base = ['--message', 'Thank you for always being there', '--to', 'Mom', '--genre', 'pop', '--vibe', 'calm', '--lang', 'en'];
const without = (flag: string) => {
  const i = base.indexOf(flag);
  return [...base.slice(0, i), ...base.slice(i + 2)];
};
const withValue = (flag: string, value: string) => base.map((v, i) => (base[i - 1] === flag ? value : v));

describe('compose CLI: bad input', () => {
  const cases: [string, string[], RegExp][] = [
    ['an empty message', withValue('--message', ''), /message is empty/],
    ['a blank message', withValue('--message', '   \t '), /message is empty/],
    ['a message over 500 characters', withValue('--message', 'a'.repeat(501)), /at most 500/],
    ['an unknown genre', withValue('--genre', 'polka'), /unknown --genre "polka": use one of pop, ballad/],
    ['an unknown vibe', withValue('--vibe', 'sleepy'), /unknown --vibe "sleepy"/],
    ['an unknown language', withValue('--lang', 'it'), /unknown --lang "it": use one of en, es, pt, fr, de, ko/],
    ['an unknown relation', [...base, '--relation', 'boss'], /unknown --relation "boss"/],
    ['control characters', withValue('--message', 'hi\u0007there'), /control characters/],
    ['a name of 100 characters', withValue('--to', 'N'.repeat(100)), /to is too long/],
    ['a missing --to', without('--to'), /to is missing/],
    ['a bad seed', [...base, '--seed', 'abc'], /--seed must be a whole number/],
    ['an unknown flag', [...base, '--colour', 'red'], /Unknown option '--colour'/],
    ['no --out', base, /--out is missing/],
    ['a missing lyrics file', [...base, '--lyrics', join(work, 'no-such-lyrics.txt')], /^compose: --lyrics \S+no-such-lyrics\.txt: no such file; name a text file/],
    ['a folder as lyrics file', [...base, '--lyrics', work], /^compose: --lyrics \S+ is not a file/],
    ['lyrics with a tab', [...base, '--lyrics', tabbed], /^compose: --lyrics hold control characters \(a tab or similar\): remove them \(in \S+tabbed\.txt\)$/],
    ['lyrics that are not UTF-8', [...base, '--lyrics', latin1], /^compose: --lyrics \S+latin1\.txt is not UTF-8 text/],
    ['lyrics of 40 lines', [...base, '--lyrics', tooLong], /^compose: --lyrics have 40 lines: use at most 32/],
    ['a voice of another language', [...base, '--voice', 'ko-low'], /^compose: unknown --voice "ko-low" for en: use one of en-high, en-low, surprise$/],
    ['an empty sounds-like', [...base, '--sounds-like', ''], /^compose: --sounds-like is empty: write a name$/],
  ];
  it.each(cases)('refuses %s with exit 2 and one plain line', async (_name, args, message) => {
    const needsOut = !args.includes('--out') && !String(message).includes('--out');
    const result = await compose(needsOut ? [...args, '--out', join(work, 'never')] : args);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses --out naming an existing file with exit 2 and one plain line', async () => {
    const file = join(work, 'a-file.txt');
    await writeFile(file, 'not a folder');
    const result = await compose([...base, '--out', file]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([`compose: --out ${file} is a file, not a folder: name a new or existing folder`]);
    expect(await readFile(file, 'utf8')).toBe('not a folder');
  });
});

const songs: { dir: string; args: string[] }[] = [
  { dir: 'en', args: ['--message', 'Thank you for every early morning you drove me to practice. I would not be here without you.', '--to', 'Mom', '--from', 'Alex', '--relation', 'family', '--genre', 'pop', '--vibe', 'heartfelt', '--lang', 'en', '--seed', '11'] },
  { dir: 'es', args: ['--message', 'Te extraño cada día desde que te fuiste. Vuelve pronto, la casa está callada.', '--to', 'Lucía', '--genre', 'ballad', '--vibe', 'nostalgic', '--lang', 'es', '--seed', '12'] },
  { dir: 'pt', args: ['--message', 'Parabéns pela formatura! Sempre soube que você ia conseguir.', '--to', 'João', '--relation', 'friend', '--genre', 'dance', '--vibe', 'upbeat', '--lang', 'pt', '--seed', '13'] },
  { dir: 'fr', args: ['--message', 'Pardon pour hier soir. Je tiens à toi plus que tout.', '--to', 'Camille', '--from', 'Hugo', '--genre', 'jazz', '--vibe', 'playful', '--lang', 'fr', '--seed', '14'] },
  { dir: 'de', args: ['--message', 'Ich bin so stolz auf dich. Du hast es geschafft!', '--to', 'Jürgen', '--genre', 'rock', '--vibe', 'epic', '--lang', 'de', '--seed', '15'] },
  { dir: 'ko', args: ['--message', '엄마, 항상 고마워요. 힘들 때마다 곁에 있어 줘서 정말 사랑해요.', '--to', '엄마', '--from', '지민', '--genre', 'lofi', '--vibe', 'calm', '--lang', 'ko', '--seed', '16'] },
  { dir: 'names', args: ['--message', 'Happy birthday! "You" are my favourite person 🎉', '--to', 'Zoë 🌟', '--from', 'שרה', '--genre', 'acoustic', '--vibe', 'playful', '--lang', 'en', '--seed', '17'] },
  { dir: 'own-words', args: ['--message', 'Danke für alles', '--to', 'Jürgen', '--genre', 'pop', '--vibe', 'heartfelt', '--lang', 'en', '--seed', '19', '--lyrics', ownWords, '--voice', 'en-low', '--sounds-like', 'Yurgen'] },
  { dir: 'rnb', args: ['--message', 'Feliz aniversário, meu amor. Cada dia ao teu lado é um presente.', '--to', 'Ana', '--genre', 'rnb', '--vibe', 'heartfelt', '--lang', 'pt', '--seed', '18'] },
  // A piano hit in this ballad made the AAC encoder overshoot a -1.2 dBFS master to +0.83 dBFS decoded.
  { dir: 'ballad-peak', args: ['--message', 'Thank you for everything', '--to', 'Mom', '--from', 'Alex', '--relation', 'family', '--genre', 'ballad', '--vibe', 'heartfelt', '--lang', 'en', '--seed', '7'] },
];

describe('compose CLI: voices', () => {
  it('lists the voices per language and makes no song', async () => {
    const listed = await compose(['--voices']);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('en English: en-high (higher, female), en-low (lower, male), surprise');
    expect(lines.map((l) => l.slice(0, 2))).toEqual(['en', 'es', 'pt', 'fr', 'de', 'ko']);
  });
});

describe('compose CLI: songs that pass songcheck in six languages', () => {
  const results = new Map<string, { compose: string; check: string; code: number | null }>();
  it('composes every song, with progress per stage', async () => {
    await pool(songs, async (song) => {
      const out = join(work, song.dir);
      const made = await compose([...song.args, '--out', out]);
      expect(made.stderr).toMatch(/\[9\/9\]/);
      expect(made.code).toBe(0);
      const check = await songcheck([out]);
      results.set(song.dir, { compose: made.stdout, check: check.stdout, code: check.code });
    });
    expect(results.size).toBe(songs.length);
  }, 600_000);

  it.each(songs.map((s) => s.dir))('%s passes songcheck', async (dir) => {
    const r = results.get(dir);
    expect(r?.check).toMatch(/all 11 measures hold/);
    expect(r?.check.trim().split('\n')).toHaveLength(12); // one line per measure and the verdict
    expect(r?.code).toBe(0);
    // The station's gate measured the same when the song was made.
    const manifest = JSON.parse(await readFile(join(work, dir, 'song.json'), 'utf8'));
    expect(manifest.check.passed).toBe(true);
    expect(manifest.check.results).toHaveLength(11);
  });

  it('sings the words of a --lyrics file as written, with the voice asked for', async () => {
    const manifest = JSON.parse(await readFile(join(work, 'own-words', 'song.json'), 'utf8'));
    const lines = manifest.lyrics.flatMap((s: { lines: { text: string }[] }) => s.lines.map((l) => l.text));
    expect(lines.slice(0, 8)).toEqual((await readFile(ownWords, 'utf8')).split('\n').filter(Boolean));
    expect(manifest.request.voice).toBe('en-low');
    // The cues' text without the word timestamps.
    const vtt = (await readFile(join(work, 'own-words', 'lyrics.vtt'), 'utf8')).replace(/<[^>]+>/g, '');
    expect(vtt).toContain('Thank you Jürgen, thank you');
    expect(vtt).not.toContain('Yurgen');
  });

  it('keeps no WAV: the master, the karaoke track and the vocal stem are stored compressed', async () => {
    const files = await readdir(join(work, 'en'));
    expect(files.filter((f) => f.endsWith('.wav'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['song.m4a', 'accompaniment.m4a', 'vocals.opus', 'hls']));
  });

  it('keeps the WAVs with KEEP_WAV=1, and songcheck then reads them', async () => {
    const kept = join(work, 'kept');
    expect((await compose([...songs[2]!.args, '--out', kept], { KEEP_WAV: '1' })).code).toBe(0);
    expect((await readdir(kept)).filter((f) => f.endsWith('.wav')).sort()).toEqual(['accompaniment.wav', 'song.wav', 'vocals.wav']);
    expect((await songcheck([kept])).stdout).toMatch(/all 11 measures hold/);
  }, 120_000);

  it('songcheck fails a song whose cover is too small, naming the measure, with exit 1', async () => {
    const spoiled = join(work, 'spoiled');
    await cp(join(work, 'en'), spoiled, { recursive: true });
    await cp(join(work, 'en', 'cover-small.jpg'), join(spoiled, 'cover.jpg'));
    const check = await songcheck([spoiled]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^FAIL cover\s+\d+x\d+ {2}\(expected at least 1000x1000\)$/m);
    expect(check.stdout).toMatch(/1 of 11 measures fall short/);
  });

  it('songcheck fails a song whose vocal line is off its notes', async () => {
    const detuned = join(work, 'detuned');
    await cp(join(work, 'de'), detuned, { recursive: true });
    // Every sung note a whole tone higher in the score than the singer sang it.
    const mid = await readFile(join(detuned, 'score.mid'));
    const { default: tonejs } = await import('@tonejs/midi');
    const midi = new tonejs.Midi(mid);
    for (const note of midi.tracks.find((t) => t.name === 'Vocals')!.notes) note.midi += 2;
    await writeFile(join(detuned, 'score.mid'), Buffer.from(midi.toArray()));
    const check = await songcheck([detuned]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^FAIL vocal pitch/m);
  });

  it('songcheck says in one line what is wrong with a folder it cannot read, with exit 2', async () => {
    const missing = await songcheck([join(work, 'no-such-song')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/^songcheck: song\.json is missing from /);
    const broken = join(work, 'broken');
    await cp(join(work, 'fr'), broken, { recursive: true });
    await writeFile(join(broken, 'vocals.opus'), 'not audio');
    const bad = await songcheck([broken]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^songcheck: vocals\.opus in .* is not valid: .*Invalid data found when processing input\n$/);
    expect((await songcheck([])).stderr).toMatch(/^songcheck: name one song folder; usage: songcheck DIR/);
  });

  it('keeps names with emoji, accents, quotes and right-to-left text intact', async () => {
    const manifest = JSON.parse(await readFile(join(work, 'names', 'song.json'), 'utf8'));
    expect(manifest.request.to).toBe('Zoë 🌟');
    expect(manifest.request.from).toBe('שרה');
    expect(await readFile(join(work, 'names', 'lyrics.vtt'), 'utf8')).toContain('Zoë 🌟');
  });

  it('gives byte-identical files for the same request and seed', async () => {
    const again = join(work, 'en-again');
    expect((await compose([...songs[0]!.args, '--out', again])).code).toBe(0);
    for (const file of ['song.json', 'song.m4a', 'vocals.opus', 'accompaniment.m4a', 'score.mid', 'lyrics.vtt', 'cover.jpg', 'cover-small.jpg', 'hls/128k/seg-00000.ts', 'hls/48k/index.m3u8']) {
      const [a, b] = await Promise.all([readFile(join(work, 'en', file)), readFile(join(again, file))]);
      expect({ file, same: a.equals(b) }).toEqual({ file, same: true });
    }
  }, 120_000);
});
