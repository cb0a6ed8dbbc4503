/**
 * Writes the add-in's PNG icons (npm run icons): drawn here from simple shapes, 4x supersampled,
 * so that they can be regenerated and changed without an image editor.
 *   icon-*.png         the add-in and the ribbon group: a sheet with a flagged cell
 *   controlla-*.png    "Controlla": the sheet and a magnifier
 *   pulisci-*.png      "Pulisci segnalazioni": a clean sheet and an eraser stroke
 *   pannello-*.png     "Apri pannello": a window with a side pane
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type RGBA = [number, number, number, number];
/** A shape: coverage of the point (u, v) in [0, 1]², 1 inside. */
type Layer = { colour: RGBA; inside: (u: number, v: number) => boolean };

const BLUE: RGBA = [15, 108, 189, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const GRID: RGBA = [160, 190, 220, 255];
const FLAG: RGBA = [232, 72, 85, 255];
const DARK: RGBA = [32, 31, 30, 255];
const AMBER: RGBA = [255, 185, 0, 255];

const roundRect = (x0: number, y0: number, x1: number, y1: number, r: number) => (u: number, v: number) => {
  const cx = Math.max(x0 + r, Math.min(u, x1 - r));
  const cy = Math.max(y0 + r, Math.min(v, y1 - r));
  return (u - cx) ** 2 + (v - cy) ** 2 <= r * r && u >= x0 && u <= x1 && v >= y0 && v <= y1;
};
const rect = (x0: number, y0: number, x1: number, y1: number) => (u: number, v: number) => u >= x0 && u <= x1 && v >= y0 && v <= y1;
const ring = (cx: number, cy: number, r: number, w: number) => (u: number, v: number) => Math.abs(Math.hypot(u - cx, v - cy) - r) <= w / 2;
const segment = (ax: number, ay: number, bx: number, by: number, w: number) => (u: number, v: number) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(u - (ax + t * dx), v - (ay + t * dy)) <= w / 2;
};

function sheet(flagged: boolean): Layer[] {
  const layers: Layer[] = [
    { colour: BLUE, inside: roundRect(0.04, 0.04, 0.96, 0.96, 0.18) },
    { colour: WHITE, inside: rect(0.2, 0.2, 0.8, 0.8) },
  ];
  if (flagged) layers.push({ colour: FLAG, inside: rect(0.5, 0.4, 0.8, 0.6) });
  for (const y of [0.4, 0.6]) layers.push({ colour: GRID, inside: rect(0.2, y - 0.025, 0.8, y + 0.025) });
  layers.push({ colour: GRID, inside: rect(0.475, 0.2, 0.525, 0.8) });
  return layers;
}

const ICONS: Record<string, Layer[]> = {
  icon: sheet(true),
  controlla: [
    ...sheet(true),
    { colour: DARK, inside: segment(0.66, 0.66, 0.9, 0.9, 0.1) },
    { colour: WHITE, inside: (u, v) => Math.hypot(u - 0.58, v - 0.58) <= 0.14 },
    { colour: DARK, inside: ring(0.58, 0.58, 0.15, 0.06) },
  ],
  pulisci: [...sheet(false), { colour: AMBER, inside: segment(0.3, 0.86, 0.86, 0.3, 0.16) }, { colour: DARK, inside: segment(0.3, 0.86, 0.42, 0.74, 0.16) }],
  pannello: [
    { colour: BLUE, inside: roundRect(0.04, 0.04, 0.96, 0.96, 0.18) },
    { colour: WHITE, inside: rect(0.16, 0.22, 0.84, 0.8) },
    { colour: GRID, inside: rect(0.56, 0.22, 0.84, 0.8) },
    { colour: BLUE, inside: rect(0.62, 0.3, 0.78, 0.36) },
    { colour: BLUE, inside: rect(0.62, 0.42, 0.78, 0.48) },
  ],
};

export const ICON_SIZES = [16, 32, 64, 80, 128];

function render(layers: Layer[], size: number): Buffer {
  const ss = 4;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const u = (x + (sx + 0.5) / ss) / size;
          const v = (y + (sy + 0.5) / ss) / size;
          let c: RGBA = [0, 0, 0, 0];
          for (const l of layers) if (l.inside(u, v)) c = l.colour;
          const a = c[3] / 255;
          acc[0] += c[0] * a;
          acc[1] += c[1] * a;
          acc[2] += c[2] * a;
          acc[3] += a;
        }
      }
      const alpha = acc[3] / (ss * ss);
      const o = 1 + x * 4;
      row[o] = alpha ? Math.round(acc[0] / acc[3]) : 0;
      row[o + 1] = alpha ? Math.round(acc[1] / acc[3]) : 0;
      row[o + 2] = alpha ? Math.round(acc[2] / acc[3]) : 0;
      row[o + 3] = Math.round(alpha * 255);
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(width: number, height: number, raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

export function writeIcons(dir = __dirname): string[] {
  const written: string[] = [];
  for (const [name, layers] of Object.entries(ICONS)) {
    for (const size of ICON_SIZES) {
      const file = `${name}-${size}.png`;
      writeFileSync(join(dir, file), render(layers, size));
      written.push(file);
    }
  }
  return written;
}

if (require.main === module) {
  for (const f of writeIcons()) console.log(`scritto addin/assets/${f}`);
}
