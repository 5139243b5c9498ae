// Operators' accounts over the API, for admins: list, add (with a generated password when none is
// sent), change a role, remove. Every change is in
// the audit log with before and after (never a password or its hash). An admin cannot remove or
// demote their own account here (the CLI on the station's machine can), so the console always keeps one.
import { Router } from 'express';
import type { Store } from '../library/store.js';
import { LibraryError } from '../library/library-error.js';
import { generatePassword, hashPassword, passwordProblem } from '../operators/passwords.js';
import { isRole, ROLES } from '../operators/roles.js';
import { nameProblem } from '../operators/names.js';
import { operatorOf, type OperatorAccess } from './operator-access.js';

const bad = (code: string, message: string) => ({ error: { code, message } });

export function accountRoutes(store: Store, access: OperatorAccess): Router {
  const router = Router();
  const view = (o: { name: string; role: string; createdAt: string; updatedAt: string }) => ({ name: o.name, role: o.role, createdAt: o.createdAt, updatedAt: o.updatedAt });

  router.get('/api/v1/operators', access.need('manage-accounts'), async (_req, res) => {
    res.set('Cache-Control', 'no-store').json((await store.operators.list()).map(view));
  });

  router.post('/api/v1/operators', access.need('manage-accounts'), async (req, res) => {
    const body = (req.body ?? {}) as { name?: unknown; role?: unknown; password?: unknown };
    const { name, role } = body;
    // No password sent: one is made, and answered this once (as the CLI prints it).
    const generated = body.password === undefined || body.password === '' ? generatePassword() : undefined;
    const password = generated ?? body.password;
    if (typeof name !== 'string' || nameProblem(name)) return void res.status(400).json(bad('invalid-name', typeof name === 'string' ? nameProblem(name)! : 'send a name'));
    if (!isRole(role)) return void res.status(400).json(bad('invalid-role', `the role must be one of ${ROLES.join(', ')}`));
    if (typeof password !== 'string' || passwordProblem(password)) return void res.status(400).json(bad('invalid-password', typeof password === 'string' ? passwordProblem(password)! : 'send a password'));
    try {
      const made = await store.operators.add(name, role, await hashPassword(password));
      await store.operators.audit({ actor: operatorOf(res).name, action: 'account.add', target: name, after: { name, role } });
      res.status(201).json({ ...view(made), ...(generated ? { password: generated } : {}) });
    } catch (error) {
      if (error instanceof LibraryError && error.code === 'name-taken') return void res.status(409).json(bad(error.code, error.message));
      throw error;
    }
  });

  router.post('/api/v1/operators/:name/role', access.need('manage-accounts'), async (req, res) => {
    const name = String(req.params.name);
    const role = (req.body as { role?: unknown } | undefined)?.role;
    if (!isRole(role)) return void res.status(400).json(bad('invalid-role', `the role must be one of ${ROLES.join(', ')}`));
    if (name === operatorOf(res).name) return void res.status(409).json(bad('own-account', 'you cannot change your own role: ask another admin'));
    const before = await store.operators.get(name);
    if (!before) return void res.status(404).json(bad('not-found', 'no operator with that name'));
    const after = (await store.operators.setRole(name, role))!;
    await store.operators.audit({ actor: operatorOf(res).name, action: 'account.role', target: name, before: { role: before.role }, after: { role } });
    res.json(view(after));
  });

  router.post('/api/v1/operators/:name/remove', access.need('manage-accounts'), async (req, res) => {
    const name = String(req.params.name);
    if (name === operatorOf(res).name) return void res.status(409).json(bad('own-account', 'you cannot remove your own account: ask another admin'));
    const gone = await store.operators.remove(name);
    if (!gone) return void res.status(404).json(bad('not-found', 'no operator with that name'));
    await store.operators.audit({ actor: operatorOf(res).name, action: 'account.remove', target: name, before: { name, role: gone.role } });
    res.status(204).end();
  });
  return router;
}
