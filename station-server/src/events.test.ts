import { describe, expect, it, jest } from '@jest/globals';
import { StationEvent, StationEvents } from './events.js';

describe('station events', () => {
  it('turns a listener that throws into an Error event; the other listeners still run', () => {
    const events = new StationEvents();
    const errors: string[] = [];
    const seen: string[] = [];
    events.on(StationEvent.Error, ({ code, message }) => errors.push(`${code}: ${message}`));
    events.on(StationEvent.SongAdded, () => {
      throw new Error('listener broke');
    });
    events.on(StationEvent.SongAdded, ({ songId }) => seen.push(songId));
    expect(() => events.emit(StationEvent.SongAdded, { songId: 's1' })).not.toThrow();
    expect(seen).toEqual(['s1']);
    expect(errors).toEqual(['listener-failed: song-added listener: listener broke']);
  });

  it('never throws an Error event that nobody listens to (Node throws unheard "error" events); it goes to stderr', () => {
    const events = new StationEvents();
    const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(() => events.emit(StationEvent.Error, { code: 'x', message: 'nobody listens', fatal: false })).not.toThrow();
      expect(stderr).toHaveBeenCalledWith('error x: nobody listens');
    } finally {
      stderr.mockRestore();
    }
  });
});
