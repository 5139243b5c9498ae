// Step 2: the dedication. Who it is for, the words, the style, the language it is sung in and where
// it plays. Checked in place with shared's validator before anything is sent.
import { GENRES, LANGUAGES, LANGUAGE_NAMES, RELATIONS, SURPRISE_VOICE, VIBES, voicesFor, type Genre, type Language, type Relation, type SongRequest, type Vibe, type VoiceChoice } from '@radio-optimism/shared';
import { button, h, tx, uid } from './dom.js';
import { chipGroup, setError, targetPicker, textField } from './controls.js';
import { checkForm, type FormField, type FormValues } from './validate.js';

export interface FormView {
  el: HTMLElement;
  setBusy(busy: boolean): void;
  /** An error about the whole form (rate limited, offline...), shown above the button. */
  showError(key: string | null): void;
  /** The UI language changed: the song's language follows, unless the person chose one. */
  followLanguage(language: Language): void;
  values(): FormValues;
  fill(values: FormValues): void;
  focus(): void;
}

export interface FormOptions {
  language: Language;
  from: string;
  onSubmit(request: SongRequest, target: 'tv' | 'radio'): void;
  /** "Write the words first": show the draft to read and edit before singing. */
  onWrite(request: SongRequest, target: 'tv' | 'radio'): void;
  onLeave(): void;
}

export function createFormView(options: FormOptions): FormView {
  const to = textField('form.to', 'form.toPlaceholder', 'to');
  const message = textField('form.message', 'form.messagePlaceholder', 'message', true);
  const from = textField('form.from', 'form.fromPlaceholder', 'from');
  from.input.value = options.from;
  from.input.dispatchEvent(new Event('input'));
  const relation = chipGroup<Relation>('form.relation', 'relation', RELATIONS, (r) => `catalog:relation.${r}`, '', true);
  const genre = chipGroup<Genre>('form.genre', 'genre', GENRES, (g) => `catalog:genre.${g}`, 'pop');
  const vibe = chipGroup<Vibe>('form.vibe', 'vibe', VIBES, (v) => `catalog:vibe.${v}`, 'heartfelt');

  const langId = uid('song-language');
  const language = h('select', { id: langId, class: 'input select', name: 'language' });
  for (const lang of LANGUAGES) language.append(h('option', { value: lang, lang }, LANGUAGE_NAMES[lang]));
  language.value = options.language;
  let languageChosen = false;
  language.addEventListener('change', () => (languageChosen = true));
  const languageField = h('div', { class: 'field' }, tx(h('label', { for: langId, class: 'label' }), 'form.language'), language);

  // The language's voices (a higher and a lower one) and "surprise me", rebuilt when the language changes.
  const voiceSlot = h('div');
  const voiceKey = (v: VoiceChoice) => (v === SURPRISE_VOICE ? 'form.voiceSurprise' : `form.voice${v.endsWith('-high') ? 'High' : 'Low'}`);
  let voice = chipGroup<VoiceChoice>('form.voice', 'voice', [...voicesFor(options.language), SURPRISE_VOICE], voiceKey, SURPRISE_VOICE);
  voiceSlot.append(voice.el);
  const setVoices = (lang: Language) => {
    const was = voice.value();
    const kind = was === SURPRISE_VOICE || was === '' ? SURPRISE_VOICE : was.endsWith('-high') ? 'high' : 'low';
    voice = chipGroup<VoiceChoice>('form.voice', 'voice', [...voicesFor(lang), SURPRISE_VOICE], voiceKey, kind === SURPRISE_VOICE ? SURPRISE_VOICE : (`${lang}-${kind}` as VoiceChoice));
    voiceSlot.replaceChildren(voice.el);
  };
  language.addEventListener('change', () => setVoices(language.value as Language));
  const soundsLike = textField('form.soundsLike', 'form.soundsLikePlaceholder', 'to');
  soundsLike.input.setAttribute('name', 'soundsLike');
  soundsLike.el.append(tx(h('p', { class: 'hint' }), 'form.soundsLikeHint'));
  const write = tx(h('button', { type: 'button', class: 'button secondary write-button' }), 'form.write');

  const target = targetPicker('tv');
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const submit = tx(h('button', { type: 'submit', class: 'button primary' }), 'form.submit');
  const leave = button('form.leave', { class: 'link-button' });
  leave.addEventListener('click', () => options.onLeave());

  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    to.el,
    relation.el,
    message.el,
    from.el,
    genre.el,
    vibe.el,
    languageField,
    voiceSlot,
    soundsLike.el,
    target.el,
    formError,
    write,
    submit,
  );

  const values = (): FormValues => ({
    to: to.input.value,
    from: from.input.value,
    relation: relation.value(),
    message: message.input.value,
    genre: (genre.value() || 'pop') as Genre,
    vibe: (vibe.value() || 'heartfelt') as Vibe,
    language: language.value as Language,
    voice: voice.value() || SURPRISE_VOICE,
    soundsLike: soundsLike.input.value,
  });

  const fieldErrors: Partial<Record<FormField, (key: string | null, args?: Record<string, number>) => void>> = {
    to: to.setError,
    from: from.setError,
    message: message.setError,
    relation: relation.setError,
    genre: genre.setError,
    vibe: vibe.setError,
    soundsLike: soundsLike.setError,
  };
  const focusable: Partial<Record<FormField, HTMLElement>> = { to: to.input, from: from.input, message: message.input, language, soundsLike: soundsLike.input };

  let writing = false;
  write.addEventListener('click', () => {
    writing = true;
    form.requestSubmit();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const wantsDraft = writing;
    writing = false;
    setError(formError, null);
    for (const clear of Object.values(fieldErrors)) clear(null);
    const checked = checkForm(values());
    if (!checked.ok) {
      fieldErrors[checked.field]?.(checked.key, checked.args);
      const el = focusable[checked.field];
      el?.focus();
      el?.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
      return;
    }
    if (wantsDraft) options.onWrite(checked.request, target.value());
    else options.onSubmit(checked.request, target.value());
  });

  const el = h(
    'section',
    { class: 'view form-view' },
    h('div', { class: 'paired-row' }, h('span', { class: 'paired-badge' }, h('span', { class: 'paired-dot', 'aria-hidden': 'true' }), tx(h('span'), 'form.connected')), leave),
    tx(h('h1', { class: 'title' }), 'form.heading'),
    form,
  );

  return {
    el,
    setBusy(busy) {
      submit.disabled = busy;
      write.disabled = busy;
      submit.classList.toggle('busy', busy);
      tx(submit, busy ? 'form.sending' : 'form.submit');
    },
    showError: (key) => setError(formError, key),
    followLanguage(lang) {
      if (!languageChosen && language.value !== lang) {
        language.value = lang;
        setVoices(lang);
      }
    },
    values,
    fill(v) {
      to.input.value = v.to;
      from.input.value = v.from;
      message.input.value = v.message;
      for (const input of [to.input, from.input, message.input]) input.dispatchEvent(new Event('input'));
      relation.set(v.relation);
      genre.set(v.genre);
      vibe.set(v.vibe);
      language.value = v.language;
      setVoices(v.language);
      voice.set(v.voice);
      soundsLike.input.value = v.soundsLike;
      soundsLike.input.dispatchEvent(new Event('input'));
    },
    focus: () => to.input.focus(),
  };
}
