// The Statistics page's tables as CSV files (GET /api/v1/stats/<name>.csv). Titles are people's
// words: a cell that a spreadsheet would run as a formula is quoted with a leading apostrophe.
import { FUNNEL_STEPS } from './metrics.js';
import type { StatsReport } from './stats-report.js';

export const CSV_NAMES = ['listeners', 'plays', 'funnel', 'songs', 'themes', 'relations', 'languages'] as const;
export type CsvName = (typeof CSV_NAMES)[number];
export const isCsvName = (value: unknown): value is CsvName => typeof value === 'string' && (CSV_NAMES as readonly string[]).includes(value);

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const lines = (rows: (string | number | null)[][]): string => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

export function statsCsv(report: StatsReport, name: CsvName): string {
  switch (name) {
    case 'listeners':
    case 'plays': {
      const table = report[name];
      const keys = Object.keys(table).sort();
      return lines([['time', ...keys], ...report.times.map((t, i) => [new Date(t * 1000).toISOString(), ...keys.map((k) => table[k]![i]!)])]);
    }
    case 'funnel':
      return lines([['step', 'dedications'], ...FUNNEL_STEPS.map((s) => [s, report.funnel[s]])]);
    case 'songs':
      return lines([['song_id', 'title', 'plays'], ...report.songs.map((s) => [s.songId, s.title, s.plays])]);
    default: {
      const table = report[name];
      return lines([[name.replace(/s$/, ''), 'songs'], ...Object.entries(table).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))]);
    }
  }
}
