// A QR code drawn as SVG by the `qrcode` package: no canvas, so it renders the same everywhere,
// tests included, and stays sharp at any TV resolution.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import css from './QrCode.module.less';

export function QrCode({ text, label }: { text: string; label: string }) {
  const [svg, setSvg] = useState<string>();
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } })
      .then((s) => live && setSvg(s))
      .catch(() => live && setSvg(undefined));
    return () => {
      live = false;
    };
  }, [text]);
  return (
    <div className={css.qr} data-testid="qr" data-text={text}>
      {svg ? <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={label} /> : null}
    </div>
  );
}
