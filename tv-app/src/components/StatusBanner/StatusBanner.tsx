// Loading, offline and unreachable, said plainly and in the viewer's language. Recovery is
// automatic, so the banner has nothing to press.
import SandstoneSpinner from '@enact/sandstone/Spinner';
import type { ComponentType } from 'react';
import css from './StatusBanner.module.less';

// Sandstone's generated typings mark `component` as required; the component does not need it.
const Spinner = SandstoneSpinner as unknown as ComponentType<{ size?: 'small' | 'medium'; transparent?: boolean; className?: string }>;

export type Condition = 'ok' | 'loading' | 'offline' | 'unreachable' | 'blocked' | 'paused';

export interface StatusBannerProps {
  condition: Condition;
  text: string;
}

export function StatusBanner({ condition, text }: StatusBannerProps) {
  if (condition === 'ok') return null;
  const busy = condition === 'loading' || condition === 'unreachable' || condition === 'offline';
  return (
    <div className={`${css.banner} ${css[condition] ?? ''}`} role="status" data-testid="status" data-condition={condition}>
      {busy ? <Spinner size="small" transparent className={css.spinner} /> : null}
      <span>{text}</span>
    </div>
  );
}
