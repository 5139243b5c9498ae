// The public feed (/feed): songs that went on air, newest first, each linking to its share page.
// It shows titles and names only, never the private words of a dedication. A page at a time, newest
// first, filtered by language, theme and relation like the campaign's global wall.
import type { Language } from '@radio-optimism/shared';
import type { SongRecord } from '../library/store.js';
import { SONG_FILES } from '../composer/manifest.js';
import { html } from './html.js';
import { brand, type Page } from './page-layout.js';
import { stringsFor } from './page-strings.js';

/** A page of the feed; `more` is the link to the next (older) page, when there is one. */
export function feedPage(songs: SongRecord[], language: Language, more?: string): Page {
  const s = stringsFor(language);
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const when = (iso: string) => {
    const at = new Date(iso);
    return Number.isNaN(at.getTime()) ? '' : date.format(at);
  };
  const items = songs.map((song) => {
    const people = song.sender ? `${s.songFor(song.recipient)} · ${s.fromWho(song.sender)}` : s.songFor(song.recipient);
    return html`<li><a class="feed-item" href="/s/${song.id}">
<img src="/media/songs/${song.id}/${SONG_FILES.coverSmall}" alt="" width="96" height="96" loading="lazy">
<span class="feed-text"><span class="feed-title" lang="${song.language}">${song.title}</span><span class="feed-people">${people}</span><time datetime="${song.createdAt}">${when(song.createdAt)}</time></span>
</a></li>`;
  });
  const body = html`<main class="sheet feed">
${brand()}
<h1>${s.feedTitle}</h1>
<p class="lead">${s.feedIntro}</p>
${songs.length ? html`<ol class="feed-list">${items}</ol>` : html`<p class="empty">${s.feedEmpty}</p>`}
${more ? html`<p class="feed-more"><a href="${more}" rel="next">${s.feedOlder}</a></p>` : ''}
</main>`;
  return { lang: language, title: `${s.feedTitle} · Radio Optimism`, body, stylesheet: 'site.css', bodyClass: 'site' };
}
