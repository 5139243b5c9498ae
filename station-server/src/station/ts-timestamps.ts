// Moves an MPEG-TS segment's clock: adds an offset to every PES PTS/DTS and every PCR. Songs are
// packaged once with their own timestamps; a channel re-times each segment as it serves it, so the
// channel's timestamps run on without a jump (players and recorders that ignore discontinuity tags,
// like ffmpeg's HLS reader, then play across items cleanly). No audio is decoded or re-encoded.

const PACKET = 188;
const WRAP = 2n ** 33n;

function readTimestamp(b: Buffer, at: number): bigint {
  return (
    (BigInt((b[at]! >> 1) & 0x07) << 30n) |
    (BigInt(b[at + 1]!) << 22n) |
    (BigInt(b[at + 2]! >> 1) << 15n) |
    (BigInt(b[at + 3]!) << 7n) |
    BigInt(b[at + 4]! >> 1)
  );
}

function writeTimestamp(b: Buffer, at: number, value: bigint): void {
  const v = ((value % WRAP) + WRAP) % WRAP;
  // Keep the 4-bit prefix (0010, 0011 or 0001) and the marker bits as they were.
  b[at] = (b[at]! & 0xf1) | (Number((v >> 30n) & 0x07n) << 1);
  b[at + 1] = Number((v >> 22n) & 0xffn);
  b[at + 2] = (Number((v >> 15n) & 0x7fn) << 1) | 1;
  b[at + 3] = Number((v >> 7n) & 0xffn);
  b[at + 4] = (Number(v & 0x7fn) << 1) | 1;
}

interface PacketVisitor {
  pts?(b: Buffer, at: number): void;
  dts?(b: Buffer, at: number): void;
  pcr?(b: Buffer, at: number): void;
}

function visit(b: Buffer, visitor: PacketVisitor): void {
  for (let p = 0; p + PACKET <= b.length; p += PACKET) {
    if (b[p] !== 0x47) throw new Error(`not an MPEG-TS segment: no sync byte at ${p}`);
    const unitStart = (b[p + 1]! & 0x40) !== 0;
    const adaptation = (b[p + 3]! >> 4) & 0x03;
    let payload = p + 4;
    if (adaptation & 0x02) {
      const length = b[p + 4]!;
      if (length > 0 && (b[p + 5]! & 0x10) && visitor.pcr) visitor.pcr(b, p + 6);
      payload = p + 5 + length;
    }
    if (!(adaptation & 0x01) || !unitStart || payload + 14 > p + PACKET) continue;
    // A PES header starts 00 00 01; PSI tables (PAT, PMT) do not.
    if (b[payload] !== 0 || b[payload + 1] !== 0 || b[payload + 2] !== 1) continue;
    const flags = b[payload + 7]! >> 6;
    if (flags & 0x02) visitor.pts?.(b, payload + 9);
    if (flags === 0x03) visitor.dts?.(b, payload + 14);
  }
}

/** The first presentation timestamp in a segment (90 kHz ticks), or undefined if it has none. */
export function firstPts(segment: Buffer): bigint | undefined {
  let found: bigint | undefined;
  visit(segment, { pts: (b, at) => (found ??= readTimestamp(b, at)) });
  return found;
}

/** A copy of the segment with every timestamp moved by `offset` ticks of 90 kHz (wrapping at 2^33). */
export function shiftTimestamps(segment: Buffer, offset: bigint): Buffer {
  const out = Buffer.from(segment);
  visit(out, {
    pts: (b, at) => writeTimestamp(b, at, readTimestamp(b, at) + offset),
    dts: (b, at) => writeTimestamp(b, at, readTimestamp(b, at) + offset),
    pcr: (b, at) => {
      // PCR base: 33 bits at 90 kHz, then 6 reserved bits and a 9-bit extension at 27 MHz.
      const base = (BigInt(b[at]!) << 25n) | (BigInt(b[at + 1]!) << 17n) | (BigInt(b[at + 2]!) << 9n) | (BigInt(b[at + 3]!) << 1n) | BigInt(b[at + 4]! >> 7);
      const v = (((base + offset) % WRAP) + WRAP) % WRAP;
      b[at] = Number((v >> 25n) & 0xffn);
      b[at + 1] = Number((v >> 17n) & 0xffn);
      b[at + 2] = Number((v >> 9n) & 0xffn);
      b[at + 3] = Number((v >> 1n) & 0xffn);
      b[at + 4] = (Number(v & 1n) << 7) | (b[at + 4]! & 0x7f);
    },
  });
  return out;
}

/** Where an item starting at `startMs` sits on a channel's 90 kHz clock (wall-clock based, so a restart agrees). */
export const channelPts = (startMs: number): bigint => (BigInt(Math.round(startMs)) * 90n) % WRAP;
