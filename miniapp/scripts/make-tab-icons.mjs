#!/usr/bin/env node
/**
 * Draws the four tab-bar icons (81×81 PNG, grey and selected blue) into src/assets/tab/.
 * Generated rather than hand-drawn so they stay tiny (a few hundred bytes each) and reproducible:
 *   node miniapp/scripts/make-tab-icons.mjs
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 81;
const SAMPLES = 4; // supersampling per axis for smooth edges
const STROKE = 6;
const COLORS = { normal: [0x4d, 0x4d, 0x4d], active: [0x00, 0x52, 0xd9] };

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tab');

const distToSegment = (px, py, [ax, ay], [bx, by]) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};
const polyline = (points, closed = false) => (x, y) => {
  const segments = closed ? points.length : points.length - 1;
  for (let i = 0; i < segments; i += 1) {
    if (distToSegment(x, y, points[i], points[(i + 1) % points.length]) <= STROKE / 2) return true;
  }
  return false;
};
const ring = (cx, cy, r) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= STROKE / 2;
const arc = (cx, cy, rx, ry, fromY) => (x, y) => {
  if (y > fromY + STROKE / 2 || y < cy - ry - STROKE) return false;
  const d = Math.hypot((x - cx) / rx, (y - cy) / ry);
  return Math.abs(d - 1) * Math.min(rx, ry) <= STROKE / 2 && y <= cy + STROKE / 2;
};
const union = (...shapes) => (x, y) => shapes.some((shape) => shape(x, y));

const ICONS = {
  home: union(
    polyline([[12, 38], [40.5, 13], [69, 38]]),
    polyline([[20, 33], [20, 68], [61, 68], [61, 33]]),
    polyline([[34, 68], [34, 50], [47, 50], [47, 68]]),
  ),
  services: union(
    polyline([[18, 12], [63, 12], [63, 70], [18, 70]], true),
    polyline([[29, 29], [52, 29]]),
    polyline([[29, 42], [52, 42]]),
    polyline([[29, 55], [44, 55]]),
  ),
  messages: union(
    polyline([[12, 20], [69, 20], [69, 62], [12, 62]], true),
    polyline([[12, 22], [40.5, 44], [69, 22]]),
  ),
  mine: union(ring(40.5, 27, 13), arc(40.5, 72, 26, 26, 72)),
};

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(shape, [r, g, b]) {
  const rows = [];
  for (let y = 0; y < SIZE; y += 1) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
    for (let x = 0; x < SIZE; x += 1) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          if (shape(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)) hits += 1;
        }
      }
      row.set([r, g, b, Math.round((255 * hits) / (SAMPLES * SAMPLES))], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(outDir, { recursive: true });
for (const [name, shape] of Object.entries(ICONS)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const file = path.join(outDir, `${name}${state === 'active' ? '-active' : ''}.png`);
    fs.writeFileSync(file, png(shape, color));
    console.log(`${path.relative(process.cwd(), file)} ${fs.statSync(file).size} B`);
  }
}
