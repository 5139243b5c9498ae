import { act, render, screen } from '@testing-library/react';
import { parseVtt } from '../../lyrics/vtt';
import { LyricsView } from './LyricsView';

const cues = parseVtt('WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHello <00:00:02.000>Mom\n\n00:00:04.000 --> 00:00:05.000\nSecond line\n');

describe('LyricsView', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('follows the time it is given: waiting, line one word by word, then line two', () => {
    let t = 0.5;
    render(<LyricsView cues={cues} getTime={() => t} waiting="soon" />);
    expect(screen.getByTestId('lyrics').dataset.line).toBe('-1');
    expect(screen.getByText('soon')).toBeTruthy();

    t = 1.5;
    act(() => void jest.advanceTimersByTime(100));
    const current = () => screen.getByTestId('lyrics').querySelector('[data-role="current"]')!;
    expect(current().textContent).toBe('Hello Mom ');
    expect(current().querySelectorAll('span[class]')).toHaveLength(1);

    t = 2.1;
    act(() => void jest.advanceTimersByTime(100));
    expect(current().querySelectorAll('span[class]')).toHaveLength(2);

    t = 4.5;
    act(() => void jest.advanceTimersByTime(100));
    expect(screen.getByTestId('lyrics').dataset.line).toBe('1');
    expect(current().textContent).toBe('Second line ');
  });
});
