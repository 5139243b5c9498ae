// A small SVG line chart of the page's heap over minutes (one line per series), for docs/BENCHMARKS.md. The y axis
// starts at zero so that the eye judges growth against the whole heap, not against the noise.

export interface HeapPoint {
  minute: number;
  heapBytes: number;
}

const W = 640;
const H = 260;
const M = { left: 52, right: 16, top: 30, bottom: 38 };

/** A round step that gives about `count` ticks up to `max`. */
function step(max: number, count: number): number {
  const raw = max / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].map((k) => k * pow).find((s) => s >= raw) ?? 10 * pow);
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One line of the chart, with its name in the legend. */
export interface HeapSeries {
  label: string;
  color: string;
  points: HeapPoint[];
}

export function heapChart(series: HeapSeries[], title: string): string {
  const all = series.flatMap((s) => s.points);
  const top = Math.max(...all.map((p) => p.heapBytes / 2 ** 20), 1) * 1.15;
  const maxX = Math.max(1, ...all.map((p) => p.minute));
  const yStep = step(top, 5);
  const maxY = Math.ceil(top / yStep) * yStep;
  const xStep = Math.max(1, step(maxX, 6)); // whole minutes: one sample a minute
  const x = (m: number) => M.left + (m / maxX) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (v / maxY) * (H - M.top - M.bottom);
  const fmt = (n: number) => n.toFixed(1);
  const parts: string[] = [];
  for (let v = 0; v <= maxY + 1e-9; v += yStep) {
    parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${fmt(y(v))}" y2="${fmt(y(v))}" stroke="#ddd"/>`);
    parts.push(`<text x="${M.left - 6}" y="${fmt(y(v) + 4)}" text-anchor="end">${+v.toFixed(2)}</text>`);
  }
  for (let m = 0; m <= maxX + 1e-9; m += xStep) {
    parts.push(`<line x1="${fmt(x(m))}" x2="${fmt(x(m))}" y1="${H - M.bottom}" y2="${H - M.bottom + 4}" stroke="#888"/>`);
    parts.push(`<text x="${fmt(x(m))}" y="${H - M.bottom + 17}" text-anchor="middle">${+m.toFixed(2)}</text>`);
  }
  const lines = series.map(({ color, points }) => {
    const at = (p: HeapPoint) => `${fmt(x(p.minute))},${fmt(y(p.heapBytes / 2 ** 20))}`;
    const dots = points.map((p) => `<circle cx="${at(p).replace(',', '" cy="')}" r="2.5"/>`).join('');
    return `<polyline points="${points.map(at).join(' ')}" fill="none" stroke="${color}" stroke-width="2"/>\n<g fill="${color}">${dots}</g>`;
  });
  const legend = series.map(({ label, color }, i) => {
    const ly = M.top + 6 + i * 15;
    return `<rect x="${W - M.right - 250}" y="${ly - 8}" width="10" height="10" fill="${color}"/><text x="${W - M.right - 235}" y="${ly + 1}">${escape(label)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11" fill="#333">
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="${M.left}" y="18" font-size="13" font-weight="bold">${escape(title)}</text>
${parts.join('\n')}
<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#888"/>
<text x="${(M.left + W - M.right) / 2}" y="${H - 6}" text-anchor="middle">minutes of playback</text>
<text x="14" y="${(M.top + H - M.bottom) / 2}" text-anchor="middle" transform="rotate(-90 14 ${(M.top + H - M.bottom) / 2})">MB</text>
${lines.join('\n')}
${legend.join('\n')}
</svg>
`;
}
