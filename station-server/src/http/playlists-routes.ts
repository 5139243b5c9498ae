// The console's Playlists page: every operator reads channels.yaml and the playlist files; admins
// (`edit-playlists`) check and save them. A save is checked with the loader `npm run playlists:check`
// uses, written atomically, reloaded by the station, and its unified diff goes into the audit log. A
// broken file is refused with its problems (file, line, column, field) and nothing is written.
import express, { Router, type Response } from 'express';
import { createTwoFilesPatch } from 'diff';
import type { Store } from '../library/store.js';
import { MAX_FILE_BYTES } from '../station/programme-files.js';
import { PlaylistFileError, type PlaylistFiles } from '../station/playlist-files.js';
import { operatorOf, type OperatorAccess } from './operator-access.js';

const STATUS: Record<PlaylistFileError['code'], number> = {
  'bad-name': 400,
  'not-found': 404,
  'too-large': 413,
  'not-text': 400,
  unreadable: 409,
  conflict: 409,
  invalid: 422,
  'write-failed': 503,
};

/** Bodies are the file's text; a little over the file limit is read, so a too-large edit gets its own message. */
const text = express.text({ type: () => true, limit: MAX_FILE_BYTES * 2 });

export interface PlaylistsRoutesDeps {
  store: Store;
  files: PlaylistFiles;
  access: OperatorAccess;
  /** Reloads the programme now (the watcher would too, a moment later); whether it was accepted. */
  reload: () => Promise<boolean>;
}

function answerError(res: Response, error: unknown): void {
  if (!(error instanceof PlaylistFileError)) throw error;
  res.status(STATUS[error.code]).set('Cache-Control', 'no-store').json({ error: { code: error.code, message: error.message, ...(error.problems.length ? { problems: error.problems } : {}) } });
}

const bodyText = (body: unknown): string | undefined => (typeof body === 'string' ? body : undefined);

export function playlistsRoutes({ store, files, access, reload }: PlaylistsRoutesDeps): Router {
  const router = Router();
  // The file's name is one path segment, its slash encoded (`playlists%2Fcalm.yaml`).
  const fileOf = (param: unknown) => String(param);

  router.get('/api/v1/playlists', access.need('read'), async (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ maxBytes: MAX_FILE_BYTES, files: await files.list() });
  });

  router.get('/api/v1/playlists/:file', access.need('read'), async (req, res) => {
    try {
      const { text: content, version } = await files.read(fileOf(req.params.file));
      res.set({ 'Cache-Control': 'no-store', ETag: `"${version}"` }).json({ file: fileOf(req.params.file), text: content, version });
    } catch (error) {
      answerError(res, error);
    }
  });

  router.post('/api/v1/playlists/:file/check', access.need('read'), text, async (req, res) => {
    const draft = bodyText(req.body);
    if (draft === undefined) return void res.status(400).json({ error: { code: 'no-text', message: 'send the file\'s text as the request body (Content-Type: text/plain)' } });
    try {
      const problems = await files.check(fileOf(req.params.file), draft);
      res.set('Cache-Control', 'no-store').json({ ok: problems.length === 0, problems });
    } catch (error) {
      answerError(res, error);
    }
  });

  router.put('/api/v1/playlists/:file', access.need('edit-playlists'), text, async (req, res) => {
    const file = fileOf(req.params.file);
    const draft = bodyText(req.body);
    if (draft === undefined) return void res.status(400).json({ error: { code: 'no-text', message: 'send the file\'s text as the request body (Content-Type: text/plain)' } });
    const match = req.get('if-match')?.replace(/^W\//, '').replace(/"/g, '');
    try {
      const saved = await files.save(file, draft, match || undefined);
      const diff = createTwoFilesPatch(`a/${file}`, `b/${file}`, saved.before, saved.after, '', '', { context: 3 });
      await store.operators.audit({ actor: operatorOf(res).name, action: 'playlist.save', target: file, before: { version: match || null }, after: { version: saved.version, diff } });
      const reloaded = await reload();
      res.set({ 'Cache-Control': 'no-store', ETag: `"${saved.version}"` }).json({ file, version: saved.version, reloaded, diff });
    } catch (error) {
      answerError(res, error);
    }
  });
  return router;
}
