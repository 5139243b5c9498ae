// How a song appears to clients (HTTP and WebSocket alike): its words, its people and its files.
import { SONG_FILES } from '../composer/manifest.js';
import type { SongRecord } from './store.js';

export function songView(song: SongRecord) {
  const base = `/media/songs/${song.id}`;
  return {
    id: song.id,
    status: 'ready' as const,
    title: song.title,
    language: song.language,
    genre: song.genre,
    vibe: song.vibe,
    theme: song.theme,
    durationSec: song.durationSec,
    to: song.recipient,
    from: song.sender,
    createdAt: song.createdAt,
    files: {
      audio: `${base}/${SONG_FILES.stream}`,
      cover: `${base}/${SONG_FILES.cover}`,
      coverSmall: `${base}/${SONG_FILES.coverSmall}`,
      lyrics: `${base}/${SONG_FILES.lyrics}`,
      karaoke: `${base}/${SONG_FILES.accompaniment}`,
      manifest: `${base}/song.json`,
    },
  };
}
export type SongView = ReturnType<typeof songView>;
