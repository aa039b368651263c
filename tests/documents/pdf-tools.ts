/**
 * Reading rendered PDFs in tests with poppler (pdftotext, pdfinfo, pdftoppm), and comparing a
 * page image to a committed golden PNG with a tolerance.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';

function withTempPdf<T>(pdf: Buffer, fn: (file: string, dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-test-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return fn(file, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Buffer, layout = false): string {
  return withTempPdf(pdf, (file) => execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' }));
}

/** Text with runs of whitespace collapsed, for matching phrases that wrap across lines. */
export const flat = (s: string) => s.replace(/\s+/g, ' ');

export function pdfPages(pdf: Buffer): number {
  const info = withTempPdf(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

export function pdfPageSize(pdf: Buffer): { width: number; height: number } {
  const info = withTempPdf(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  const m = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
  return { width: Number(m[1]), height: Number(m[2]) };
}

export interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** One page (the first unless told) as a grayscale PNG at a low resolution (small goldens). */
export function firstPagePng(pdf: Buffer, dpi = 40, page = 1): Buffer {
  return withTempPdf(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-gray', '-png', '-singlefile', file, path.join(dir, 'page')]);
    return fs.readFileSync(path.join(dir, 'page.png'));
  });
}

/** Decodes the 8-bit, non-interlaced PNGs pdftoppm writes (gray or RGB) into gray levels. */
export function decodeGrayPng(png: Buffer): Gray {
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 1;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('ascii', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[data[9]] ?? 0;
      if (data[8] !== 8 || !channels || data[12] !== 0) throw new Error('Expected an 8-bit non-interlaced gray or RGB PNG');
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      let p = 0;
      if (filter === 1) p = a;
      else if (filter === 2) p = b;
      else if (filter === 3) p = (a + b) >> 1;
      else if (filter === 4) {
        const e = a + b - c;
        const pa = Math.abs(e - a);
        const pb = Math.abs(e - b);
        const pc = Math.abs(e - c);
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = (v + p) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i += 1) {
    const k = i * channels;
    pixels[i] = channels >= 3 ? Math.round((out[k] + out[k + 1] + out[k + 2]) / 3) : out[k];
  }
  return { width, height, pixels };
}

/** Share of pixels whose gray level differs by more than 64 (0..1); 1 when sizes differ. */
export function imageDifference(a: Gray, b: Gray): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.pixels.length; i += 1) if (Math.abs(a.pixels[i] - b.pixels[i]) > 64) differing += 1;
  return differing / a.pixels.length;
}

export const goldenDir = path.join(__dirname, 'goldens');

/**
 * Compares the first page with goldens/<name>.png. UPDATE_GOLDENS=1 rewrites the golden (then
 * look at it before committing); a missing golden fails. The candidate is kept in data/test/ when it differs.
 */
export function compareWithGolden(name: string, pdf: Buffer, page = 1): { difference: number; updated: boolean } {
  const png = firstPagePng(pdf, 40, page);
  const file = path.join(goldenDir, `${name}.png`);
  if (process.env.UPDATE_GOLDENS === '1') {
    fs.mkdirSync(goldenDir, { recursive: true });
    fs.writeFileSync(file, png);
    return { difference: 0, updated: true };
  }
  if (!fs.existsSync(file)) throw new Error(`Golden ${file} is missing: run the test with UPDATE_GOLDENS=1, look at the image, commit it`);
  const difference = imageDifference(decodeGrayPng(png), decodeGrayPng(fs.readFileSync(file)));
  if (difference > 0) {
    const out = path.resolve(__dirname, '..', '..', 'data', 'test', 'goldens');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, `${name}.actual.png`), png);
  }
  return { difference, updated: false };
}

/** Golden tolerance: share of pixels allowed to differ (font hinting, antialiasing). */
export const GOLDEN_TOLERANCE = 0.01;
