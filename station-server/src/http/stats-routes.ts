// Statistics for every operator (`read`): GET /api/v1/stats?range=hour|day|week as JSON for the
// console's page, and GET /api/v1/stats/<table>.csv?range=… for spreadsheets.
import { Router, type Request, type Response } from 'express';
import type { OperatorAccess } from './operator-access.js';
import { isRange, statsReport, RANGES, type StatsRange, type StatsSource } from '../stats/stats-report.js';
import { CSV_NAMES, isCsvName, statsCsv } from '../stats/stats-csv.js';

const rangeOf = (req: Request, res: Response): StatsRange | undefined => {
  const range = req.query.range ?? 'day';
  if (isRange(range)) return range;
  res.status(400).json({ error: { code: 'bad-range', message: `range must be one of ${Object.keys(RANGES).join(', ')}` } });
  return undefined;
};

export function statsRoutes(source: StatsSource, access: OperatorAccess): Router {
  const router = Router();
  router.get('/api/v1/stats', access.need('read'), async (req, res) => {
    const range = rangeOf(req, res);
    if (range) res.set('Cache-Control', 'no-store').json(await statsReport(source, range));
  });
  router.get('/api/v1/stats/:name.csv', access.need('read'), async (req, res) => {
    const name = req.params.name;
    if (!isCsvName(name)) return void res.status(404).json({ error: { code: 'not-found', message: `no such table: ask for one of ${CSV_NAMES.map((n) => `${n}.csv`).join(', ')}` } });
    const range = rangeOf(req, res);
    if (!range) return;
    const report = await statsReport(source, range);
    res
      .set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="radio-optimism-${name}-${range}-${report.to.slice(0, 16).replace(/[:T]/g, '-')}.csv"`, 'Cache-Control': 'no-store' })
      .send(statsCsv(report, name));
  });
  return router;
}
