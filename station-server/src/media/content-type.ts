// The Content-Type of a stored media file, from its name, so a bucket serves it the way the station does.
const TYPES: Record<string, string> = {
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  m3u8: 'application/vnd.apple.mpegurl',
  aac: 'audio/aac',
  m4a: 'audio/mp4',
  mp4: 'video/mp4', // the lyric video; songs' audio is .m4a
  mp3: 'audio/mpeg',
  opus: 'audio/ogg',
  ogg: 'audio/ogg',
  flac: 'audio/flac',
  wav: 'audio/wav',
  mid: 'audio/midi',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  vtt: 'text/vtt; charset=utf-8',
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
};

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

export function contentTypeOf(file: string): string {
  const dot = file.lastIndexOf('.');
  if (dot < 0 || dot < file.lastIndexOf('/')) return DEFAULT_CONTENT_TYPE;
  return TYPES[file.slice(dot + 1).toLowerCase()] ?? DEFAULT_CONTENT_TYPE;
}
