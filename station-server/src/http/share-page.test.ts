import type { SongRecord } from '../library/store.js';
import { renderPage } from './page-layout.js';
import { fileName, sharePage } from './share-page.js';

const song = {
  id: 'abc123XY',
  title: 'Sun <b>"&" Rain',
  language: 'ko',
  genre: 'pop',
  vibe: 'upbeat',
  theme: 'love',
  durationSec: 61,
  seed: 1,
  recipient: '엄마',
  sender: 'Ana "<x>"',
  createdAt: '2026-11-30T00:00:00.000Z',
  kind: 'song',
  request: { message: 'hi', to: '엄마', genre: 'pop', vibe: 'upbeat', language: 'ko' },
} as unknown as SongRecord;

describe('sharePage: take it with you', () => {
  const html = renderPage(sharePage({ song, lyrics: [], origin: 'https://radio.example' }));

  it('offers the song and the cover as downloads named for the song, and the lyric video', () => {
    expect(html).toContain('<a class="button" href="/media/songs/abc123XY/song.m4a" download="Sun b Rain.m4a">노래 내려받기</a>');
    expect(html).toContain('href="/media/songs/abc123XY/cover.jpg" download="Sun b Rain.jpg"');
    expect(html).toContain('<a class="button" href="/s/abc123XY/video.mp4" type="video/mp4">가사 영상</a>');
  });

  it('describes the vertical video for link previews', () => {
    expect(html).toContain('<meta property="og:video" content="https://radio.example/s/abc123XY/video.mp4">');
    expect(html).toContain('<meta property="og:video:width" content="1080">');
    expect(html).toContain('<meta property="og:video:height" content="1920">');
  });

  it('loads the share script and hands it the link and words escaped', () => {
    expect(html).toContain('<script type="module" src="/static/share.js"></script>');
    expect(html).toContain('data-url="https://radio.example/s/abc123XY"');
    expect(html).toContain('data-title="Sun &lt;b&gt;&quot;&amp;&quot; Rain"');
    expect(html).not.toContain('<b>"&"');
    expect(html).not.toContain('Ana "<x>"');
  });
});

describe('fileName', () => {
  it('keeps letters of any script and digits, drops what a file system may refuse', () => {
    expect(fileName('사랑해 엄마 ♥', 'mp4')).toBe('사랑해 엄마.mp4');
    expect(fileName('a/b\\c:d*?"<>|', 'm4a')).toBe('abcd.m4a');
    expect(fileName('...', 'png')).toBe('Radio Optimism.png');
    expect(fileName('x'.repeat(200), 'png')).toHaveLength(84);
  });
});
