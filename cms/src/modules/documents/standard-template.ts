import { documentShell, itemList } from './document-page';
import { formatDateId } from './format';
import { html, type SafeHtml } from './html';
import type { OfficeView, StandardView } from './models';
import { FLOW_CSS, procedureFlowHtml, procedureNodes } from './procedure-flow';
import { rich } from './sanitize';

/**
 * Standar Pelayanan (PermenPANRB 15/2014 layout): title block, the service-delivery components
 * and the management components in numbered tables, identity and signature.
 */

const CSS = `
.title { display: flex; align-items: center; gap: 12px; border-bottom: 2.5px double #000; padding-bottom: 6px; }
.title img { height: 64px; }
.title .text { flex: 1; text-align: center; font-weight: bold; line-height: 1.3; }
.title .t1 { font-size: 14pt; letter-spacing: 0.5px; }
.title .t2 { font-size: 12pt; }
.ident { margin: 8px 0 4px auto; font-size: 9pt; }
.ident td { padding: 1px 6px; border: 1px solid #000; }
.service { margin: 10px 0 6px; font-weight: bold; font-size: 11pt; }
h2 { font-size: 10pt; margin: 12px 0 4px; }
.comp { width: 100%; table-layout: fixed; }
.comp th, .comp td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; text-align: left; }
.comp th { background: #eee; font-size: 9pt; }
.comp .no { width: 34px; text-align: center; }
.comp .name { width: 27%; font-weight: bold; }
.comp tr { break-inside: avoid; }
.sign { width: 330px; margin: 18px 0 0 auto; break-inside: avoid; }
.sign .space { height: 56px; }
.sign .name { font-weight: bold; text-decoration: underline; }
${FLOW_CSS}
`;

const list = (items: string[]) => itemList(items.map(rich));

export function standardHtml(std: StandardView, office: OfficeView): string {
  const tz = office.timeZone;
  const delivery: [string, SafeHtml][] = [
    ['Persyaratan Pelayanan', list(std.requirements)],
    ['Sistem, Mekanisme dan Prosedur', html`${list(std.procedureSteps)}${procedureFlowHtml(procedureNodes(std))}`],
    ['Jangka Waktu Penyelesaian', html`${std.completionTimeText || '-'}${std.completionTimeNote ? html`<div style="margin-top:3px;font-size:9pt">${rich(std.completionTimeNote)}</div>` : ''}`],
    ['Biaya/Tarif', rich(std.fee?.trim() || '-')],
    ['Produk Pelayanan', list(std.products)],
    ['Penanganan Pengaduan, Saran dan Masukan', list(std.complaintHandling)],
  ];
  const management: [string, SafeHtml][] = [
    ['Dasar Hukum', list(std.legalBasis)],
    ['Sarana, Prasarana, dan/atau Fasilitas', list(std.facilities)],
    ['Kompetensi Pelaksana', list(std.competencies)],
    ['Pengawasan Internal', list(std.internalSupervision)],
    ['Jumlah Pelaksana', list(std.staffing)],
    ['Jaminan Pelayanan', list(std.serviceGuarantee)],
    ['Jaminan Keamanan dan Keselamatan Pelayanan', list(std.securityGuarantee)],
    ['Evaluasi Kinerja Pelaksana', list(std.performanceEvaluation)],
  ];
  const rp = std.responsiblePerson;
  if (rp?.name) management.push(['Penanggung Jawab Layanan', html`${rp.name}${rp.nip ? html`<br>NIP. ${rp.nip}` : ''}${rp.phone ? html`<br>No. HP ${rp.phone}` : ''}`]);
  const table = (rows: [string, SafeHtml][], caption: string) => html`<table class="comp" aria-label="${caption}">
<thead><tr><th class="no">NO.</th><th class="name">KOMPONEN</th><th>URAIAN</th></tr></thead>
<tbody>${rows.map(([name, body], i) => html`<tr><td class="no">${i + 1}.</td><td class="name">${name}</td><td>${body}</td></tr>`)}</tbody></table>`;
  const identity: [string, string][] = [
    ['No. Dokumen', std.documentNumber ?? ''],
    ['No. Revisi', std.revision ?? ''],
    ['Tanggal Terbit', formatDateId(std.issueDate, tz)],
    ['Tanggal Efektif', formatDateId(std.effectiveDate, tz)],
  ];
  const approver = std.approver ?? office.head;
  const place = std.signingPlace;
  const signDate = std.signingDate ?? std.issueDate;
  const body = html`
<header class="title">
  ${office.logoDataUrl ? html`<img src="${office.logoDataUrl}" alt="Logo">` : ''}
  <div class="text"><div class="t1">STANDAR PELAYANAN</div><div class="t2">${office.name.toUpperCase()}</div></div>
</header>
<table class="ident" aria-label="Identitas dokumen">${identity.map(([k, v]) => html`<tr><td>${k}</td><td>${v || '-'}</td></tr>`)}</table>
<div class="service">JENIS PELAYANAN: ${(std.serviceName ?? std.title).toUpperCase()}</div>
${office.unit ? html`<div style="font-size:9pt">Unit Kerja: ${office.name}${office.unit ? ` — ${office.unit}` : ''}</div>` : ''}
<h2>I. KOMPONEN STANDAR PELAYANAN YANG TERKAIT DENGAN PROSES PENYAMPAIAN PELAYANAN (SERVICE DELIVERY)</h2>
${table(delivery, 'Komponen penyampaian pelayanan')}
<h2>II. KOMPONEN STANDAR PELAYANAN YANG TERKAIT DENGAN PROSES PENGELOLAAN PELAYANAN DI INTERNAL ORGANISASI (MANUFACTURING)</h2>
${table(management, 'Komponen pengelolaan pelayanan')}
${
  approver?.name
    ? html`<div class="sign">
  ${place ? html`<div>Ditetapkan di : ${place}</div>` : ''}
  ${signDate ? html`<div>Pada tanggal : ${formatDateId(signDate, tz)}</div>` : ''}
  <div style="margin-top:6px">${(approver.title ?? '').toUpperCase()}</div>
  <div class="space"></div>
  <div class="name">${approver.name}</div>
  ${approver.rank ? html`<div>${approver.rank}</div>` : ''}
  ${approver.nip ? html`<div>NIP. ${approver.nip}</div>` : ''}
</div>`
    : ''
}`;
  return documentShell({ title: `Standar Pelayanan ${std.title}`, css: CSS, body, footerLabel: `Standar Pelayanan ${std.title}` });
}
