// Statistics: listeners per channel, songs played, the radio dedication funnel, the most played songs
// and what people write about, over the last hour, day or week, with a CSV file for each table.
// Charts are uPlot (one small library, canvas); the bar lists are plain elements.
import uPlot from 'uplot';
import { CATALOG_STRINGS, isLanguage } from '@radio-optimism/shared';
import { FUNNEL_STEPS } from '../../stats/metrics.js';
import type { StatsRange, StatsReport } from '../../stats/stats-wire.js';
import { api, ApiError, type Session } from './api.js';
import { el, lang, languageName, t } from './dom.js';
import type { Key } from './strings.js';

/** The axes' labels: the station's Hangul face first, as in every page (base.css), then the system's. */
const AXIS_FONT = '12px "Radio Hangul", system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

const RANGE_LABELS: Record<StatsRange, Key> = { hour: 'statsRangeHour', day: 'statsRangeDay', week: 'statsRangeWeek' };
const PALETTE = ['#d6336c', '#3568c9', '#e08a00', '#2b8a57', '#7d4cc2', '#c4552b', '#168f8f', '#6b6270'];
/** How often the page asks again while open. */
const REFRESH_MS = 30_000;

const csvLink = (name: string, range: StatsRange) =>
  el('a', { class: 'op-csv', href: `/api/v1/stats/${name}.csv?range=${range}`, download: `radio-optimism-${name}-${range}.csv` }, t('statsCsv'));

/** A labelled bar per entry, longest first. */
function barList(entries: [string, number][], label: (key: string) => string): HTMLElement {
  if (!entries.length) return el('p', { class: 'op-muted' }, t('statsNothing'));
  const top = Math.max(...entries.map(([, n]) => n), 1);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  return el(
    'ul',
    { class: 'op-bars' },
    ...entries.map(([key, n]) => {
      const fill = el('span', { class: 'op-bar-fill' });
      fill.style.width = `${(n / top) * 100}%`;
      return el('li', {}, el('span', { class: 'op-bar-label' }, label(key)), el('span', { class: 'op-bar' }, fill), el('span', { class: 'op-bar-value' }, `${n.toLocaleString(lang)}${total ? ` · ${Math.round((n / total) * 100)}%` : ''}`));
    }),
  );
}

const sorted = (table: Record<string, number>): [string, number][] => Object.entries(table).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

function panel(title: Key, ...children: (Node | null)[]): HTMLElement {
  return el('section', { class: 'op-panel' }, el('h2', {}, t(title)), ...children);
}

export function statsView(_session: Session): { node: HTMLElement; stop(): void } {
  let range: StatsRange = 'day';
  let timer: number | undefined;
  const charts: uPlot[] = [];
  const names = CATALOG_STRINGS[lang];
  const buttons = (Object.keys(RANGE_LABELS) as StatsRange[]).map((r) => {
    const b = el('button', { type: 'button', class: 'op-secondary', 'aria-pressed': String(r === range), 'data-range': r }, t(RANGE_LABELS[r]));
    b.addEventListener('click', () => {
      range = r;
      for (const other of buttons) other.setAttribute('aria-pressed', String(other === b));
      void load();
    });
    return b;
  });
  const updated = el('span', { class: 'op-muted', role: 'status' });
  const body = el('div', { class: 'op-stats-body' });
  const resize = new ResizeObserver(() => {
    for (const c of charts) {
      const width = c.root.parentElement?.clientWidth ?? 0;
      if (width > 0 && Math.abs(width - c.width) > 1) c.setSize({ width, height: c.height });
    }
  });

  const tick = (s: number): string => {
    const d = new Date(s * 1000);
    return range === 'week' ? d.toLocaleDateString(lang, { weekday: 'short', day: 'numeric' }) : d.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
  };
  const when = (s: number): string => new Date(s * 1000).toLocaleString(lang, { weekday: range === 'week' ? 'short' : undefined, hour: '2-digit', minute: '2-digit' });

  /** A line per channel over the period; plays are drawn as steps. */
  const chart = (report: StatsReport, table: Record<string, number[]>, stepped: boolean): HTMLElement => {
    const box = el('div', { class: 'op-chart' });
    const keys = Object.keys(table).sort();
    const data: uPlot.AlignedData = [report.times, ...keys.map((k) => table[k]!)];
    const opts: uPlot.Options = {
      width: 600,
      height: 240,
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.15))] } },
      series: [
        { label: t('statsTime'), value: (_u, v) => (v == null ? '' : when(v)) },
        ...keys.map((k, i): uPlot.Series => ({ label: report.channels.find((c) => c.id === k)?.name ?? k, stroke: PALETTE[i % PALETTE.length], width: 2, points: { show: false }, ...(stepped ? { paths: uPlot.paths.stepped!({ align: 1 }) } : {}) })),
      ],
      axes: [
        { font: AXIS_FONT, values: (_u, splits) => splits.map(tick), stroke: '#6b6270', grid: { stroke: '#eee4e8' } },
        { font: AXIS_FONT, stroke: '#6b6270', grid: { stroke: '#eee4e8' }, values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? v.toLocaleString(lang) : '')) },
      ],
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
    };
    // Built once the box is in the page and has a width, and the axes' font is there: a canvas draws
    // with what is loaded at that moment (Hangul would be boxes until the station's font arrives).
    void document.fonts
      .load(AXIS_FONT, '오후 0')
      .catch(() => undefined)
      .then(() =>
        requestAnimationFrame(() => {
          const c = new uPlot({ ...opts, width: Math.max(300, box.clientWidth) }, data, box);
          charts.push(c);
        }),
      );
    return box;
  };

  const render = (report: StatsReport) => {
    for (const c of charts.splice(0)) c.destroy();
    const channels = Object.keys(report.listeners);
    const now = Object.values(report.now).reduce((a, b) => a + b, 0);
    const perStep = report.times.map((_, i) => channels.reduce((s, c) => s + (report.listeners[c]![i] ?? 0), 0));
    const plays = Object.values(report.plays).reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
    const card = (label: Key, value: number) => el('div', { class: 'op-card' }, el('span', { class: 'op-card-value' }, value.toLocaleString(lang)), el('span', { class: 'op-card-label' }, t(label)));
    const funnel = el(
      'ol',
      { class: 'op-funnel' },
      ...FUNNEL_STEPS.map((step) => {
        const n = report.funnel[step];
        const fill = el('span', { class: 'op-bar-fill' });
        fill.style.width = `${report.funnel.sent ? Math.min(100, (n / report.funnel.sent) * 100) : 0}%`;
        return el('li', { 'data-step': step }, el('span', { class: 'op-bar-label' }, t(`statsFunnel_${step}`)), el('span', { class: 'op-bar' }, fill), el('span', { class: 'op-bar-value' }, n.toLocaleString(lang)));
      }),
    );
    const songs = report.songs.length
      ? el(
          'table',
          { class: 'op-table op-compact' },
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '♪'), el('th', { scope: 'col', class: 'op-num' }, t('statsPlaysCol')))),
          el('tbody', {}, ...report.songs.map((s) => el('tr', {}, el('td', {}, s.title ?? t('statsDeleted')), el('td', { class: 'op-num' }, s.plays.toLocaleString(lang))))),
        )
      : el('p', { class: 'op-muted' }, t('statsNothing'));
    const catalog = (kind: 'theme' | 'relation') => (key: string) => (names[kind] as Record<string, string>)[key] ?? key;
    body.replaceChildren(
      el('div', { class: 'op-cards' }, card('statsNow', now), card('statsPeak', Math.max(0, ...perStep)), card('statsPlaysTotal', plays), card('statsSent', report.funnel.sent)),
      panel('statsListeners', el('p', { class: 'op-muted op-note' }, t('statsListenersNote')), chart(report, report.listeners, false), csvLink('listeners', range)),
      panel('statsPlays', chart(report, report.plays, true), csvLink('plays', range)),
      el('div', { class: 'op-grid2' }, panel('statsFunnel', funnel, csvLink('funnel', range)), panel('statsTopSongs', songs, csvLink('songs', range))),
      el('h2', { class: 'op-subhead' }, t('statsAbout')),
      el(
        'div',
        { class: 'op-grid3' },
        panel('statsThemes', barList(sorted(report.themes), catalog('theme')), csvLink('themes', range)),
        panel('statsRelations', barList(sorted(report.relations), catalog('relation')), csvLink('relations', range)),
        panel('statsLanguages', barList(sorted(report.languages), (k) => (isLanguage(k) ? languageName(k) : k)), csvLink('languages', range)),
      ),
    );
    updated.textContent = t('statsUpdated', { time: new Date().toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' }) });
  };

  const load = async () => {
    try {
      const { data } = await api<StatsReport>(`/api/v1/stats?range=${range}`);
      render(data);
    } catch (e) {
      updated.textContent = t('failed', { message: e instanceof ApiError ? e.message : String(e) });
    }
  };
  void load();
  timer = window.setInterval(() => void load(), REFRESH_MS);
  const node = el(
    'section',
    { class: 'op-section op-stats', 'aria-labelledby': 'stats-title' },
    el('h1', { id: 'stats-title' }, t('stats')),
    el('div', { class: 'op-stats-bar' }, el('div', { class: 'op-range', role: 'group', 'aria-label': t('statsRange') }, ...buttons), updated),
    body,
  );
  resize.observe(node);
  return {
    node,
    stop() {
      window.clearInterval(timer);
      timer = undefined;
      resize.disconnect();
      for (const c of charts.splice(0)) c.destroy();
    },
  };
}
