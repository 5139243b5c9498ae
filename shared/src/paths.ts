// The station's public paths for a song, defined once: the server routes them, pages and the TV link to them.

/** Where a song's files are served (`/media/songs/<id>/cover.jpg`, …). */
export const songMediaPath = (id: string): string => `/media/songs/${encodeURIComponent(id)}`;
/** A song's share page. */
export const sharePath = (id: string): string => `/s/${encodeURIComponent(id)}`;
/** A song's vertical lyric video (made on the first request). */
export const shareVideoPath = (id: string): string => `${sharePath(id)}/video.mp4`;
/** A song's 128 kb/s HLS media playlist: while the song is made, an EVENT playlist that grows; then VOD. */
export const songStreamPath = (id: string): string => `${songMediaPath(id)}/hls/128k/index.m3u8`;
