// Draws images/icon.png (128×128): a dark rounded square holding three status lines, each a
// coloured dot (2xx green, 4xx amber, 5xx red) and a grey bar. Run: node scripts/make-icon.mjs
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // per axis: 16 samples a pixel smooth the edges

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

// Painted in order; a later shape covers an earlier one.
const shapes = [
  { inside: roundedRect(4, 4, 124, 124, 26), rgb: [30, 41, 59] },
  ...[
    { y: 38, rgb: [34, 197, 94], end: 100 },
    { y: 64, rgb: [245, 158, 11], end: 88 },
    { y: 90, rgb: [239, 68, 68], end: 94 },
  ].flatMap(({ y, rgb, end }) => [
    { inside: circle(33, y, 10), rgb },
    { inside: roundedRect(53, y - 7, end, y + 7, 7), rgb: [203, 213, 225] },
  ]),
];

function pixel(px, py) {
  const sum = [0, 0, 0, 0];
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      const shape = shapes.findLast((s) => s.inside(x, y));
      if (!shape) continue;
      shape.rgb.forEach((c, i) => (sum[i] += c));
      sum[3] += 255;
    }
  }
  const covered = sum[3] / 255;
  return covered === 0 ? [0, 0, 0, 0] : [...sum.slice(0, 3).map((c) => Math.round(c / covered)), Math.round(sum[3] / SAMPLES ** 2)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => (bytes.reduce((c, b) => CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace

// Each scanline starts with filter type 0 (none).
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), y * (SIZE * 4 + 1) + 1 + x * 4);
}

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.mkdirSync(new URL('../images/', import.meta.url), { recursive: true });
fs.writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
