/** A tiny PNG encoder (RGB, 8 bit) for demo photos and tests: no external images needed. */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export type Pixel = (x: number, y: number) => readonly [number, number, number];

export function encodePng(width: number, height: number, pixel: Pixel): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const clamp = (n: number) => Math.max(0, Math.min(255, Math.round(n)));

/**
 * A «photo» of a scene: sky, a horizon, a ground colour, the sun and a few buildings — enough
 * for a document to look like it holds a picture. `seed` varies it.
 */
export function scenePng(width: number, height: number, seed: number): Buffer {
  const sky = [[110, 160, 215], [235, 160, 120], [160, 190, 220], [90, 120, 170]][seed % 4]!;
  const ground = [[90, 140, 70], [200, 200, 205], [150, 120, 80], [110, 150, 90]][(seed >> 2) % 4]!;
  const horizon = Math.round(height * (0.55 + ((seed * 7) % 10) / 100));
  const sunX = width * (0.2 + ((seed * 13) % 60) / 100);
  const sunY = height * 0.22;
  const houses = Array.from({ length: 5 }, (_, i) => {
    const w = width * (0.08 + ((seed + i * 3) % 5) / 50);
    const x = (width / 5) * i + ((seed * (i + 1) * 17) % Math.round(width / 10));
    const h = height * (0.12 + ((seed * (i + 2)) % 7) / 25);
    return { x, w, h, c: 120 + ((seed * (i + 5) * 31) % 100) };
  });
  return encodePng(width, height, (x, y) => {
    if ((x - sunX) ** 2 + (y - sunY) ** 2 < (height * 0.07) ** 2) return [250, 230, 140];
    for (const h of houses) if (x >= h.x && x < h.x + h.w && y < horizon && y >= horizon - h.h) return [h.c, h.c - 20, h.c - 40].map(clamp) as [number, number, number];
    if (y < horizon) {
      const k = y / horizon;
      return [clamp(sky[0]! + 40 * k), clamp(sky[1]! + 30 * k), clamp(sky[2]! + 20 * k)];
    }
    const k = (y - horizon) / (height - horizon);
    return [clamp(ground[0]! - 30 * k), clamp(ground[1]! - 30 * k), clamp(ground[2]! - 30 * k)];
  });
}
