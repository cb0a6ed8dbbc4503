/**
 * The words of a PDF with where they are printed (poppler's pdftotext -bbox), to check how outputs
 * print: words that overprint each other, pages left half empty, the paper size.
 */
import { execFileSync } from 'node:child_process';

export const PDFTOTEXT = 'pdftotext';

export interface PdfWord {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export function pdfPages(path: string): PdfPage[] {
  const html = execFileSync(PDFTOTEXT, ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">(.*?)<\/page>/gs)) {
    const page = pages.length + 1;
    const words = [...m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/g)].map((w) => ({
      page,
      x0: Number(w[1]),
      y0: Number(w[2]),
      x1: Number(w[3]),
      y1: Number(w[4]),
      text: unescape(w[5]),
    }));
    pages.push({ width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

/**
 * Pairs of words printed over each other: their boxes cross by more than a third of the smaller
 * height and a tenth of the smaller width (lines set close together touch, but do not cross so).
 */
export function overprinted(page: PdfPage): [PdfWord, PdfWord][] {
  const out: [PdfWord, PdfWord][] = [];
  const words = [...page.words].sort((a, b) => a.y0 - b.y0);
  for (let i = 0; i < words.length; i++) {
    const a = words[i];
    for (let j = i + 1; j < words.length && words[j].y0 < a.y1; j++) {
      const b = words[j];
      const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      if (dy > Math.min(a.y1 - a.y0, b.y1 - b.y0) / 3 && dx > Math.min(a.x1 - a.x0, b.x1 - b.x0) / 10) out.push([a, b]);
    }
  }
  return out;
}

/** A4 in points, either way round. */
export function isA4(page: PdfPage): boolean {
  const [short, long] = [Math.min(page.width, page.height), Math.max(page.width, page.height)];
  return Math.abs(short - 595.3) < 2 && Math.abs(long - 841.9) < 2;
}
