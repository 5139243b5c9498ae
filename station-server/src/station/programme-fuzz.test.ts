// Property: whatever text is saved as an operators' file (random, or a real file mutated), loading
// answers with a programme or with problems that each name a file and a reason; it never throws.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadProgramme, type ProgrammeResult } from './programme.js';

const YAML_BITS = ['&a ', '*a', '&b [*a, *a, *a]', '[', ']', '{', '}', ': ', '- ', '? ', '!!binary ', '!!str ', '<<: *a', '"', "'", '#', '\n', '\n  ', '\t', '---\n', '...\n', '|', '>', '%YAML 1.2\n', '\u0000', '\ufeff', 'ü', '😀', '~', 'null', '1e999', '0x1F', 'playlist: ', 'fallback: calm', 'songs: ', 'mode: random'];

type Mutation = { at: number; remove: number; insert: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 20 }),
  insert: fc.oneof(fc.constantFrom(...YAML_BITS), fc.string({ maxLength: 12 }), fc.array(fc.constantFrom(...YAML_BITS), { maxLength: 8 }).map((a) => a.join(''))),
});
const mutate = (text: string, mutations: Mutation[]): string =>
  mutations.reduce((t, m) => {
    const at = m.at % (t.length + 1);
    return t.slice(0, at) + m.insert + t.slice(at + m.remove);
  }, text);

function wellFormed(result: ProgrammeResult): boolean {
  if (result.ok) return result.programme.channels.length > 0;
  return (
    result.problems.length > 0 &&
    result.problems.every((p) => typeof p.file === 'string' && p.file.length > 0 && typeof p.message === 'string' && p.message.length > 0 && !p.message.includes('\n    at ') && Number.isInteger(p.line) && p.line >= 1)
  );
}

describe('the playlist loader under fuzzing', () => {
  let dir: string;
  let starter: { channels: string; calm: string };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'programme-fuzz-'));
    await cp(resolve(process.cwd(), 'playlists'), dir, { recursive: true });
    starter = { channels: await readFile(join(dir, 'channels.yaml'), 'utf8'), calm: await readFile(join(dir, 'playlists', 'calm.yaml'), 'utf8') };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const check = async (file: string, text: string | Uint8Array) => {
    await writeFile(join(dir, file), text);
    let result: ProgrammeResult;
    try {
      result = await loadProgramme(dir, dir);
    } catch (error) {
      throw new Error(`loadProgramme threw on ${JSON.stringify(typeof text === 'string' ? text.slice(0, 300) : '<bytes>')}: ${String(error)}`);
    }
    expect(wellFormed(result)).toBe(true);
  };

  it('answers mutated playlist files with a programme or problems', async () => {
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), (m) => check('playlists/calm.yaml', mutate(starter.calm, m))), { numRuns: 150 });
    await writeFile(join(dir, 'playlists', 'calm.yaml'), starter.calm);
  });

  it('answers mutated channel files with a programme or problems', async () => {
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), (m) => check('channels.yaml', mutate(starter.channels, m))), { numRuns: 150 });
    await writeFile(join(dir, 'channels.yaml'), starter.channels);
  });

  it('answers random text and random bytes with problems', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(...YAML_BITS), { maxLength: 60 }).map((a) => a.join('')), (text) => check('playlists/random.yaml', text)), { numRuns: 100 });
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), (bytes) => check('playlists/random.yaml', bytes)), { numRuns: 100 });
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), (text) => check('playlists/random.yaml', text)), { numRuns: 100 });
  });
});
