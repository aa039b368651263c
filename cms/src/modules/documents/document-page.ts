import { html, raw, type SafeHtml } from './html';

export const FONT_STACK = "'Liberation Sans', Arial, Helvetica, sans-serif";
export const SERIF_STACK = "'Liberation Serif', 'Times New Roman', Times, serif";

/**
 * The HTML shell of every printed document. The Content-Security-Policy repeats what the page
 * pool enforces (nothing but inline data may load), for anyone opening the HTML elsewhere.
 */
export function documentShell(opts: { title: string; css: string; body: SafeHtml; landscape?: boolean; margins?: string; footerLabel?: string }): string {
  const size = opts.landscape ? 'A4 landscape' : 'A4';
  // Page numbers in CSS page-margin boxes: cheaper than Puppeteer's header/footer templates.
  const label = (opts.footerLabel ?? '').replace(/["\\\n]/g, ' ');
  const foot = `@bottom-left { content: "${label}"; font: 7pt ${FONT_STACK}; color: #444; vertical-align: top; padding-top: 3mm; }
  @bottom-right { content: "Halaman " counter(page) " dari " counter(pages); font: 7pt ${FONT_STACK}; color: #444; vertical-align: top; padding-top: 3mm; }`;
  return html`<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:">
<title>${opts.title}</title>
<style>
@page { size: ${raw(size)}; margin: ${raw(opts.margins ?? '14mm 14mm 16mm 14mm')}; ${raw(foot)} }
@page wide { size: A4 landscape; margin: 12mm 14mm 16mm 14mm; ${raw(foot)} }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${raw(FONT_STACK)}; font-size: 10pt; line-height: 1.35; color: #000; -webkit-print-color-adjust: exact; }
table { border-collapse: collapse; }
ol, ul { margin: 0; padding-left: 1.3em; }
p { margin: 0 0 0.4em; }
.page-break { break-before: page; }
${raw(opts.css)}
</style></head><body>${opts.body}</body></html>`.value;
}

/** A list of CMS items as the documents print them: one item alone as text, several numbered. */
export function itemList(items: SafeHtml[], style: 'decimal' | 'lower-alpha' = 'decimal'): SafeHtml {
  if (!items.length) return html`-`;
  if (items.length === 1) return items[0];
  return html`<ol style="list-style-type:${raw(style)}">${items.map((i) => html`<li>${i}</li>`)}</ol>`;
}
