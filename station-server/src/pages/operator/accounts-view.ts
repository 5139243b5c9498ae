// Accounts (admins): who may sign in and with which role; add one (a password typed, or generated
// and shown once), change a role, remove one. The server refuses an admin's change to their own account.
import { api, ApiError, type Session } from './api.js';
import { el, formatDate, t } from './dom.js';
import type { View } from './views.js';

interface Account {
  name: string;
  role: Session['role'];
  createdAt: string;
  updatedAt: string;
  password?: string;
}

const ROLES: readonly Session['role'][] = ['viewer', 'moderator', 'admin'];

const roleSelect = (id: string, selected: Session['role']): HTMLSelectElement =>
  el('select', { id, name: 'role' }, ...ROLES.map((r) => el('option', { value: r, selected: r === selected }, `${t(`role_${r}`)} · ${t(`role_desc_${r}`)}`)));

const problem = (e: unknown): string => t('failed', { message: e instanceof ApiError ? e.message : String(e) });

export function accountsView(session: Session): View {
  const rows = el('tbody');
  const status = el('p', { class: 'op-status', role: 'status' });

  const row = (a: Account): HTMLElement => {
    const tr = el('tr', { 'data-name': a.name });
    const own = a.name === session.name;
    const note = el('p', { class: 'op-status', role: 'status' });
    const pick = roleSelect(`role-${a.name}`, a.role);
    const change = el('button', { type: 'button', class: 'op-secondary', 'data-action': 'role' }, t('changeRole'));
    change.addEventListener('click', () => {
      change.disabled = true;
      api<Account>(`/api/v1/operators/${encodeURIComponent(a.name)}/role`, { method: 'POST', body: { role: pick.value } }).then(
        ({ data }) => {
          const next = row(data);
          next.querySelector('.op-status')!.textContent = t('roleChanged');
          tr.replaceWith(next);
        },
        (e: unknown) => {
          change.disabled = false;
          note.textContent = problem(e);
        },
      );
    });
    const remove = el('button', { type: 'button', class: 'op-danger', 'data-action': 'remove' }, t('remove'));
    remove.addEventListener('click', () => {
      if (!window.confirm(t('confirmRemove', { name: a.name }))) return;
      remove.disabled = true;
      api(`/api/v1/operators/${encodeURIComponent(a.name)}/remove`, { method: 'POST' }).then(
        () => {
          tr.remove();
          status.textContent = t('removed');
        },
        (e: unknown) => {
          remove.disabled = false;
          note.textContent = problem(e);
        },
      );
    });
    tr.append(
      el('td', {}, el('strong', {}, a.name), own ? el('span', { class: 'op-muted' }, ` (${t('you')})`) : null),
      el('td', {}, own ? t(`role_${a.role}`) : el('div', { class: 'op-actions' }, el('label', { class: 'op-visually-hidden', for: `role-${a.name}` }, t('role')), pick, change)),
      el('td', {}, formatDate(a.createdAt)),
      el('td', {}, own ? '' : remove, note),
    );
    return tr;
  };

  const name = el('input', { id: 'account-name', name: 'name', autocomplete: 'off', required: true, maxlength: '32' });
  const password = el('input', { id: 'account-password', name: 'password', type: 'password', autocomplete: 'new-password' });
  const role = roleSelect('account-role', 'viewer');
  const added = el('p', { class: 'op-status', role: 'status' });
  const form = el(
    'form',
    { class: 'op-filters', 'aria-labelledby': 'add-account' },
    el('h2', { id: 'add-account', class: 'op-visually-hidden' }, t('addAccount')),
    el('div', { class: 'op-field' }, el('label', { for: 'account-name' }, t('name')), name),
    el('div', { class: 'op-field' }, el('label', { for: 'account-role' }, t('role')), role),
    el('div', { class: 'op-field op-grow' }, el('label', { for: 'account-password' }, t('newPassword')), password),
    el('button', { type: 'submit', class: 'op-primary' }, t('add')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    added.textContent = '';
    api<Account>('/api/v1/operators', { method: 'POST', body: { name: name.value.trim(), role: role.value, ...(password.value ? { password: password.value } : {}) } }).then(
      ({ data }) => {
        rows.append(row(data));
        // A generated password is shown this once, as text a person can select and copy.
        if (data.password) added.replaceChildren(t('generatedPassword', { password: '' }), el('code', { class: 'op-secret' }, data.password));
        else added.textContent = t('added');
        form.reset();
      },
      (err: unknown) => {
        added.textContent = problem(err);
      },
    );
  });

  api<Account[]>('/api/v1/operators').then(
    ({ data }) => rows.replaceChildren(...data.map(row)),
    (e: unknown) => void (status.textContent = problem(e)),
  );
  const table = el(
    'table',
    { class: 'op-table' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('name')), el('th', { scope: 'col' }, t('role')), el('th', { scope: 'col' }, t('created')), el('th', { scope: 'col' }, ''))),
    rows,
  );
  return {
    node: el('section', { class: 'op-section', 'aria-labelledby': 'accounts-title' }, el('h1', { id: 'accounts-title' }, t('accounts')), el('p', { class: 'op-muted' }, t('accountsIntro')), form, added, table, status),
    stop() {},
  };
}
