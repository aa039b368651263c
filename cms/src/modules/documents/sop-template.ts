import { documentShell, itemList } from './document-page';
import { formatDateId } from './format';
import { html, raw, type SafeHtml } from './html';
import type { Official, OfficeView, SopView } from './models';
import { rich } from './sanitize';
import { BAND, BODY_FONT_PX, HEADER_FONT_PX, LINE_PX, PAGE_HEIGHT, PAGE_WIDTH, layoutSop, type Point, type SopLayout } from './sop-layout';

/**
 * SOP AP (Permenpan RB 35/2012 format): the identity page, then the activity table with one
 * column per executor and the flowchart drawn in those columns, and the mutu baku columns.
 */

const CSS = `
.identity { width: 100%; table-layout: fixed; }
.identity td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; font-size: 9.5pt; }
.identity .office { text-align: center; vertical-align: middle; font-weight: bold; font-size: 11pt; }
.identity .office img { max-height: 70px; display: block; margin: 0 auto 6px; }
.identity .label { width: 18%; }
.identity .colon { width: 2%; border-left: 0; border-right: 0; text-align: center; }
.sign { margin-top: 2px; }
.sign .space { height: 42px; }
.sign .name { font-weight: bold; text-decoration: underline; }
.headers { width: 100%; table-layout: fixed; margin-top: 8px; }
.headers td { border: 1px solid #000; padding: 3px 6px; vertical-align: top; width: 50%; font-size: 9.5pt; }
.headers .h { font-weight: bold; background: #f1f1f1; }
.sop-page { position: relative; width: ${PAGE_WIDTH}px; height: ${PAGE_HEIGHT}px; overflow: hidden; break-before: page; }
.cell { position: absolute; padding: 4px; font-size: ${BODY_FONT_PX}px; line-height: ${LINE_PX}px; overflow: hidden; overflow-wrap: anywhere; white-space: pre-line; }
.head { position: absolute; display: flex; align-items: center; justify-content: center; text-align: center; font-weight: bold; font-size: ${HEADER_FONT_PX}px; line-height: 11.5px; padding: 2px 3px; overflow-wrap: anywhere; }
.center { text-align: center; }
svg.grid { position: absolute; left: 0; top: 0; }
svg text { font-family: 'Liberation Sans', Arial, sans-serif; }
`;

function signature(o: Official | null | undefined): SafeHtml {
  if (!o?.name) return html``;
  return html`<div class="sign"><div>${(o.title ?? '').toUpperCase()}</div><div class="space"></div>
<div class="name">${o.name}</div>${o.rank ? html`<div>${o.rank}</div>` : ''}${o.nip ? html`<div>NIP. ${o.nip}</div>` : ''}</div>`;
}

function identityPage(sop: SopView, office: OfficeView): SafeHtml {
  const tz = office.timeZone;
  const rows: [string, SafeHtml | string][] = [
    ['Nomor SOP', sop.number ?? ''],
    ...(sop.revision ? [['Revisi', sop.revision] as [string, string]] : []),
    ['Tanggal Pembuatan', formatDateId(sop.madeOn ?? sop.issuedOn, tz)],
    ['Tanggal Revisi', formatDateId(sop.revisedOn, tz)],
    ['Tanggal Efektif', formatDateId(sop.effectiveOn, tz)],
    ['Disahkan oleh', signature(sop.approver)],
  ];
  const list = (items: string[]) => itemList(items.map(rich));
  const pair = (l: string, r: string, left: string[], right: string[]) => html`
<tr><td class="h">${l}</td><td class="h">${r}</td></tr>
<tr><td>${list(left)}</td><td>${list(right)}</td></tr>`;
  return html`
<table class="identity" aria-label="Identitas SOP">
  <tr><td class="office" rowspan="${rows.length}">
    ${office.logoDataUrl ? html`<img src="${office.logoDataUrl}" alt="Logo">` : ''}
    <div>${office.government.toUpperCase()}</div><div>${office.name.replace(/\s+(Kabupaten|Kota)\s+.*$/i, '').toUpperCase()}</div>
    ${office.unit ? html`<div style="font-size:9pt;margin-top:4px">${office.unit.toUpperCase()}</div>` : ''}
  </td><td class="label">${rows[0][0]}</td><td class="colon">:</td><td>${rows[0][1]}</td></tr>
  ${rows.slice(1).map(([k, v]) => html`<tr><td class="label">${k}</td><td class="colon">:</td><td>${v}</td></tr>`)}
  <tr><td class="office" style="font-size:10pt">${office.name.toUpperCase()}</td><td class="label">Nama SOP</td><td class="colon">:</td><td><b>${sop.name}</b></td></tr>
</table>
<table class="headers">
  ${pair('Dasar Hukum:', 'Kualifikasi Pelaksana:', sop.legalBasis, sop.qualifications)}
  ${pair('Keterkaitan:', 'Peralatan/Perlengkapan:', sop.relatedSops, sop.equipment)}
  ${pair('Peringatan:', 'Pencatatan dan Pendataan:', sop.warnings, sop.recordKeeping)}
</table>`;
}

const pts = (points: Point[]) => points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');

function symbolSvg(s: SopLayout['symbols'][number]): SafeHtml {
  const attrs = raw(`class="sop-symbol" data-activity="${s.activity}" data-executor="${s.executor}" data-symbol="${s.kind}" data-cx="${s.cx}" data-cy="${s.cy}"`);
  const x = s.cx - s.w / 2;
  const y = s.cy - s.h / 2;
  if (s.kind === 'start' || s.kind === 'end') {
    return html`<g ${attrs}><rect x="${x}" y="${y}" width="${s.w}" height="${s.h}" rx="${s.h / 2}" ry="${s.h / 2}" fill="#fff" stroke="#000" stroke-width="1"/>
<text x="${s.cx}" y="${s.cy + 3}" font-size="8" text-anchor="middle">${s.kind === 'start' ? 'Mulai' : 'Selesai'}</text></g>`;
  }
  if (s.kind === 'decision') {
    const p: Point[] = [
      [s.cx, y],
      [s.cx + s.w / 2, s.cy],
      [s.cx, y + s.h],
      [s.cx - s.w / 2, s.cy],
    ];
    return html`<g ${attrs}><polygon points="${pts(p)}" fill="#fff" stroke="#000" stroke-width="1"/></g>`;
  }
  return html`<g ${attrs}><rect x="${x}" y="${y}" width="${s.w}" height="${s.h}" fill="#fff" stroke="#000" stroke-width="1"/></g>`;
}

function connectorSvg(c: SopLayout['connectors'][number]): SafeHtml {
  // Off-page connector: a pentagon pointing down, labelled like its partner on the other page.
  const w = 18;
  const h = 18;
  const x = c.cx - w / 2;
  const y = c.cy - h / 2;
  const p: Point[] = [
    [x, y],
    [x + w, y],
    [x + w, y + h * 0.62],
    [c.cx, y + h],
    [x, y + h * 0.62],
  ];
  return html`<g class="sop-connector" data-label="${c.label}" data-direction="${c.direction}" data-from="${c.from}" data-to="${c.to}">
<polygon points="${pts(p)}" fill="#fff" stroke="#000" stroke-width="1"/><text x="${c.cx}" y="${y + 10}" font-size="8" font-weight="bold" text-anchor="middle">${c.label}</text></g>`;
}

function tablePage(sop: SopView, layout: SopLayout, pageIndex: number, isFirstTablePage: boolean): SafeHtml {
  const page = layout.pages[pageIndex];
  const { columns, executorColumns, headerRow2, headerBottom } = layout;
  const width = PAGE_WIDTH;
  const bottom = page.tableBottom + (page.bottomBand ? 32 : 0);
  const byKind = (k: string) => columns.find((c) => c.kind === k)!;
  const exFirst = executorColumns[0];
  const exLast = executorColumns[executorColumns.length - 1];
  const mutuFirst = byKind('requirements');
  const mutuWidth = byKind('requirements').width + byKind('time').width + byKind('output').width;

  const heads: SafeHtml[] = [
    head(0, 0, byKind('no').width, headerBottom, 'NO'),
    head(byKind('text').x, 0, byKind('text').width, headerBottom, 'URAIAN KEGIATAN'),
    exFirst ? head(exFirst.x, 0, exLast.x + exLast.width - exFirst.x, 18, 'PELAKSANA') : html``,
    head(mutuFirst.x, 0, mutuWidth, 18, 'MUTU BAKU'),
    head(byKind('notes').x, 0, byKind('notes').width, headerBottom, 'KET'),
    ...executorColumns.map((c) => head(c.x, 18, c.width, headerRow2, c.label)),
    ...['requirements', 'time', 'output'].map((k) => head(byKind(k).x, 18, byKind(k).width, headerRow2, byKind(k).label)),
  ];

  const cells: SafeHtml[] = [];
  for (const r of page.rows) {
    const a = r.activity;
    const cell = (kind: string, value: string, extra = '') =>
      html`<div class="cell${raw(extra)}" style="left:${byKind(kind).x}px;top:${r.y}px;width:${byKind(kind).width}px;height:${r.height}px">${value}</div>`;
    cells.push(
      cell('no', `${a.number}.`, ' center'),
      cell('text', a.text),
      cell('requirements', r.cells.requirements),
      cell('time', r.cells.time, ' center'),
      cell('output', r.cells.output),
      cell('notes', r.cells.notes),
    );
  }
  if (page.totalRow) {
    const t = page.totalRow;
    cells.push(
      html`<div class="cell" style="left:${byKind('text').x}px;top:${t.y}px;width:${mutuFirst.x + mutuFirst.width - byKind('text').x}px;height:${t.height}px;font-weight:bold">Jumlah Waktu Penyelesaian</div>`,
    );
    cells.push(html`<div class="cell center" style="left:${byKind('time').x}px;top:${t.y}px;width:${byKind('time').width}px;height:${t.height}px;font-weight:bold">${t.text}</div>`);
  }

  // Grid lines.
  const lines: string[] = [];
  const hline = (y: number, x1 = 0, x2 = width) => lines.push(`<line x1="${x1}" y1="${y}" x2="${x2}" y2="${y}"/>`);
  const vline = (x: number, y1: number, y2: number) => lines.push(`<line x1="${x}" y1="${y1}" x2="${x}" y2="${y2}"/>`);
  hline(0.5);
  if (exFirst) hline(18, exFirst.x, exLast.x + exLast.width);
  hline(18, mutuFirst.x, mutuFirst.x + mutuWidth);
  hline(headerBottom);
  for (const r of page.rows) hline(r.y + r.height);
  if (page.topBand) hline(headerBottom + 32);
  if (page.totalRow) hline(page.totalRow.y + page.totalRow.height);
  hline(bottom - 0.5);
  for (const c of columns) {
    const spanned = (c.kind === 'executor' && c !== exFirst) || c.kind === 'time' || c.kind === 'output';
    vline(c.x + 0.5, spanned ? 18 : 0, bottom);
  }
  vline(width - 0.5, 0, bottom);

  const symbols = layout.symbols.filter((s) => s.page === pageIndex);
  const edgeParts = layout.edges.flatMap((e) => e.parts.filter((p) => p.page === pageIndex).map((p) => ({ e, p })));
  const connectors = layout.connectors.filter((c) => c.page === pageIndex);
  const edgesSvg = edgeParts.map(
    ({ e, p }) => html`<g class="sop-edge" data-from="${e.from}" data-to="${e.to}" data-kind="${e.kind}">
<polyline points="${pts(p.points)}" fill="none" stroke="#000" stroke-width="1" ${p.arrow ? raw('marker-end="url(#arrow)"') : ''}/>
${e.label && p.labelAt ? html`<text x="${p.labelAt[0]}" y="${p.labelAt[1]}" font-size="8" text-anchor="${p.labelAt[0] < p.points[0][0] ? 'end' : 'start'}" class="exit-label">${e.label}</text>` : ''}</g>`,
  );

  return html`<section class="sop-page" data-page="${pageIndex + 1}" aria-label="${isFirstTablePage ? 'Uraian kegiatan' : 'Uraian kegiatan (lanjutan)'}">
<svg class="grid" width="${width}" height="${PAGE_HEIGHT}" viewBox="0 0 ${width} ${PAGE_HEIGHT}" xmlns="http://www.w3.org/2000/svg">
<defs><marker id="arrow" viewBox="0 0 8 8" refX="7.5" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" fill="#000"/></marker></defs>
${executorColumns.map((c) => html`<rect class="sop-col" data-executor="${c.key}" x="${c.x}" y="${headerBottom}" width="${c.width}" height="${bottom - headerBottom}" fill="none" stroke="none"/>`)}
<g stroke="#000" stroke-width="1" shape-rendering="crispEdges">${raw(lines.join(''))}</g>
${edgesSvg}
${symbols.map(symbolSvg)}
${connectors.map(connectorSvg)}
</svg>
${heads}
${cells}
</section>`;
}

function head(x: number, y: number, w: number, h: number, label: string): SafeHtml {
  return html`<div class="head" style="left:${x}px;top:${y}px;width:${w}px;height:${h}px">${label}</div>`;
}

export function sopHtml(sop: SopView, office: OfficeView): { html: string; layout: SopLayout } {
  const layout = layoutSop(sop);
  const body = html`${identityPage(sop, office)}${layout.pages.map((_, i) => tablePage(sop, layout, i, i === 0))}`;
  return {
    html: documentShell({ title: `SOP ${sop.name}`, css: CSS, body, landscape: true, margins: '10mm 10mm 14mm 10mm', footerLabel: `SOP ${sop.name}` }),
    layout,
  };
}
