// The Playlists page: channels.yaml and the playlist files, read by every operator and edited by
// admins in a textarea with line numbers. Each edit is checked by the station with the same loader
// as `npm run playlists:check` (as you type, and again on save); a mistake is marked at its line.
// A save the station refuses writes nothing; the file on air stays the last good one.
import { api, ApiError, type Session } from './api.js';
import { el, t } from './dom.js';

interface FileInfo {
  file: string;
  kind: 'channels' | 'playlist';
  bytes: number;
}
interface Problem {
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
}

const CHECK_AFTER_MS = 600;
const fileUrl = (file: string) => `/api/v1/playlists/${encodeURIComponent(file)}`;

export function playlistsView(session: Session): { node: HTMLElement; stop(): void } {
  const editable = session.role === 'admin';
  const nav = el('nav', { class: 'op-files', 'aria-label': t('files') });
  const heading = el('h2', { class: 'op-file-name' });
  const size = el('span', { class: 'op-muted' });
  const gutter = el('div', { class: 'op-gutter', 'aria-hidden': 'true' });
  const marks = el('div', { class: 'op-marks', 'aria-hidden': 'true' });
  const area = el('textarea', { class: 'op-code', id: 'op-code', spellcheck: 'false', wrap: 'off', autocapitalize: 'off', autocomplete: 'off', readonly: !editable });
  const problemsList = el('ul', { class: 'op-problems', id: 'op-problems' });
  const summary = el('p', { class: 'op-check', role: 'status' });
  const check = el('button', { type: 'button', class: 'op-secondary' }, t('check'));
  const revert = el('button', { type: 'button', class: 'op-secondary', disabled: true }, t('revert'));
  const save = el('button', { type: 'button', class: 'op-primary', disabled: true, hidden: !editable }, t('save'));
  const dirtyNote = el('span', { class: 'op-dirty', hidden: true }, t('unsaved'));

  let files: FileInfo[] = [];
  let maxBytes = 65_536;
  let current: { file: string; text: string; version: string } | undefined;
  let problems: Problem[] = [];
  let timer: number | undefined;
  let checking = 0;

  const dirty = () => !!current && area.value !== current.text;
  const lineCount = () => area.value.split('\n').length;

  const drawLines = () => {
    const bad = new Map<number, string>();
    for (const p of problems) if (p.file === current?.file) bad.set(p.line, [bad.get(p.line), `${p.field ? `${p.field}: ` : ''}${p.message}`].filter(Boolean).join('\n'));
    gutter.replaceChildren(...Array.from({ length: lineCount() }, (_, i) => el('span', { class: bad.has(i + 1) ? 'op-line-bad' : undefined, 'data-line': String(i + 1), title: bad.get(i + 1) }, String(i + 1))));
    marks.replaceChildren(
      ...[...bad.keys()].map((line) => {
        const band = el('div', { class: 'op-mark', 'data-line': String(line) });
        band.style.top = `${(line - 1) * 20}px`;
        return band;
      }),
    );
    syncScroll();
  };
  const syncScroll = () => {
    gutter.style.transform = `translateY(${-area.scrollTop}px)`;
    marks.style.transform = `translate(${-area.scrollLeft}px, ${-area.scrollTop}px)`;
  };

  const goTo = (line: number) => {
    const lines = area.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    area.scrollTop = Math.max(0, (line - 4) * 20);
    syncScroll();
  };

  const showProblems = (list: Problem[]) => {
    problems = list;
    summary.className = list.length ? 'op-check op-check-bad' : 'op-check op-check-ok';
    summary.textContent = list.length === 1 ? t('problemOne') : list.length ? t('problemCount', { n: list.length }) : t('valid');
    problemsList.replaceChildren(
      ...list.map((p) => {
        const here = p.file === current?.file;
        const content = [
          el('strong', {}, t('problemAt', { line: p.line })),
          here ? '' : ` ${t('inFile', { file: p.file })}`,
          ' · ',
          p.field ? el('code', {}, p.field) : '',
          p.field ? ' ' : '',
          p.message,
        ];
        if (!here) return el('li', { 'data-line': String(p.line), 'data-file': p.file }, ...content);
        const jump = el('button', { type: 'button', class: 'op-link' }, ...content);
        jump.addEventListener('click', () => goTo(p.line));
        return el('li', { class: 'op-problem-here', 'data-line': String(p.line), 'data-file': p.file }, jump);
      }),
    );
    drawLines();
  };

  const refreshState = () => {
    const d = dirty();
    dirtyNote.hidden = !d;
    revert.disabled = !d;
    save.disabled = !d || !editable;
    const bytes = new TextEncoder().encode(area.value).length;
    size.textContent = t('size', { kb: (bytes / 1024).toFixed(1), max: Math.round(maxBytes / 1024) });
  };

  const runCheck = async () => {
    if (!current) return;
    const mine = ++checking;
    try {
      const { data } = await api<{ ok: boolean; problems: Problem[] }>(`${fileUrl(current.file)}/check`, { method: 'POST', text: area.value });
      if (mine === checking) showProblems(data.problems);
    } catch (e) {
      if (mine !== checking) return;
      // Too large or not text: said in one line; nothing is marked.
      problems = [];
      drawLines();
      summary.className = 'op-check op-check-bad';
      summary.textContent = t('failed', { message: e instanceof ApiError ? e.message : String(e) });
    }
  };

  const open = async (file: string) => {
    if (dirty() && current && !window.confirm(t('confirmDiscard', { file: current.file }))) return;
    let data: { file: string; text: string; version: string };
    try {
      ({ data } = await api<{ file: string; text: string; version: string }>(fileUrl(file)));
    } catch (e) {
      // A file that cannot be read (a link out of the folder, binary, too large) is said in one line.
      summary.className = 'op-check op-check-bad';
      summary.textContent = t('failed', { message: e instanceof ApiError ? e.message : String(e) });
      return;
    }
    current = data;
    area.value = data.text;
    area.scrollTop = 0;
    area.setAttribute('aria-label', t('editorLabel', { file }));
    heading.textContent = file;
    for (const a of nav.querySelectorAll('button')) a.setAttribute('aria-current', String(a.dataset.file === file));
    summary.textContent = '';
    showProblems([]);
    summary.textContent = '';
    refreshState();
    void runCheck();
  };

  area.addEventListener('input', () => {
    drawLines();
    refreshState();
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void runCheck(), CHECK_AFTER_MS);
  });
  area.addEventListener('scroll', syncScroll);
  // Tab indents (YAML wants spaces) instead of leaving the editor; Escape then Tab still leaves it.
  let escaped = false;
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') escaped = true;
    else if (e.key === 'Tab' && !e.shiftKey && !escaped && editable) {
      e.preventDefault();
      area.setRangeText('  ', area.selectionStart, area.selectionEnd, 'end');
      area.dispatchEvent(new Event('input'));
    } else escaped = false;
  });
  check.addEventListener('click', () => void runCheck());
  revert.addEventListener('click', () => {
    if (!current) return;
    area.value = current.text;
    area.dispatchEvent(new Event('input'));
  });
  save.addEventListener('click', () => {
    if (!current) return;
    const file = current.file;
    const text = area.value;
    save.disabled = true;
    save.textContent = t('saving');
    api<{ version: string; reloaded: boolean }>(fileUrl(file), { method: 'PUT', text, headers: { 'if-match': `"${current.version}"` } })
      .then(
        ({ data }) => {
          current = { file, text, version: data.version };
          showProblems([]);
          summary.textContent = data.reloaded ? t('saved') : t('savedPending');
        },
        (e: unknown) => {
          const details = e instanceof ApiError ? (e.details as { problems?: Problem[] } | undefined) : undefined;
          if (details?.problems) {
            showProblems(details.problems);
            // Show the first mistake of this file, wherever the editor was scrolled.
            const first = details.problems.find((p) => p.file === file);
            if (first) goTo(first.line);
          } else {
            summary.className = 'op-check op-check-bad';
            summary.textContent = t('failed', { message: e instanceof ApiError ? e.message : String(e) });
          }
          summary.textContent = `${t('refused')} ${summary.textContent}`;
        },
      )
      .finally(() => {
        save.textContent = t('save');
        refreshState();
      });
  });

  const beforeUnload = (e: BeforeUnloadEvent) => {
    if (dirty()) e.preventDefault();
  };
  window.addEventListener('beforeunload', beforeUnload);

  void api<{ maxBytes: number; files: FileInfo[] }>('/api/v1/playlists').then(({ data }) => {
    files = data.files;
    maxBytes = data.maxBytes;
    nav.replaceChildren(
      ...files.map((f) => {
        const b = el('button', { type: 'button', class: 'op-file', 'data-file': f.file }, f.kind === 'channels' ? el('strong', {}, t('channelsFile')) : f.file.replace(/^playlists\//, ''), f.kind === 'channels' ? el('span', { class: 'op-muted' }, f.file) : null);
        b.addEventListener('click', () => void open(f.file));
        return b;
      }),
    );
    if (files[0]) void open(files[0].file);
  }, (e: unknown) => {
    summary.className = 'op-check op-check-bad';
    summary.textContent = t('failed', { message: e instanceof ApiError ? e.message : String(e) });
  });

  return {
    node: el(
      'section',
      { class: 'op-section', 'aria-labelledby': 'playlists-title' },
      el('h1', { id: 'playlists-title' }, t('playlists')),
      editable ? null : el('p', { class: 'op-muted' }, t('readOnly')),
      el(
        'div',
        { class: 'op-playlists' },
        nav,
        el(
          'div',
          { class: 'op-file-pane card' },
          el('div', { class: 'op-file-head' }, heading, dirtyNote, size),
          el('div', { class: 'op-editor' }, el('div', { class: 'op-gutter-wrap' }, gutter), el('div', { class: 'op-code-wrap' }, marks, area)),
          el('div', { class: 'op-actions' }, check, revert, save),
          summary,
          problemsList,
        ),
      ),
    ),
    stop() {
      window.clearTimeout(timer);
      window.removeEventListener('beforeunload', beforeUnload);
    },
  };
}
