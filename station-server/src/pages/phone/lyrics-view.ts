// Step 2b: the words before singing. The writer's draft, one text box a block (a chorus is marked),
// each with its lines and characters counted; checked with shared's validator as the station will, and
// a clear note when the recipient's name is no longer in the words (sent anyway if the sender wishes).
import { LIMITS, lyricsWarnings, visibleLength, type LyricsSectionView, type SongRequest } from '@radio-optimism/shared';
import { button, h, tx, uid } from './dom.js';
import { setError } from './controls.js';
import { checkLyrics } from './validate.js';

export interface LyricsView {
  el: HTMLElement;
  setBusy(busy: boolean): void;
  showError(key: string | null): void;
}

export interface LyricsOptions {
  request: SongRequest;
  sections: LyricsSectionView[];
  onMake(request: SongRequest): void;
  onBack(): void;
}

export function createLyricsView(options: LyricsOptions): LyricsView {
  const boxes: HTMLTextAreaElement[] = [];
  // Verses are numbered among verses, choruses among choruses ("Verse 2", "Chorus (1)").
  const seen = { verse: 0, chorus: 0 };
  const blocks = options.sections.map((section, i) => {
    const id = uid('lyrics-block');
    const counter = h('span', { class: 'counter' });
    const box = h('textarea', { id, class: 'input textarea lyrics-box', name: `lyrics-${i}`, rows: String(Math.max(2, section.lines.length)), spellcheck: 'false', 'aria-describedby': `${id}-count` });
    counter.id = `${id}-count`;
    box.value = section.lines.join('\n');
    const update = () => {
      const lines = box.value.split('\n').filter((l) => l.trim() !== '').length;
      const longest = Math.max(0, ...box.value.split('\n').map((l) => visibleLength(l.trim())));
      tx(counter, 'lyrics.counter', { lines, count: visibleLength(box.value.trim()) });
      counter.classList.toggle('over', longest > LIMITS.lyricsLineMaxChars);
    };
    // Each box grows with its words, so no line hides behind a scroll bar.
    const fitToWords = () => {
      box.style.height = 'auto';
      box.style.height = `${box.scrollHeight + 2}px`;
    };
    requestAnimationFrame(fitToWords);
    box.addEventListener('input', () => {
      fitToWords();
      update();
      warn();
      setError(formError, null);
    });
    boxes.push(box);
    const label = tx(h('label', { for: id, class: 'label' }), section.kind === 'chorus' ? 'lyrics.chorus' : 'lyrics.verse', { n: ++seen[section.kind] });
    const el = h('div', { class: `field lyrics-block lyrics-${section.kind}` }, h('div', { class: 'label-row' }, label, counter), box);
    return { el, update };
  });
  const text = () => boxes.map((b) => b.value.trim()).filter((t) => t !== '').join('\n\n');
  const warning = h('p', { class: 'lyrics-warning', role: 'status' });
  const warn = () => {
    const missing = lyricsWarnings({ to: options.request.to, lyrics: text() }).some((w) => w.code === 'name-missing');
    warning.hidden = !missing;
    if (missing) tx(warning, 'lyrics.nameMissing', { to: options.request.to });
  };
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const make = tx(h('button', { type: 'submit', class: 'button primary' }), 'lyrics.make');
  const back = button('lyrics.back', { class: 'button secondary' });
  back.addEventListener('click', () => options.onBack());
  const form = h('form', { class: 'stack', novalidate: true }, ...blocks.map((b) => b.el), warning, formError, make, back);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const checked = checkLyrics(options.request, text());
    if (!checked.ok) return setError(formError, checked.key, checked.args);
    options.onMake(checked.request);
  });
  for (const b of blocks) b.update();
  warn();
  const el = h('section', { class: 'view lyrics-view' }, tx(h('h1', { class: 'title', tabindex: '-1' }), 'lyrics.heading', { to: options.request.to }), tx(h('p', { class: 'lead' }), 'lyrics.intro'), form);
  return {
    el,
    setBusy(busy) {
      make.disabled = busy;
      make.classList.toggle('busy', busy);
    },
    showError: (key) => setError(formError, key),
  };
}
