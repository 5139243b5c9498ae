import { channelStep, colourTarget, stepChannel } from './remoteKeys';

describe('remote keys', () => {
  it('reads the webOS channel keys (33/34) and the browser names for them', () => {
    expect(channelStep({ keyCode: 33, key: '' })).toBe(1);
    expect(channelStep({ keyCode: 34, key: '' })).toBe(-1);
    expect(channelStep({ keyCode: 0, key: 'PageDown' })).toBe(-1);
    expect(channelStep({ keyCode: 0, key: 'ChannelUp' })).toBe(1);
    expect(channelStep({ keyCode: 40, key: 'ArrowDown' })).toBeUndefined();
  });

  it('maps red, green, yellow and blue to the four views in the order of Live’s buttons', () => {
    expect([403, 404, 405, 406].map((keyCode) => colourTarget({ keyCode, key: '' }))).toEqual(['channels', 'forYou', 'pair', 'settings']);
    expect(colourTarget({ keyCode: 0, key: 'ColorF3Blue' })).toBe('settings');
    expect(colourTarget({ keyCode: 13, key: 'Enter' })).toBeUndefined();
  });

  it('steps through the channels and wraps at either end', () => {
    const ids = ['radio-optimism', 'calm', 'upbeat'];
    expect(stepChannel(ids, 'radio-optimism', 1)).toBe('calm');
    expect(stepChannel(ids, 'upbeat', 1)).toBe('radio-optimism');
    expect(stepChannel(ids, 'radio-optimism', -1)).toBe('upbeat');
    expect(stepChannel(ids, 'gone', 1)).toBe('radio-optimism');
    expect(stepChannel([], 'calm', 1)).toBeUndefined();
  });
});
