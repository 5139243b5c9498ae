// The app hidden (webOS sent it to the background, or the tab is hidden) and shown again.
import { useEffect, useRef } from 'react';

export function usePageVisibility(handlers: { onHidden(): void; onShown(): void }): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onChange = () => (document.hidden ? latest.current.onHidden() : latest.current.onShown());
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
}
