import { describe, expect, it } from '@jest/globals';
import { createCanvas } from '@napi-rs/canvas';
import { imageSize, jpegSize } from './image-size.js';

describe('imageSize', () => {
  it('reads the size of a JPEG and of a PNG the canvas wrote', async () => {
    const canvas = createCanvas(321, 123);
    canvas.getContext('2d').fillRect(0, 0, 10, 10);
    expect(imageSize(await canvas.encode('jpeg', 85))).toEqual({ width: 321, height: 123 });
    expect(imageSize(await canvas.encode('png'))).toEqual({ width: 321, height: 123 });
  });

  it('answers undefined for bytes that are neither, and for a JPEG cut before its frame header', async () => {
    expect(imageSize(Buffer.from('not an image at all'))).toBeUndefined();
    const jpeg = await createCanvas(40, 30).encode('jpeg', 85);
    expect(jpegSize(jpeg.subarray(0, 20))).toBeUndefined();
  });
});
