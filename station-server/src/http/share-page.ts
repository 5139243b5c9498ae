// A song's share page (/s/<id>): the cover, a player, the words, and the Open Graph and Twitter tags
// that make messengers show a card with the cover and the title. Everything a person typed is escaped.
import { CATALOG_STRINGS, isGenre, isLanguage, isVibe, shareVideoPath, sharePath, songMediaPath } from '@radio-optimism/shared';
import type { SongRecord } from '../library/store.js';
import { SONG_FILES } from '../composer/manifest.js';
import { html, type SafeHtml } from './html.js';
import { brand, type Page } from './page-layout.js';
import { stringsFor } from './page-strings.js';
import { VIDEO_HEIGHT, VIDEO_WIDTH } from '../video/lyric-video-ass.js';

/** A download's file name from the song's title: letters, digits and spaces kept (any script), the rest dropped. */
export function fileName(title: string, extension: string): string {
  const base = title.normalize('NFC').replace(/[^\p{L}\p{N} _-]+/gu, '').replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${base || 'Radio Optimism'}.${extension}`;
}

export interface ShareInput {
  song: SongRecord;
  /** Stanzas of plain lyric lines (from lyrics.vtt), empty when the song has none. */
  lyrics: string[][];
  /** Absolute origin for the card's URLs, e.g. https://radio.example. */
  origin: string;
}

export function sharePage({ song, lyrics, origin }: ShareInput): Page {
  const s = stringsFor(song.language);
  const media = songMediaPath(song.id);
  const video = shareVideoPath(song.id);
  const page = `${origin}${sharePath(song.id)}`;
  const cover = `${media}/${SONG_FILES.cover}`;
  const audio = `${media}/${SONG_FILES.stream}`;
  const description = s.description(song.recipient, song.sender);
  const people = song.sender ? `${s.songFor(song.recipient)} · ${s.fromWho(song.sender)}` : s.songFor(song.recipient);
  const message = song.request?.message ?? '';
  // Style and mood in the song's language, named as the TV and the phone name them.
  const names = CATALOG_STRINGS[isLanguage(song.language) ? song.language : 'en'];
  const tags = [isGenre(song.genre) && names.genre[song.genre], isVibe(song.vibe) && names.vibe[song.vibe]].filter((x): x is string => !!x);
  const head: SafeHtml = html`<meta name="description" content="${description}">
<meta property="og:type" content="music.song">
<meta property="og:site_name" content="Radio Optimism">
<meta property="og:title" content="${song.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${page}">
<meta property="og:image" content="${origin}${cover}">
<meta property="og:image:alt" content="${song.title}">
<meta property="og:audio" content="${origin}${audio}">
<meta property="og:audio:type" content="audio/mp4">
<meta property="og:video" content="${origin}${video}">
<meta property="og:video:type" content="video/mp4">
<meta property="og:video:width" content="${VIDEO_WIDTH}">
<meta property="og:video:height" content="${VIDEO_HEIGHT}">
<meta property="og:locale" content="${song.language}">
<meta property="music:duration" content="${Math.round(song.durationSec)}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${song.title}">
<meta name="twitter:description" content="${description}">
<meta name="twitter:image" content="${origin}${cover}">`;
  const body = html`<main class="sheet share">
${brand()}
<figure class="cover"><img src="${cover}" alt="${song.title}" width="1000" height="1000"></figure>
<h1 class="song-title">${song.title}</h1>
<p class="people">${people}</p>
${tags.length ? html`<p class="tags">${tags.join(' · ')}</p>` : ''}
<audio class="player" controls preload="metadata" src="${audio}">${s.noAudio}</audio>
${message ? html`<section class="dedication"><h2>${s.theirWords}</h2><blockquote>${message}</blockquote></section>` : ''}
${lyrics.length ? html`<section class="lyrics"><h2>${s.lyrics}</h2>${lyrics.map((stanza) => html`<p>${stanza.map((line, i) => html`${i ? html`<br>` : ''}${line}`)}</p>`)}</section>` : ''}
<section class="take-away"><h2>${s.takeItWithYou}</h2>
<p class="actions">
<a class="button" href="${audio}" download="${fileName(song.title, 'm4a')}">${s.downloadSong}</a>
<a class="button" href="${cover}" download="${fileName(song.title, 'jpg')}">${s.downloadCover}</a>
<a class="button" href="${video}" type="video/mp4">${s.lyricVideo}</a>
</p>
<p class="note">${s.videoNote}</p>
<p class="actions share-actions" data-url="${page}" data-title="${song.title}" data-text="${description}" data-copied="${s.linkCopied}" hidden>
<button class="button" type="button" data-action="share">${s.share}</button>
<button class="button" type="button" data-action="copy">${s.copyLink}</button>
</p>
</section>
<p class="actions"><a class="button" href="/feed">${s.moreSongs}</a></p>
</main>`;
  return { lang: song.language, title: `${song.title} · ${s.songFor(song.recipient)}`, head, body, stylesheet: 'site.css', script: 'share.js', bodyClass: 'site' };
}

export function notFoundPage(language: string): Page {
  const s = stringsFor(language);
  const body = html`<main class="sheet not-found">
${brand()}
<h1>${s.notFoundTitle}</h1>
<p>${s.notFoundText}</p>
<p class="actions"><a class="button" href="/feed">${s.moreSongs}</a></p>
</main>`;
  return { lang: language, title: s.notFoundTitle, body, stylesheet: 'site.css', bodyClass: 'site' };
}
