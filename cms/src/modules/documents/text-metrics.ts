/**
 * Advance widths of Liberation Sans (metric-compatible with Arial), regular and bold, for the
 * printable ASCII range, in 1/1000 em, measured in Chromium. They let the SOP table be laid out
 * on the server: row heights, page breaks and the flowchart coordinates are known before the
 * browser renders anything, so the drawing lines up with the rows it belongs to.
 */
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611,
  778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,
  556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611,
  778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889,
  611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
/** Anything outside ASCII (accents, dashes, quotes) is counted as a wide glyph to stay on the safe side. */
const OTHER = 700;

export function textWidth(s: string, fontPx: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    units += c >= 32 && c < 127 ? table[c - 32] : OTHER;
  }
  return (units * fontPx) / 1000;
}

/** Lines a text takes when wrapped at word boundaries into `widthPx`, like the browser does. */
export function countLines(text: string, widthPx: number, fontPx: number, bold = false): number {
  if (!text) return 0;
  const space = textWidth(' ', fontPx, bold);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines += 1;
    let x = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let w = textWidth(word, fontPx, bold);
      if (x > 0 && x + space + w <= widthPx) {
        x += space + w;
        continue;
      }
      if (x > 0) lines += 1;
      // A word longer than the line breaks anywhere (CSS overflow-wrap: anywhere).
      while (w > widthPx) {
        lines += 1;
        w -= widthPx;
      }
      x = w;
    }
  }
  return lines;
}
