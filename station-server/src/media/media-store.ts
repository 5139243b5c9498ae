// Where songs' files live: a local folder (the default) or an S3-compatible bucket. Files are grouped
// under a key per item (`songs/<id>`, `intros/<id>`); a composer writes into a local working folder
// and publishes it whole, so nobody ever sees half a song.
import type { Readable } from 'node:stream';

export interface MediaFile {
  body: Readable;
  size: number;
  /** For HTTP: `public, max-age=31536000, immutable` for what never changes once published. */
  contentType: string;
  /** The Cache-Control stored with the file, where the store keeps one (S3); a growing playlist's says `no-cache`. */
  cacheControl?: string;
}

/** Where one file's bytes come from: a local file, or bytes in hand (a playlist as it was read). */
export type FileSource = { path: string } | { data: Buffer };

export interface MediaStore {
  /** Which backend this is, for logs and health (`local`, `s3`). */
  readonly kind: string;
  /** A local folder to make `key`'s files in (local: the published folder itself; S3: a scratch folder). */
  workDir(key: string): string;
  /** Makes what is in `workDir(key)` the stored files of `key`, whole (S3: uploads it, then frees the scratch). */
  publish(key: string, options?: { stored?: ReadonlySet<string> }): Promise<void>;
  /** Stores one file of `key` now, beside what is stored: a song's parts while it is made, a lyric
   *  video. `cacheControl` replaces the file's usual policy (a growing playlist: `no-cache`).
   *  `options.stored` on publish names files already stored this way, whose bytes never change
   *  (segments), so they are not sent again. */
  put(key: string, file: string, source: FileSource, options?: { cacheControl?: string }): Promise<void>;
  /** One file's bytes; undefined when it is not there. */
  read(key: string, file: string): Promise<Buffer | undefined>;
  /** One file as a stream for HTTP, with a byte range when asked; undefined when it is not there. */
  open(key: string, file: string, range?: { start: number; end: number }): Promise<MediaFile | undefined>;
  /** Whether a file is there (cheap: a stat or a HEAD). */
  has(key: string, file: string): Promise<boolean>;
  /** Deletes every file of `key`. */
  remove(key: string): Promise<void>;
  /** Keys under a prefix (`songs/`), for cleaning up what a crash left behind. */
  keys(prefix: string): AsyncIterable<string>;
}
