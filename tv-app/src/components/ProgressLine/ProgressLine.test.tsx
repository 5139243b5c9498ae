import { render, screen } from '@testing-library/react';
import { formatTime, ProgressLine } from './ProgressLine';

describe('ProgressLine', () => {
  it('formats minutes and seconds', () => {
    expect(formatTime(0)).toBe('0:00');
    expect(formatTime(125.7)).toBe('2:05');
    expect(formatTime(-3)).toBe('0:00');
  });
  it('shows elapsed against total, clamped to the item', () => {
    render(<ProgressLine getTime={() => 500} durationSec={95} />);
    expect(screen.getByTestId('progress').textContent).toContain('1:35 / 1:35');
  });
});
