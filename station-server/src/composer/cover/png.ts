// A small PNG writer (RGB, 8 bits, "Up" filter, fast deflate). Skia's encoder spends 300-600 ms on a
// grainy 1200x1200 cover; this one takes a fraction of that, writes no metadata (so bytes depend on
// pixels only) and leaves out the alpha channel a cover never needs.
import { promisify } from 'node:util';
import { deflate } from 'node:zlib';

// Deflate runs on libuv's thread pool, so the main thread is free while the cover compresses.
const deflateAsync = promisify(deflate);

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes opaque RGBA pixels (alpha ignored) as an RGB PNG. */
export async function encodePng(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number, level = 4): Promise<Buffer> {
  const stride = width * 3 + 1;
  const raw = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    const src = y * width * 4;
    const above = src - width * 4;
    // "Up" filter: each byte minus the byte above. Cheap, and it turns smooth vertical gradients into zeros.
    raw[row] = y === 0 ? 0 : 2;
    for (let x = 0; x < width; x++) {
      const s = src + x * 4;
      const d = row + 1 + x * 3;
      if (y === 0) {
        raw[d] = rgba[s]!;
        raw[d + 1] = rgba[s + 1]!;
        raw[d + 2] = rgba[s + 2]!;
      } else {
        const a = above + x * 4;
        raw[d] = (rgba[s]! - rgba[a]!) & 0xff;
        raw[d + 1] = (rgba[s + 1]! - rgba[a + 1]!) & 0xff;
        raw[d + 2] = (rgba[s + 2]! - rgba[a + 2]!) & 0xff;
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', await deflateAsync(raw, { level })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
