import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

const fails = (env: NodeJS.ProcessEnv): ConfigError => {
  try {
    loadConfig(env, '/tmp');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('config', () => {
  it('refuses an OPERATOR_TOKEN under 128 bits, naming the setting', () => {
    for (const weak of ['secret', 'password123', 'a'.repeat(40), '0123456789abcdef0123456789abcde', 'Ab3dEf7hIj1lMn5pQr9tU', 'has space in it 0123456789abcdefgh']) {
      const error = fails({ OPERATOR_TOKEN: weak });
      expect(error.setting).toBe('OPERATOR_TOKEN');
      expect(error.message).toMatch(/^OPERATOR_TOKEN: /);
    }
    expect(fails({ OPERATOR_TOKEN: 'secret' }).message).toContain('at least 128 random bits');
  });

  it('accepts 22+ base64url characters or 32+ hex digits, and an unset token (one is made)', () => {
    expect(loadConfig({ OPERATOR_TOKEN: 'Ab3dEf7hIj1lMn5pQr9tUv' }, '/tmp').operatorToken).toBe('Ab3dEf7hIj1lMn5pQr9tUv');
    expect(loadConfig({ OPERATOR_TOKEN: '0123456789abcdef0123456789abcdef' }, '/tmp').operatorToken).toHaveLength(32);
    expect(loadConfig({}, '/tmp').operatorToken).toBeUndefined();
  });

  it('reads the song queue bound and the API budget, with documented defaults', () => {
    expect(loadConfig({}, '/tmp')).toMatchObject({ songQueueLimit: 50, apiSongLimitPerHour: 60 });
    expect(loadConfig({ SONG_QUEUE_LIMIT: '5', API_SONG_LIMIT_PER_HOUR: '7' }, '/tmp')).toMatchObject({ songQueueLimit: 5, apiSongLimitPerHour: 7 });
    expect(fails({ SONG_QUEUE_LIMIT: '0' }).setting).toBe('SONG_QUEUE_LIMIT');
  });
});
