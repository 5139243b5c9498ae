import Spotlight from '@enact/spotlight';
import { act, render } from '@testing-library/react';
import { spotlightDefaultClass } from '@enact/spotlight/SpotlightContainerDecorator';
import { useFocusGuard } from './focusGuard';

function Guarded() {
  useFocusGuard();
  return <button type="button">Play</button>;
}

describe('useFocusGuard', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    // 5-way mode, as with the remote's arrows (in pointer mode the cursor decides focus).
    jest.spyOn(Spotlight, 'getPointerMode').mockReturnValue(false);
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  /** Focus leaves for nowhere, as when the focused control unmounts (jsdom's own blur names the
   *  document as relatedTarget, a browser names none). */
  const loseFocus = (button: HTMLElement) => {
    button.focus();
    button.blur();
    button.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: null }));
  };

  it('puts focus back when it is lost', () => {
    const focus = jest.spyOn(Spotlight, 'focus').mockReturnValue(true);
    const { getByText } = render(<Guarded />);
    loseFocus(getByText('Play'));
    act(() => void jest.advanceTimersByTime(1000));
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it('waits while a panel slides in, then steps in if the panel did not focus itself', () => {
    const focus = jest.spyOn(Spotlight, 'focus').mockReturnValue(true);
    const paused = jest.spyOn(Spotlight, 'isPaused').mockReturnValue(true);
    const { getByText } = render(<Guarded />);
    loseFocus(getByText('Play'));
    act(() => void jest.advanceTimersByTime(3000));
    expect(focus).not.toHaveBeenCalled();
    paused.mockReturnValue(false);
    act(() => void jest.advanceTimersByTime(1000));
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it('leaves focus alone when the panel took it after its slide', () => {
    const focus = jest.spyOn(Spotlight, 'focus').mockReturnValue(true);
    const paused = jest.spyOn(Spotlight, 'isPaused').mockReturnValue(true);
    const { getByText } = render(<Guarded />);
    const button = getByText('Play');
    loseFocus(button);
    act(() => void jest.advanceTimersByTime(1000));
    paused.mockReturnValue(false);
    button.focus();
    act(() => void jest.advanceTimersByTime(3000));
    expect(focus).not.toHaveBeenCalled();
  });

  it("puts focus on the panel's default control, not on the first one Spotlight meets (the header's Back)", () => {
    const focus = jest.spyOn(Spotlight, 'focus').mockReturnValue(true);
    const { getByText } = render(
      <div data-view="settings">
        <button type="button">↩</button>
        <button type="button" className={spotlightDefaultClass}>Español</button>
        <Guarded />
      </div>,
    );
    loseFocus(getByText('Play'));
    act(() => void jest.advanceTimersByTime(1000));
    expect(focus).toHaveBeenCalledTimes(1);
    expect(focus.mock.calls[0]![0]).toBe(getByText('Español'));
  });
});
