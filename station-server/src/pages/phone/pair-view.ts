// Step 1: type the code the TV shows (or arrive with it from the TV's QR code), optionally a name.
import { h, tx, uid } from './dom.js';

export interface PairView {
  el: HTMLElement;
  setBusy(busy: boolean): void;
  /** Shows an error under the code (a translation key), or clears it. */
  showError(key: string | null): void;
  focus(): void;
}

export interface PairOptions {
  code: string;
  name: string;
  onSubmit(code: string, name: string): void;
}

export function createPairView(options: PairOptions): PairView {
  const codeId = uid('code');
  const errorId = uid('code-error');
  const hintId = uid('code-hint');
  const code = h('input', {
    id: codeId,
    class: 'input code-input',
    name: 'code',
    type: 'text',
    inputmode: 'text',
    autocomplete: 'one-time-code',
    autocapitalize: 'characters',
    autocorrect: 'off',
    spellcheck: 'false',
    maxlength: '9',
    enterkeyhint: 'go',
    'aria-describedby': `${hintId} ${errorId}`,
  });
  code.value = options.code;
  // Codes are shown upper-case on the TV; typing them in any case is fine.
  code.addEventListener('input', () => {
    const at = code.selectionStart;
    code.value = code.value.toUpperCase();
    if (at !== null) code.setSelectionRange(at, at);
    showError(null);
  });

  const nameId = uid('name');
  const nameHintId = uid('name-hint');
  const name = h('input', { id: nameId, class: 'input', name: 'name', type: 'text', autocomplete: 'given-name', maxlength: '40', enterkeyhint: 'go', 'aria-describedby': nameHintId });
  name.value = options.name;

  const error = h('p', { id: errorId, class: 'field-error', role: 'alert' });
  const submit = tx(h('button', { type: 'submit', class: 'button primary' }), 'pair.submit');

  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    h(
      'div',
      { class: 'field' },
      tx(h('label', { for: codeId, class: 'label' }), 'pair.code'),
      code,
      tx(h('p', { id: hintId, class: 'hint' }), 'pair.codeHint'),
      error,
    ),
    h('div', { class: 'field' }, tx(h('label', { for: nameId, class: 'label' }), 'pair.name'), name, tx(h('p', { id: nameHintId, class: 'hint' }), 'pair.nameHint')),
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const typed = code.value.toUpperCase().replace(/[\s-]/g, '');
    if (!typed) {
      showError('errors.codeEmpty');
      code.focus();
      return;
    }
    options.onSubmit(typed, name.value.trim());
  });

  function showError(key: string | null) {
    if (key) tx(error, key);
    else {
      error.textContent = '';
      delete error.dataset.i18n;
    }
    code.setAttribute('aria-invalid', key ? 'true' : 'false');
  }

  const el = h(
    'section',
    { class: 'view pair-view', 'aria-labelledby': `${codeId}-heading` },
    tx(h('h1', { id: `${codeId}-heading`, class: 'title' }), 'pair.heading'),
    tx(h('p', { class: 'lead' }), 'pair.intro'),
    form,
  );
  return {
    el,
    setBusy(busy) {
      submit.disabled = busy;
      submit.classList.toggle('busy', busy);
      tx(submit, busy ? 'pair.working' : 'pair.submit');
    },
    showError,
    focus() {
      (code.value ? (name.value ? submit : name) : code).focus();
    },
  };
}
