/**
 * Draws the toolbar icon (a cookie with a magnifier-like ring) as PNGs at the sizes the manifest
 * lists. Run once after changing the design: `npx tsx scripts/make-icons.ts`. The PNGs are
 * committed under assets/icons so builds need no image tooling.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const chips: Array<[number, number, number]> = [
  [0.38, 0.34, 0.07],
  [0.62, 0.42, 0.06],
  [0.45, 0.62, 0.075],
  [0.66, 0.66, 0.055],
];

function cookie(size: number) {
  return (x: number, y: number): [number, number, number, number] => {
    // 4× supersampling for smooth edges at 16 px.
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < 4; sy++) {
      for (let sx = 0; sx < 4; sx++) {
        const u = (x + (sx + 0.5) / 4) / size;
        const v = (y + (sy + 0.5) / 4) / size;
        const d = Math.hypot(u - 0.5, v - 0.5);
        const bite = Math.hypot(u - 0.9, v - 0.15) < 0.17;
        if (d > 0.46 || bite) continue;
        const chip = chips.some(([cx, cy, cr]) => Math.hypot(u - cx, v - cy) < cr);
        const rim = d > 0.41;
        const c = chip ? [74, 44, 22] : rim ? [176, 110, 42] : [214, 152, 74];
        r += c[0]!;
        g += c[1]!;
        b += c[2]!;
        a += 255;
      }
    }
    const n = 16;
    return a === 0 ? [0, 0, 0, 0] : [Math.round((r / a) * 255), Math.round((g / a) * 255), Math.round((b / a) * 255), Math.round(a / n)];
  };
}

for (const size of [16, 32, 48, 128]) {
  writeFileSync(new URL(`../assets/icons/icon-${size}.png`, import.meta.url), png(size, cookie(size)));
}
