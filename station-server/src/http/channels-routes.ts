// The console's Channels page: what is on air now and next on each channel (every operator), a skip
// (the `control-air` right, audited), and a week of each channel's shows from channels.yaml.
import { Router } from 'express';
import type { Store } from '../library/store.js';
import type { Playout } from '../station/playout.js';
import { activePlaylist } from '../station/rotation.js';
import { isIsoDate, isTimeZone, mondayOf, weekSchedule, zonedMidnight } from '../station/week-schedule.js';
import { nowView } from './live-routes.js';
import { operatorOf, type OperatorAccess } from './operator-access.js';

const DAY_MS = 86_400_000;

export function channelsRoutes(store: Store, playout: Playout, access: OperatorAccess, now: () => number = Date.now): Router {
  const router = Router();
  const fail = (status: number, code: string, message: string) => ({ status, body: { error: { code, message } } });

  router.get('/api/v1/air', access.need('read'), async (_req, res) => {
    const at = now();
    const channels = await Promise.all(
      playout.channels().map(async (c) => ({ id: c.id, name: c.name, description: c.description, ...activePlaylist(c, at), ...(await nowView(store, playout, c.id)) })),
    );
    res.set('Cache-Control', 'no-store').json(channels);
  });

  router.post('/api/v1/channels/:id/skip', access.need('control-air'), async (req, res) => {
    const id = String(req.params.id);
    if (!playout.channel(id)) {
      const f = fail(404, 'unknown-channel', 'no such channel');
      return void res.status(f.status).json(f.body);
    }
    const skipped = playout.skip(id);
    if (!skipped) {
      const f = fail(409, 'nothing-on-air', 'nothing is on air on that channel here to skip (another station instance may lead it): try again in a moment');
      return void res.status(f.status).json(f.body);
    }
    await store.operators.audit({ actor: operatorOf(res).name, action: 'channel.skip', target: id, before: { songId: skipped.songId, title: skipped.title, kind: skipped.kind, index: skipped.index } });
    // The next item is scheduled by the tick the skip started; answer with it once it is there.
    await playout.tick();
    res.json(await nowView(store, playout, id));
  });

  router.get('/api/v1/schedule', access.need('read'), (req, res) => {
    const tz = req.query.tz ?? 'UTC';
    if (typeof tz !== 'string' || !isTimeZone(tz)) return void res.status(400).json({ error: { code: 'bad-tz', message: 'tz must be an IANA time zone, like "Europe/Lisbon" or "UTC"' } });
    // Without a week: this week, as the date is where the calendar is drawn.
    const week = req.query.week ?? new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now());
    if (typeof week !== 'string' || !isIsoDate(week)) return void res.status(400).json({ error: { code: 'bad-week', message: 'week must be a date written YYYY-MM-DD (any day of the week)' } });
    const monday = mondayOf(week);
    const from = zonedMidnight(monday, tz);
    const next = new Date(Date.parse(`${monday}T00:00:00Z`) + 7 * DAY_MS).toISOString().slice(0, 10);
    const to = zonedMidnight(next, tz);
    const previous = new Date(Date.parse(`${monday}T00:00:00Z`) - 7 * DAY_MS).toISOString().slice(0, 10);
    res.set('Cache-Control', 'no-store').json({ week: monday, previous, next, tz, from: new Date(from).toISOString(), to: new Date(to).toISOString(), channels: weekSchedule(playout.channels(), from, to) });
  });
  return router;
}
