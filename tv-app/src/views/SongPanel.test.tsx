import { act, cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { ServicesContext, type Services } from '../App/services';
import { createI18n } from '../i18n';
import { PairingClient } from '../station/pairing';
import type { StationSocket } from '../station/socket';
import type { ServerFrame } from '../station/types';
import { FAILED_RETURN_MS, SongPanel } from './SongPanel';

// The station's edge: frames are pushed by the test, what the TV sends is kept; the API never
// answers (the song is not whole yet).
function services() {
  const listeners: ((f: ServerFrame) => void)[] = [];
  const sent: unknown[] = [];
  const socket = { on: (l: (f: ServerFrame) => void) => (listeners.push(l), () => undefined), onState: () => () => undefined, send: (f: unknown) => sent.push(f) } as unknown as StationSocket;
  const pairing = new PairingClient(socket);
  const api = { song: () => new Promise(() => undefined), text: () => new Promise(() => undefined), url: (p: string) => `http://station${p}` };
  const value = { api, pairing, socket } as unknown as Services;
  return { value, sent, push: (frame: unknown) => act(() => listeners.forEach((l) => l(frame as ServerFrame))) };
}

const offered = { id: 'abc', title: 'Thank You, Mom', durationSec: 90, to: 'Mom', from: 'Alex', stream: '/media/songs/abc/hls/128k/index.m3u8', dedication: 'd_1', receivedAt: '2026-11-30T00:00:00Z' };

function show(language: 'en' | 'ko', onDone: () => void) {
  const s = services();
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <ServicesContext.Provider value={s.value}>
        <SongPanel song={offered} mode="play" onDone={onDone} onMedia={() => undefined} />
      </ServicesContext.Provider>
    </I18nextProvider>,
  );
  return s;
}

describe('SongPanel, a song still being made', () => {
  beforeEach(() => {
    localStorage.clear();
    jest.useFakeTimers();
    // jsdom has no media playback; the panel only needs the calls not to throw.
    jest.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(() => Promise.resolve());
    jest.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined);
    jest.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(() => undefined);
  });
  afterEach(() => {
    cleanup();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('says kindly, in the TV language, that it could not be finished, then goes back to the channel by itself', () => {
    const onDone = jest.fn();
    const { push } = show('ko', onDone);
    expect(screen.queryByTestId('song-failed')).toBeNull();
    // Another song failing changes nothing here.
    push({ type: 'dedication.failed', id: 'd_2', code: 'composition-failed', message: 'm', songId: 'zzz' });
    expect(screen.queryByTestId('song-failed')).toBeNull();

    push({ type: 'dedication.failed', id: 'd_1', code: 'composition-failed', message: 'm', songId: 'abc' });
    const notice = screen.getByTestId('song-failed');
    expect(notice.textContent).toContain('죄송해요, 이 노래를 완성하지 못했어요.');
    expect(notice.textContent).toContain('잠시 후 채널로 돌아갈게요');
    // The player's own error is not shown on top of it.
    expect(screen.queryByTestId('status')).toBeNull();
    act(() => void jest.advanceTimersByTime(FAILED_RETURN_MS - 100));
    expect(onDone).not.toHaveBeenCalled();
    act(() => void jest.advanceTimersByTime(200));
    expect(onDone).toHaveBeenCalledTimes(1);
    // Back still works meanwhile: it is the same button.
    expect(screen.getByTestId('back-to-live')).toBeTruthy();
  });

  it('tells the station once when its first audio plays', () => {
    const { sent } = show('en', () => undefined);
    sent.length = 0;
    const audio = screen.getByTestId('song-audio');
    act(() => {
      audio.dispatchEvent(new Event('playing'));
      audio.dispatchEvent(new Event('playing'));
    });
    expect(sent).toEqual([{ type: 'tv.playing', id: 'd_1' }]);
  });
});
