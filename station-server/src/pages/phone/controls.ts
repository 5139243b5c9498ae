// Form controls the song form is built from: chip groups (native radios, so keyboard, screen readers
// and one thumb all work), a text field with a live grapheme counter, and the two big target cards.
import { h, tx, txAttr, uid } from './dom.js';
import { countFor } from './validate.js';

export interface Choice<T extends string> {
  el: HTMLFieldSetElement;
  value(): T | '';
  set(value: T | ''): void;
  setError(key: string | null): void;
}

/** One of a few named options as tappable chips; `optional` lets a second tap clear the choice. */
export function chipGroup<T extends string>(legendKey: string, name: string, options: readonly T[], labelKey: (v: T) => string, selected: T | '', optional = false): Choice<T> {
  const errorId = uid(`${name}-error`);
  const error = h('p', { id: errorId, class: 'field-error', role: 'alert' });
  const inputs = new Map<T, HTMLInputElement>();
  const chips = h('div', { class: 'chips' });
  const groupName = uid(name);
  for (const option of options) {
    const input = h('input', { type: 'radio', name: groupName, value: option, class: 'chip-input' });
    input.checked = option === selected;
    inputs.set(option, input);
    // A second tap on the chosen chip clears an optional choice (radios cannot be unset otherwise).
    if (optional) {
      let wasChecked = false;
      input.addEventListener('pointerdown', () => (wasChecked = input.checked));
      input.addEventListener('click', () => {
        if (wasChecked) input.checked = false;
        wasChecked = false;
      });
    }
    chips.append(h('label', { class: 'chip' }, input, tx(h('span', { class: 'chip-text' }), labelKey(option))));
  }
  const el = h('fieldset', { class: 'field', 'aria-describedby': errorId }, tx(h('legend', { class: 'label' }), legendKey), chips, error);
  return {
    el,
    value: () => [...inputs.entries()].find(([, i]) => i.checked)?.[0] ?? '',
    set: (value) => inputs.forEach((input, option) => (input.checked = option === value)),
    setError: (key) => setError(error, key),
  };
}

export function setError(el: HTMLElement, key: string | null, args?: Record<string, number>): void {
  if (key) tx(el, key, args);
  else {
    el.textContent = '';
    delete el.dataset.i18n;
  }
}

export interface TextField {
  el: HTMLElement;
  input: HTMLInputElement | HTMLTextAreaElement;
  setError(key: string | null, args?: Record<string, number>): void;
}

/** A labelled text input (or textarea) with a live "12 / 40" counter that turns red past the limit. */
export function textField(labelKey: string, placeholderKey: string, field: 'to' | 'from' | 'message', multiline = false): TextField {
  const id = uid(field);
  const counterId = uid(`${field}-count`);
  const errorId = uid(`${field}-error`);
  const attrs = { id, class: multiline ? 'input textarea' : 'input', name: field, 'aria-describedby': `${counterId} ${errorId}`, autocomplete: field === 'from' ? 'given-name' : 'off' };
  const input = multiline ? h('textarea', { ...attrs, rows: '5' }) : h('input', { ...attrs, type: 'text', enterkeyhint: 'next' });
  txAttr(input, 'placeholder', placeholderKey);
  const counter = h('span', { id: counterId, class: 'counter', 'aria-live': 'off' });
  const error = h('p', { id: errorId, class: 'field-error', role: 'alert' });
  const update = () => {
    const { count, max, over } = countFor(field, input.value);
    tx(counter, 'form.counter', { count, max });
    counter.classList.toggle('over', over);
    // Near the limit is when a person needs to hear it; not at every keystroke.
    counter.setAttribute('aria-live', count > max * 0.9 ? 'polite' : 'off');
  };
  input.addEventListener('input', () => {
    update();
    setError(error, null);
    input.removeAttribute('aria-invalid');
  });
  update();
  const el = h('div', { class: 'field' }, h('div', { class: 'label-row' }, tx(h('label', { for: id, class: 'label' }), labelKey), counter), input, error);
  return {
    el,
    input,
    setError(key, args) {
      setError(error, key, args);
      if (key) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    },
  };
}

/** "On this TV now" or "On the radio": two large cards, the whole card is the touch target. */
export function targetPicker(selected: 'tv' | 'radio'): { el: HTMLFieldSetElement; value(): 'tv' | 'radio' } {
  const name = uid('target');
  const card = (value: 'tv' | 'radio', icon: string, titleKey: string, hintKey: string) => {
    const input = h('input', { type: 'radio', name, value, class: 'target-input' });
    input.checked = value === selected;
    return h(
      'label',
      { class: `target target-${value}` },
      input,
      h('span', { class: `target-icon icon-${icon}`, 'aria-hidden': 'true' }),
      h('span', { class: 'target-text' }, tx(h('span', { class: 'target-title' }), titleKey), tx(h('span', { class: 'target-hint' }), hintKey)),
    );
  };
  const el = h(
    'fieldset',
    { class: 'field' },
    tx(h('legend', { class: 'label' }), 'form.target'),
    h('div', { class: 'targets' }, card('tv', 'tv', 'form.targetTv', 'form.targetTvHint'), card('radio', 'radio', 'form.targetRadio', 'form.targetRadioHint')),
  );
  return { el, value: () => ((el.querySelector<HTMLInputElement>('input:checked')?.value ?? 'tv') === 'radio' ? 'radio' : 'tv') };
}
