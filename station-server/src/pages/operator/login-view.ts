// The sign-in form: one message for every refusal of name and password (the server says no more).
import { api, ApiError, type Session } from './api.js';
import { el, t } from './dom.js';

export function loginView(done: (session: Session) => void): HTMLElement {
  const name = el('input', { id: 'login-name', name: 'name', autocomplete: 'username', required: true, maxlength: '32', autocapitalize: 'none', spellcheck: 'false' });
  const password = el('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, maxlength: '256' });
  const error = el('p', { class: 'op-error', role: 'alert' });
  const submit = el('button', { type: 'submit', class: 'op-primary' }, t('signIn'));
  const form = el(
    'form',
    { class: 'op-login card', 'aria-labelledby': 'login-title' },
    el('h1', { id: 'login-title' }, t('title')),
    el('label', { for: 'login-name' }, t('name')),
    name,
    el('label', { for: 'login-password' }, t('password')),
    password,
    error,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    submit.textContent = t('signingIn');
    api<Session>('/api/v1/auth/login', { method: 'POST', body: { name: name.value, password: password.value } }).then(
      ({ data }) => done(data),
      (e: unknown) => {
        submit.disabled = false;
        submit.textContent = t('signIn');
        error.textContent = e instanceof ApiError && e.status === 429 ? t('tooMany') : t('wrongLogin');
        password.select();
      },
    );
  });
  queueMicrotask(() => name.focus());
  return el('main', { class: 'op-center' }, form);
}
