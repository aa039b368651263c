import { html, raw, type SafeHtml, FLOW_CSS } from '../documents';

/**
 * Shell of the public site: Indonesian, readable on a phone, no script, landmarks and a skip
 * link, colours with enough contrast (checked by axe-core in the tests).
 */
const CSS = `
:root { --blue: #0b3d91; --ink: #1a1a1a; --muted: #4a4a4a; --line: #c9cfd8; --bg: #f5f7fa; --ok: #0a6b2d; --err: #a4161a; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 17px; line-height: 1.55; color: var(--ink); background: #fff; }
a { color: var(--blue); text-decoration: underline; }
a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #f0b400; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; top: 0; background: #fff; padding: 8px 12px; }
.skip:focus { left: 8px; z-index: 10; }
.wrap { max-width: 960px; margin: 0 auto; padding: 0 16px; }
header.site { background: var(--blue); color: #fff; }
header.site .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px; padding-top: 10px; padding-bottom: 10px; }
header.site a { color: #fff; }
.brand { font-weight: bold; font-size: 19px; text-decoration: none; }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
main { padding-top: 16px; padding-bottom: 32px; }
h1 { font-size: 28px; line-height: 1.25; margin: 8px 0 12px; }
h2 { font-size: 22px; margin: 24px 0 8px; }
h3 { font-size: 18px; margin: 16px 0 6px; }
.muted { color: var(--muted); }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin: 12px 0; background: #fff; }
.cards { list-style: none; padding: 0; margin: 0; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
.button, button { display: inline-block; background: var(--blue); color: #fff; border: 0; border-radius: 6px; padding: 10px 16px; font-size: 17px; text-decoration: none; cursor: pointer; font-family: inherit; }
.button.secondary { background: #fff; color: var(--blue); border: 2px solid var(--blue); }
form .field { margin: 12px 0; }
label, legend { font-weight: bold; display: block; margin-bottom: 4px; }
input[type=text], input[type=search], input[type=number], select, textarea { width: 100%; max-width: 100%; padding: 9px 10px; font-size: 17px; border: 1px solid #6b7280; border-radius: 6px; font-family: inherit; }
textarea { min-height: 140px; }
fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 12px 0; padding: 8px 14px 12px; }
fieldset.scale label { font-weight: normal; display: flex; gap: 8px; align-items: center; margin: 4px 0; }
.hint { color: var(--muted); font-size: 15px; margin: 2px 0 6px; }
.error { color: var(--err); font-weight: bold; }
.errors { border: 2px solid var(--err); border-radius: 8px; padding: 10px 16px; margin: 12px 0; }
.success { border: 2px solid var(--ok); border-radius: 8px; padding: 12px 16px; margin: 12px 0; }
.code { font-family: 'Liberation Mono', monospace; font-size: 26px; font-weight: bold; letter-spacing: 1px; }
table.data { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 16px; }
table.data th, table.data td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
table.data th { background: var(--bg); }
.table-scroll { overflow-x: auto; }
.grade { font-weight: bold; }
footer.site { border-top: 1px solid var(--line); background: var(--bg); padding: 16px 0; font-size: 15px; }
@media (max-width: 600px) { body { font-size: 16px; } h1 { font-size: 24px; } }
${FLOW_CSS}
.flow-box { font-size: 15px; }
.flow-box .caption { font-size: 13px; color: #333; }
.flow-arrow .num { font-size: 13px; }
.flow-branches { font-size: 14px; }
`;

export function page(title: string, body: SafeHtml, opts: { description?: string } = {}): string {
  return html`<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Layanan PBI JKN Dinas Sosial</title>
${opts.description ? html`<meta name="description" content="${opts.description}">` : ''}
<style>${raw(CSS)}</style></head>
<body>
<header class="site"><a class="skip" href="#konten">Langsung ke isi</a><div class="wrap"><a class="brand" href="/">Layanan PBI JKN</a>
<nav aria-label="Menu utama"><ul><li><a href="/">Beranda</a></li><li><a href="/layanan">Cari layanan</a></li><li><a href="/pengaduan">Pengaduan</a></li><li><a href="/pengaduan/status">Cek pengaduan</a></li><li><a href="/ikm">Indeks kepuasan</a></li></ul></nav></div></header>
<main id="konten" class="wrap">${body}</main>
<footer class="site"><div class="wrap">Standar pelayanan dan SOP yang tampil di sini adalah versi yang telah diterbitkan oleh masing-masing Dinas Sosial.</div></footer>
</body></html>`.value;
}

/** A short page with a heading and one message (errors, limits, not found). */
export function messagePage(title: string, message: string, back: { href: string; label: string } = { href: '/', label: 'Kembali ke beranda' }): string {
  return page(title, html`<h1>${title}</h1><p>${message}</p><p><a href="${back.href}">${back.label}</a></p>`);
}
