import { formatDateId, html, type SafeHtml, procedureFlowHtml, procedureNodes, rich } from '../documents';
import type { OfficeView, StandardView } from '../documents';
import type { IkmResult } from '../../core/ikm';
import { page } from './layout';

interface OfficeRow {
  code: string;
  name: string;
  government: string;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
}

interface ServiceRow {
  slug: string;
  title: string;
  officeCode: string;
}

function searchForm(q = '', officeCode = '', offices: OfficeRow[] = []): SafeHtml {
  return html`<form method="get" action="/layanan" role="search" aria-label="Cari layanan" class="card">
<div class="field"><label for="q">Cari layanan</label><input type="search" id="q" name="q" value="${q}" placeholder="mis. reaktivasi, PBI-D, mutasi"></div>
${
  offices.length
    ? html`<div class="field"><label for="kantor">Kantor</label><select id="kantor" name="kantor"><option value="">Semua kantor</option>
${offices.map((o) => html`<option value="${o.code}"${o.code === officeCode ? html` selected` : ''}>${o.name}</option>`)}</select></div>`
    : ''
}
<button type="submit">Cari</button></form>`;
}

const serviceLinks = (services: ServiceRow[]) =>
  services.length ? html`<ul>${services.map((s) => html`<li><a href="/layanan/${s.slug}">${s.title}</a></li>`)}</ul>` : html`<p class="muted">Belum ada standar pelayanan yang diterbitkan.</p>`;

export function homePage(offices: OfficeRow[], services: ServiceRow[]): string {
  return page(
    'Beranda',
    html`<h1>Layanan Jaminan Kesehatan (PBI JKN) Dinas Sosial</h1>
<p>Di sini Anda dapat membaca standar pelayanan dan SOP setiap Dinas Sosial, mengunduhnya sebagai PDF, menyampaikan pengaduan, dan mengisi survei kepuasan masyarakat.</p>
${searchForm('', '', offices)}
<h2>Kantor dan layanannya</h2>
<ul class="cards">${offices.map(
      (o) => html`<li class="card"><h3>${o.name}</h3>
<p class="muted">${[o.address, o.phone ? `Telepon ${o.phone}` : '', o.email].filter(Boolean).join(' · ')}</p>
${serviceLinks(services.filter((s) => s.officeCode === o.code))}</li>`,
    )}</ul>`,
    { description: 'Standar pelayanan, SOP, pengaduan dan survei kepuasan layanan PBI JKN Dinas Sosial' },
  );
}

export function searchPage(q: string, officeCode: string, offices: OfficeRow[], results: ServiceRow[]): string {
  const officeName = new Map(offices.map((o) => [o.code, o.name]));
  return page(
    'Cari layanan',
    html`<h1>Cari layanan</h1>${searchForm(q, officeCode, offices)}
<h2>${results.length} layanan ditemukan${q ? html` untuk “${q}”` : ''}</h2>
<ul class="cards">${results.map((s) => html`<li class="card"><a href="/layanan/${s.slug}">${s.title}</a><div class="muted">${officeName.get(s.officeCode) ?? s.officeCode}</div></li>`)}</ul>`,
  );
}

/** Every component is shown, "-" when the standard leaves it empty, so a reader sees all 14. */
function section(title: string, items: string[]): SafeHtml {
  if (!items.length) return html`<h3>${title}</h3><p>-</p>`;
  return html`<h3>${title}</h3>${items.length === 1 ? html`<p>${rich(items[0])}</p>` : html`<ol>${items.map((i) => html`<li>${rich(i)}</li>`)}</ol>`}`;
}

export function standardPage(std: StandardView, office: OfficeView, ikm: IkmResult | undefined): string {
  return page(
    std.title,
    html`<p class="muted"><a href="/">Beranda</a> › <a href="/layanan?kantor=${office.code}">${office.name}</a></p>
<h1>${std.title}</h1>
<p>Standar pelayanan ${office.name}${std.documentNumber ? html`, nomor ${std.documentNumber}` : ''}${std.issueDate ? html`, terbit ${formatDateId(std.issueDate, office.timeZone)}` : ''}.</p>
<div class="actions"><a class="button" href="/layanan/${std.slug}/pdf">Unduh Standar Pelayanan (PDF)</a>
${std.sop ? html`<a class="button secondary" href="/layanan/${std.slug}/sop/pdf">Unduh SOP (PDF)</a>` : ''}
<a class="button secondary" href="/survei/${std.slug}">Isi survei kepuasan</a>
<a class="button secondary" href="/pengaduan?kantor=${office.code}&amp;layanan=${std.slug}">Sampaikan pengaduan</a></div>
<h2>Penyampaian pelayanan</h2>
${section('Persyaratan', std.requirements)}
<h3>Sistem, mekanisme dan prosedur</h3>
${std.procedureSteps.length ? html`<ol>${std.procedureSteps.map((s) => html`<li>${rich(s)}</li>`)}</ol>` : ''}
${procedureFlowHtml(procedureNodes(std))}${!std.procedureSteps.length && !procedureNodes(std).length ? html`<p>-</p>` : ''}
<h3>Jangka waktu penyelesaian</h3><p>${std.completionTimeText || '-'}</p>${std.completionTimeNote ? html`<p class="muted">${rich(std.completionTimeNote)}</p>` : ''}
<h3>Biaya/tarif</h3><p>${rich(std.fee?.trim() || '-')}</p>
${section('Produk pelayanan', std.products)}
${section('Penanganan pengaduan, saran dan masukan', std.complaintHandling)}
<h2>Pengelolaan pelayanan</h2>
${section('Dasar hukum', std.legalBasis)}
${section('Sarana, prasarana, dan/atau fasilitas', std.facilities)}
${section('Kompetensi pelaksana', std.competencies)}
${section('Pengawasan internal', std.internalSupervision)}
${section('Jumlah pelaksana', std.staffing)}
${section('Jaminan pelayanan', std.serviceGuarantee)}
${section('Jaminan keamanan dan keselamatan pelayanan', std.securityGuarantee)}
${section('Evaluasi kinerja pelaksana', std.performanceEvaluation)}
<h2>Indeks kepuasan masyarakat</h2>
${ikm ? html`<p>IKM layanan ini <strong>${ikm.score.toFixed(2).replace('.', ',')}</strong>, mutu <span class="grade">${ikm.grade}</span> (${ikm.performance}), dari ${ikm.respondents} responden.</p>` : html`<p>Belum ada responden survei untuk layanan ini.</p>`}
<p><a href="/ikm">Lihat indeks kepuasan semua layanan</a></p>`,
    { description: `Standar pelayanan ${std.title} ${office.name}` },
  );
}
