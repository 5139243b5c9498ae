/* eslint-disable react/jsx-no-bind -- small inline handlers on panels that re-render rarely; CI builds treat lint warnings as errors */
// A song's cover, or a drawn stand-in when it has none (jingles, a cover still being made), so
// the screen never shows a broken image.
import { useEffect, useState } from 'react';
import css from './CoverArt.module.less';

export interface CoverArtProps {
  src: string | undefined;
  /** Shown on the stand-in; also the image's alt text. */
  title: string;
  className?: string;
}

export function CoverArt({ src, title, className }: CoverArtProps) {
  const [failed, setFailed] = useState(false);
  useEffect(() => setFailed(false), [src]);
  const initial = Array.from(title.trim())[0]?.toUpperCase() ?? '♪';
  return (
    <div className={[css.cover, className].filter(Boolean).join(' ')} data-testid="cover">
      {src && !failed ? (
        <img className={css.image} src={src} alt={title} onError={() => setFailed(true)} data-src={src} />
      ) : (
        <div className={css.standIn} aria-label={title} data-src={src ?? ''}>
          <span>{initial}</span>
        </div>
      )}
    </div>
  );
}

/** The same image, blurred and dimmed, filling the screen behind everything. */
export function CoverBackdrop({ src }: { src: string | undefined }) {
  const [failed, setFailed] = useState(false);
  useEffect(() => setFailed(false), [src]);
  return (
    <div className={css.backdrop} aria-hidden>
      {src && !failed ? <img src={src} alt="" onError={() => setFailed(true)} /> : <div className={css.backdropStandIn} />}
    </div>
  );
}
