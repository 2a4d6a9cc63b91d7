// Draws media/icon.png (256x256): a white shield on a blue rounded square, holding three stacked containers and a
// check mark. `node scripts/draw-icon.mjs` rewrites it; the PNG is committed, so packaging never runs this.
// Shapes are signed distance functions, sampled 4x4 per pixel for smooth edges.
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const SIZE = 256;
const SAMPLES = 4;

const BACKGROUND = [14, 99, 190]; // Docker-like blue
const SHIELD = [255, 255, 255];
const CONTAINER = [14, 99, 190];
const CHECK = [22, 163, 74];

function roundedRect(x, y, cx, cy, halfW, halfH, radius) {
  const dx = Math.abs(x - cx) - halfW + radius;
  const dy = Math.abs(y - cy) - halfH + radius;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - radius;
}

/** A shield: a rectangle on top, a pointed curve below (the intersection of two offset circles). */
function shield(x, y) {
  const top = roundedRect(x, y, 128, 92, 78, 56, 14);
  const left = Math.hypot(x - 230, y - 100) - 176;
  const right = Math.hypot(x - 26, y - 100) - 176;
  const bottom = Math.max(left, right, 100 - y);
  return Math.min(top, bottom);
}

function segment(x, y, ax, ay, bx, by, width) {
  const px = x - ax;
  const py = y - ay;
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, (px * vx + py * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - vx * t, py - vy * t) - width / 2;
}

function containers(x, y) {
  let d = Infinity;
  for (const [cx, cy] of [
    [105, 150],
    [151, 150],
    [128, 110],
  ])
    d = Math.min(d, roundedRect(x, y, cx, cy, 20, 16, 4));
  return d;
}

function check(x, y) {
  return Math.min(segment(x, y, 96, 70, 116, 88, 12), segment(x, y, 116, 88, 158, 50, 12));
}

/** The colour of one point: later layers paint over earlier ones. */
function colourAt(x, y) {
  if (roundedRect(x, y, 128, 128, 124, 124, 44) > 0) return undefined;
  if (check(x, y) <= 0) return CHECK;
  if (containers(x, y) <= 0 && shield(x, y) <= -6) return CONTAINER;
  if (shield(x, y) <= 0) return SHIELD;
  return BACKGROUND;
}

const png = new PNG({ width: SIZE, height: SIZE });
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const colour = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!colour) continue;
        sum[0] += colour[0];
        sum[1] += colour[1];
        sum[2] += colour[2];
        sum[3] += 255;
      }
    }
    const covered = sum[3] / 255;
    const i = (py * SIZE + px) * 4;
    png.data[i] = covered ? Math.round(sum[0] / covered) : 0;
    png.data[i + 1] = covered ? Math.round(sum[1] / covered) : 0;
    png.data[i + 2] = covered ? Math.round(sum[2] / covered) : 0;
    png.data[i + 3] = Math.round(sum[3] / (SAMPLES * SAMPLES));
  }
}
writeFileSync(new URL('../media/icon.png', import.meta.url), PNG.sync.write(png));
console.log('wrote media/icon.png');
