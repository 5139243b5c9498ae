// The composer's settings: how long its threads stay open with nothing to make, and KEEP_WAV.
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from './config.js';

describe('composer settings', () => {
  it('closes idle composer threads after a minute and keeps no WAV by default', () => {
    expect(loadConfig({}, '/tmp')).toMatchObject({ composerIdleMs: 60_000, keepWav: false });
    expect(loadConfig({ COMPOSER_IDLE_MS: '0', KEEP_WAV: '1' }, '/tmp')).toMatchObject({ composerIdleMs: 0, keepWav: true });
  });

  it('refuses a bad setting, naming it', () => {
    expect(() => loadConfig({ COMPOSER_IDLE_MS: 'soon' }, '/tmp')).toThrow(/^COMPOSER_IDLE_MS: must be a whole number/);
    expect(() => loadConfig({ COMPOSER_IDLE_MS: '-5' }, '/tmp')).toThrow(/^COMPOSER_IDLE_MS: /);
    expect(() => loadConfig({ KEEP_WAV: 'maybe' }, '/tmp')).toThrow(/^KEEP_WAV: must be true or false/);
  });
});
