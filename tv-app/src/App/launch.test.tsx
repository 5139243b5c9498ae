import { act, render } from '@testing-library/react';
import { parseLaunchParams, useLaunchTargets, type LaunchTarget } from './launch';

function Probe({ seen }: { seen: [LaunchTarget, boolean][] }) {
  useLaunchTargets((t, relaunch) => seen.push([t, relaunch]));
  return null;
}

describe('launch parameters', () => {
  afterEach(() => {
    delete (window as unknown as { PalmSystem?: unknown }).PalmSystem;
  });

  it('accepts {channel} or {songId}, as an object or a JSON string, and nothing else', () => {
    expect(parseLaunchParams({ channel: 'calm' })).toEqual({ channel: 'calm' });
    expect(parseLaunchParams('{"songId":"TjIz-afx"}')).toEqual({ songId: 'TjIz-afx' });
    expect(parseLaunchParams({ songId: 'TjIz-afx', channel: 'calm' })).toEqual({ songId: 'TjIz-afx' });
    expect(parseLaunchParams({ channel: '../x' })).toBeUndefined();
    expect(parseLaunchParams({ songId: 'a b' })).toBeUndefined();
    expect(parseLaunchParams('not json')).toBeUndefined();
    expect(parseLaunchParams(undefined)).toBeUndefined();
    expect(parseLaunchParams({})).toBeUndefined();
  });

  it('reads the first launch from PalmSystem.launchParams, then each webOSLaunch and webOSRelaunch', () => {
    const activate = jest.fn();
    (window as unknown as { PalmSystem: unknown }).PalmSystem = { launchParams: '{"channel":"calm"}', activate };
    const seen: [LaunchTarget, boolean][] = [];
    render(<Probe seen={seen} />);
    expect(seen).toEqual([[{ channel: 'calm' }, false]]);
    act(() => {
      document.dispatchEvent(new CustomEvent('webOSRelaunch', { detail: { songId: 'TjIz-afx' } }));
      document.dispatchEvent(new CustomEvent('webOSLaunch', { detail: { channel: 'upbeat' } }));
      document.dispatchEvent(new CustomEvent('webOSRelaunch', { detail: {} }));
    });
    expect(seen.slice(1)).toEqual([
      [{ songId: 'TjIz-afx' }, true],
      [{ channel: 'upbeat' }, false],
    ]);
    // A relaunch brings the app forward, with or without parameters.
    expect(activate).toHaveBeenCalledTimes(2);
  });
});
