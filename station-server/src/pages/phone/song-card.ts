// The finished song on the phone: cover, title, who it is for, a player, the lyrics, and a link to
// its share page (the system share sheet where there is one, copy to clipboard otherwise).
import { lyricsFromVtt } from '../../http/vtt-lines.js';
import { t } from '../i18n/index.js';
import { h, tx, txAttr } from './dom.js';
import type { ReadySong } from './frames.js';

export function createSongCard(song: ReadySong, target: 'tv' | 'radio'): HTMLElement {
  const cover = txAttr(h('img', { class: 'cover', src: song.files.cover, width: '1000', height: '1000' }), 'alt', 'ready.cover', { title: song.title });
  const people = song.from ? tx(h('p', { class: 'people' }), 'ready.forFrom', { to: song.to, from: song.from }) : tx(h('p', { class: 'people' }), 'ready.for', { to: song.to });
  const title = h('h1', { class: 'song-title', tabindex: '-1' });
  title.textContent = song.title;
  const lyrics = h('section', { class: 'lyrics' });
  lyrics.hidden = true;
  void loadLyrics(song.files.lyrics, lyrics);
  return h(
    'article',
    { class: 'song-card' },
    tx(h('p', { class: 'eyebrow' }), 'ready.heading'),
    cover,
    title,
    people,
    tx(h('p', { class: 'ready-note' }), target === 'tv' ? 'ready.onTv' : 'ready.onRadio'),
    h('audio', { class: 'player', controls: true, preload: 'metadata', src: song.files.audio }),
    createShare(song),
    lyrics,
  );
}

/** Marks a note as "playing on the TV now". */
export function markPlaying(note: HTMLElement): void {
  tx(note, 'ready.playingOnTv');
  note.dataset.playing = 'true';
  note.setAttribute('role', 'status');
}

async function loadLyrics(url: string, into: HTMLElement): Promise<void> {
  try {
    const res = await fetch(url);
    if (!res.ok) return;
    const stanzas = lyricsFromVtt(await res.text());
    if (!stanzas.length) return;
    into.append(tx(h('h2', { class: 'label' }), 'ready.lyrics'));
    for (const stanza of stanzas) {
      const p = h('p');
      stanza.forEach((line, i) => {
        if (i) p.append(h('br'));
        p.append(document.createTextNode(line));
      });
      into.append(p);
    }
    into.hidden = false;
  } catch {
    // The lyrics are a bonus here; the song plays without them.
  }
}

function createShare(song: ReadySong): HTMLElement {
  const url = `${location.origin}/s/${encodeURIComponent(song.id)}`;
  const canShare = typeof navigator.share === 'function';
  const action = tx(h('button', { type: 'button', class: 'button primary share-button' }), canShare ? 'ready.share' : 'ready.copy');
  const link = h('input', { class: 'input share-link', type: 'url', readonly: true, value: url, 'aria-label': url });
  const note = h('p', { class: 'hint', role: 'status' });
  action.addEventListener('click', async () => {
    if (canShare) {
      try {
        await navigator.share({ title: song.title, text: t('ready.shareText', { to: song.to }), url });
        return;
      } catch (error) {
        if ((error as { name?: string }).name === 'AbortError') return; // the person closed the sheet
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      tx(note, 'ready.copied');
    } catch {
      // No clipboard (an insecure origin, an old browser): select the link for a long-press copy.
      link.focus();
      link.select();
    }
  });
  return h('div', { class: 'share' }, action, link, note);
}
