import { documentShell } from './document-page';
import { formatDateId } from './format';
import { html, raw, text, type SafeHtml } from './html';
import type { Official, OfficeView } from './models';

/**
 * Letters and decrees on the office's letterhead (kop surat): number, date, addressee, body,
 * signature, copies (tembusan), the initials chain (paraf) and the attachments (lampiran).
 */

export interface LetterAttachment {
  title: string;
  subtitle?: string;
  intro?: SafeHtml;
  columns: string[];
  /** Relative column widths. */
  widths?: number[];
  rows: string[][];
  after?: SafeHtml;
  signature?: boolean;
  landscape?: boolean;
}

export interface LetterView {
  kind: string;
  office: OfficeView;
  number: string;
  date: string | null;
  sifat?: string | null;
  attachmentLabel?: string | null;
  subject: string;
  addressee: string;
  bodyHtml: SafeHtml;
  copies: string[];
  signer: Official;
  signPlace: string;
  initials: { label: string; name?: string | null; at?: string | null }[];
  decree?: { title: string; about: string; considering: (string | SafeHtml)[]; legalBasis: (string | SafeHtml)[]; decisions: [string, string][] } | null;
  attachments: LetterAttachment[];
}

const CSS = `
body { font-size: 11pt; line-height: 1.4; }
.kop { display: flex; align-items: center; gap: 14px; padding-bottom: 6px; border-bottom: 3px solid #000; position: relative; }
.kop::after { content: ""; position: absolute; left: 0; right: 0; bottom: -6px; border-bottom: 1px solid #000; }
.kop img { height: 78px; }
.kop .lines { flex: 1; text-align: center; }
.kop .l1 { font-size: 13pt; font-weight: bold; }
.kop .l2 { font-size: 14.5pt; font-weight: bold; line-height: 1.2; }
.kop .l3 { font-size: 9pt; }
.meta { display: flex; justify-content: space-between; margin-top: 18px; }
.meta > div { white-space: nowrap; }
section.wide { page: wide; }
.meta table td { padding: 0 4px 0 0; vertical-align: top; }
.to { margin: 14px 0 14px 0; }
.body { text-align: justify; }
.body p { text-indent: 2.5em; margin: 0 0 0.6em; }
.body table.identity { margin: 4px 0 10px 2.5em; }
.body table.identity td { padding: 1px 6px 1px 0; vertical-align: top; }
.foot { display: flex; justify-content: space-between; align-items: flex-end; margin-top: 18px; break-inside: avoid; }
.sign { width: 300px; margin-left: auto; text-align: center; }
.sign .space { height: 64px; }
.sign .name { font-weight: bold; text-decoration: underline; }
.paraf { font-size: 8pt; border-collapse: collapse; }
.paraf td, .paraf th { border: 1px solid #000; padding: 2px 5px; min-width: 40px; }
.copies { margin-top: 16px; font-size: 10pt; break-inside: avoid; }
.decree-title { text-align: center; font-weight: bold; margin-top: 18px; line-height: 1.5; }
.decree { width: 100%; margin-top: 10px; }
.decree td { vertical-align: top; padding: 2px 4px; text-align: justify; }
.decree td.k { width: 95px; white-space: nowrap; }
.decree td.c { width: 10px; }
.lampiran-head { margin-left: auto; width: 300px; font-size: 9pt; margin-bottom: 10px; }
.lampiran-head td { vertical-align: top; padding: 0 3px 0 0; }
h3 { text-align: center; font-size: 11pt; margin: 6px 0 2px; }
.subtitle { text-align: center; font-size: 10pt; margin-bottom: 8px; }
table.list { width: 100%; border-collapse: collapse; font-size: 8pt; table-layout: fixed; }
table.list th, table.list td { border: 1px solid #000; padding: 1.5px 3px; vertical-align: top; overflow-wrap: anywhere; }
table.list th { background: #eee; }
table.list thead { display: table-header-group; }
table.list tr { break-inside: avoid; }
`;

export function letterhead(office: OfficeView): SafeHtml {
  const [l1, l2, ...rest] = office.letterheadLines.length ? office.letterheadLines : [office.government.toUpperCase(), office.name.toUpperCase()];
  return html`<header class="kop">${office.logoDataUrl ? html`<img src="${office.logoDataUrl}" alt="Logo">` : ''}
<div class="lines"><div class="l1">${l1}</div>${l2 ? html`<div class="l2">${l2}</div>` : ''}${rest.map((l) => html`<div class="l3">${l}</div>`)}</div></header>`;
}

function signature(v: LetterView, withDate: boolean): SafeHtml {
  const s = v.signer;
  return html`<div class="sign">
${withDate ? html`<div>${v.signPlace}, ${formatDateId(v.date, v.office.timeZone) || '..................'}</div>` : ''}
<div>${(s.title ?? '').toUpperCase()},</div><div class="space"></div>
<div class="name">${s.name ?? ''}</div>${s.rank ? html`<div>${s.rank}</div>` : ''}${s.nip ? html`<div>NIP. ${s.nip}</div>` : ''}</div>`;
}

function paraf(v: LetterView): SafeHtml {
  if (!v.initials.length) return html`<div></div>`;
  return html`<table class="paraf" aria-label="Paraf"><tr><th colspan="2">Paraf</th></tr>
${v.initials.map((p) => html`<tr><td>${p.label}</td><td>${p.name ? html`${p.name}${p.at ? html`<br>${formatDateId(p.at, v.office.timeZone)}` : ''}` : ''}</td></tr>`)}</table>`;
}

function attachmentPage(v: LetterView, a: LetterAttachment, index: number, total: number): SafeHtml {
  const roman = ['I', 'II', 'III', 'IV', 'V'][index] ?? String(index + 1);
  const what = v.decree ? 'KEPUTUSAN' : 'SURAT';
  const widths = a.widths ?? a.columns.map(() => 1);
  const sum = widths.reduce((s, w) => s + w, 0);
  return html`<section class="page-break${a.landscape ? ' wide' : ''}">
<table class="lampiran-head"><tr><td colspan="3">LAMPIRAN${total > 1 ? ` ${roman}` : ''} ${what} ${(v.signer.title ?? '').toUpperCase()}</td></tr>
<tr><td>NOMOR</td><td>:</td><td>${v.number}</td></tr><tr><td>TANGGAL</td><td>:</td><td>${formatDateId(v.date, v.office.timeZone)}</td></tr></table>
<h3>${a.title}</h3>${a.subtitle ? html`<div class="subtitle">${a.subtitle}</div>` : ''}
${a.intro ? html`<div class="body">${a.intro}</div>` : ''}
<table class="list"><colgroup>${widths.map((w) => html`<col style="width:${((100 * w) / sum).toFixed(2)}%">`)}</colgroup>
<thead><tr>${a.columns.map((c) => html`<th>${c}</th>`)}</tr></thead>
<tbody>${raw(a.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeCell(c)}</td>`).join('')}</tr>`).join(''))}</tbody></table>
${a.after ? html`<div class="body" style="margin-top:8px">${a.after}</div>` : ''}
${a.signature ? html`<div class="foot"><div></div>${signature(v, true)}</div>` : ''}
</section>`;
}

/** Cells of big lists are escaped directly: a 1,000-row BNBA must not go through the template tag per cell. */
function escapeCell(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function decreeBody(v: LetterView): SafeHtml {
  const d = v.decree!;
  const rows = (label: string, items: (string | SafeHtml)[]) =>
    items.map((item, i) => html`<tr><td class="k">${i === 0 ? label : ''}</td><td class="c">${i === 0 ? ':' : ''}</td><td>${item}</td></tr>`);
  return html`<div class="decree-title">${d.title.toUpperCase()}<br>NOMOR ${v.number}<br><br>TENTANG<br>${d.about.toUpperCase()}<br><br>${(v.signer.title ?? '').toUpperCase()},</div>
<table class="decree">${rows('Menimbang', d.considering)}${rows('Mengingat', d.legalBasis)}</table>
<div class="decree-title">MEMUTUSKAN:</div>
<table class="decree"><tr><td class="k">Menetapkan</td><td class="c">:</td><td>${d.title.toUpperCase()} TENTANG ${d.about.toUpperCase()}.</td></tr>
${d.decisions.map(([k, t]) => html`<tr><td class="k">${k.toUpperCase()}</td><td class="c">:</td><td>${t}</td></tr>`)}</table>
<div class="foot"><div>${paraf(v)}</div><div class="sign" style="text-align:left">
<table><tr><td>Ditetapkan di</td><td>: ${v.signPlace}</td></tr><tr><td>pada tanggal</td><td>: ${formatDateId(v.date, v.office.timeZone) || '..................'}</td></tr></table>
<div style="margin-top:6px">${(v.signer.title ?? '').toUpperCase()},</div><div class="space"></div>
<div class="name">${v.signer.name ?? ''}</div>${v.signer.rank ? html`<div>${v.signer.rank}</div>` : ''}${v.signer.nip ? html`<div>NIP. ${v.signer.nip}</div>` : ''}</div></div>`;
}

function letterBody(v: LetterView): SafeHtml {
  const tz = v.office.timeZone;
  const [to, ...toRest] = v.addressee.split(/\r?\n/);
  return html`<div class="meta"><table aria-label="Identitas surat">
<tr><td>Nomor</td><td>:</td><td>${v.number}</td></tr>
<tr><td>Sifat</td><td>:</td><td>${v.sifat || 'Biasa'}</td></tr>
<tr><td>Lampiran</td><td>:</td><td>${v.attachmentLabel || '-'}</td></tr>
<tr><td>Perihal</td><td>:</td><td><b>${v.subject}</b></td></tr></table>
<div>${v.signPlace}, ${formatDateId(v.date, tz) || '..................'}</div></div>
<div class="to">Kepada<br>Yth. ${to}${toRest.map((l) => html`<br>${l}`)}<br>di -<br>&nbsp;&nbsp;&nbsp;&nbsp;TEMPAT</div>
<div class="body">${v.bodyHtml}</div>
<div class="foot"><div>${paraf(v)}</div>${signature(v, false)}</div>
${v.copies.length ? html`<div class="copies">Tembusan:<ol>${v.copies.map((c) => html`<li>${c}</li>`)}</ol></div>` : ''}`;
}

export function letterHtml(v: LetterView): string {
  const body = html`${letterhead(v.office)}${v.decree ? decreeBody(v) : letterBody(v)}
${v.attachments.map((a, i) => attachmentPage(v, a, i, v.attachments.length))}`;
  return documentShell({ title: v.subject, css: CSS, body, margins: '15mm 18mm 16mm 22mm', footerLabel: v.number });
}

/** Paragraphs from template text: blank lines separate paragraphs, single newlines break lines. */
export function paragraphs(filled: string): SafeHtml {
  if (/<(p|ol|ul|table)\b/i.test(filled)) return raw(filled);
  return raw(
    filled
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => (/^<table/i.test(p) ? p : `<p>${p.replace(/\r?\n/g, '<br>')}</p>`))
      .join(''),
  );
}

export { text };
