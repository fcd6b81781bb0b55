// Draws the toolbar icons (public/icons/icon-<size>.png) from code, so they stay reproducible
// and need no image editor: a blue rounded square with three "lines of text", the middle one
// marked in yellow like a highlighted passage. Run: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const outDir = fileURLToPath(new URL('../public/icons/', import.meta.url));
const SIZES = [16, 32, 48, 128];

const BLUE = [33, 82, 163];
const WHITE = [255, 255, 255];
const YELLOW = [255, 205, 40];

/** CRC-32 as PNG chunks require (ISO 3309 polynomial). */
function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Coverage (0..1) of the pixel at (x, y) by a rounded rectangle, 4x4 supersampled. */
function roundRectCover(x, y, x0, y0, x1, y1, r) {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const px = x + (sx + 0.5) / 4;
      const py = y + (sy + 0.5) / 4;
      if (px < x0 || px > x1 || py < y0 || py > y1) continue;
      const cx = Math.min(Math.max(px, x0 + r), x1 - r);
      const cy = Math.min(Math.max(py, y0 + r), y1 - r);
      if ((px - cx) ** 2 + (py - cy) ** 2 <= r * r) hits++;
    }
  }
  return hits / 16;
}

function draw(size) {
  const s = size / 16;
  const rgba = Buffer.alloc(size * size * 4);
  // Shapes painted in order: background, then three bars (widths differ like real lines).
  const shapes = [
    { color: BLUE, rect: [0.5, 0.5, 15.5, 15.5], r: 3 },
    { color: WHITE, rect: [3, 3.5, 13, 5.5], r: 0.8 },
    { color: YELLOW, rect: [2.5, 6.8, 13.5, 9.2], r: 0.8 },
    { color: WHITE, rect: [3, 10.5, 10, 12.5], r: 0.8 },
  ];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const { color, rect, r: radius } of shapes) {
        const cover = roundRectCover(x, y, rect[0] * s, rect[1] * s, rect[2] * s, rect[3] * s, radius * s);
        if (cover === 0) continue;
        // "over" compositing on straight alpha
        const outA = cover + a * (1 - cover);
        r = (color[0] * cover + r * a * (1 - cover)) / outA;
        g = (color[1] * cover + g * a * (1 - cover)) / outA;
        b = (color[2] * cover + b * a * (1 - cover)) / outA;
        a = outA;
      }
      rgba.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (y * size + x) * 4);
    }
  }
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
for (const size of SIZES) writeFileSync(`${outDir}icon-${size}.png`, draw(size));
console.log(`wrote ${SIZES.map((n) => `icon-${n}.png`).join(', ')} to public/icons/`);
