import { formatDateId, html, text, type SafeHtml } from '../documents';
import { GRADES, SKM_ELEMENTS, type IkmResult } from '../../core/ikm';
import { page } from './layout';

type Values = Record<string, string | undefined>;
type Errors = Record<string, string | undefined>;

/** Error summary at the top of a form, each entry linking to its field. */
function errorSummary(errors: Errors, labels: Record<string, string>): SafeHtml {
  const entries = Object.entries(errors).filter(([, m]) => m);
  if (!entries.length) return html``;
  return html`<div class="errors" role="alert"><h2>Periksa kembali isian berikut</h2><ul>${entries.map(([f, m]) => html`<li><a href="#${f}">${labels[f] ?? f}: ${m}</a></li>`)}</ul></div>`;
}

/** Why a whole submission was refused (too many, too large): shown above the form, which keeps what was typed. */
export interface FormNotice {
  title: string;
  message: string;
}

const noticeBox = (notice?: FormNotice) => (notice ? html`<div class="errors" role="alert"><h2>${notice.title}</h2><p>${notice.message}</p></div>` : html``);

function fieldError(errors: Errors, name: string): SafeHtml {
  return errors[name] ? html`<p class="error" id="${name}-error">${errors[name]}</p>` : html``;
}

const described = (errors: Errors, name: string, hint = false) => {
  const ids = [hint ? `${name}-hint` : '', errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ');
  return ids ? html` aria-describedby="${ids}"` : html``;
};
const invalid = (errors: Errors, name: string) => (errors[name] ? html` aria-invalid="true"` : html``);

const COMPLAINT_LABELS = { kantor: 'Kantor', layanan: 'Layanan', nama: 'Nama', kontak: 'Kontak', isi: 'Isi pengaduan' };

export function complaintFormPage(
  offices: { code: string; name: string }[],
  services: { slug: string; title: string; officeCode: string }[],
  values: Values = {},
  errors: Errors = {},
  notice?: FormNotice,
): string {
  const officeName = new Map(offices.map((o) => [o.code, o.name]));
  return page(
    'Pengaduan',
    html`<h1>Sampaikan pengaduan, saran atau masukan</h1>
<p>Pengaduan Anda diteruskan ke Dinas Sosial yang dipilih. Setelah mengirim, Anda menerima <strong>kode pelacakan</strong> untuk melihat perkembangan tanpa perlu masuk akun.</p>
${noticeBox(notice)}${errorSummary(errors, COMPLAINT_LABELS)}
<form method="post" action="/pengaduan" novalidate>
<div class="field"><label for="kantor">Kantor Dinas Sosial (wajib)</label>
<select id="kantor" name="kantor" required${invalid(errors, 'kantor')}${described(errors, 'kantor')}><option value="">Pilih kantor</option>
${offices.map((o) => html`<option value="${o.code}"${values.kantor === o.code ? html` selected` : ''}>${o.name}</option>`)}</select>${fieldError(errors, 'kantor')}</div>
<div class="field"><label for="layanan">Layanan yang diadukan (jika ada)</label>
<select id="layanan" name="layanan"${invalid(errors, 'layanan')}${described(errors, 'layanan')}><option value="">Tidak terkait layanan tertentu</option>
${services.map((s) => html`<option value="${s.slug}"${values.layanan === s.slug ? html` selected` : ''}>${s.title} (${officeName.get(s.officeCode) ?? s.officeCode})</option>`)}</select>${fieldError(errors, 'layanan')}</div>
<div class="field"><label for="isi">Isi pengaduan (wajib)</label>
<p class="hint" id="isi-hint">Ceritakan apa yang terjadi, kapan, dan di mana. Jangan menuliskan NIK atau nomor KK.</p>
<textarea id="isi" name="isi" required maxlength="5000"${invalid(errors, 'isi')}${described(errors, 'isi', true)}>${values.isi ?? ''}</textarea>${fieldError(errors, 'isi')}</div>
<fieldset><legend>Identitas pelapor (boleh dikosongkan)</legend>
<div class="field"><label for="nama">Nama</label><input type="text" id="nama" name="nama" maxlength="150" autocomplete="name" value="${values.nama ?? ''}"${invalid(errors, 'nama')}${described(errors, 'nama')}>${fieldError(errors, 'nama')}</div>
<div class="field"><label for="kontak">Nomor telepon atau e-mail</label><input type="text" id="kontak" name="kontak" maxlength="150" autocomplete="email" value="${values.kontak ?? ''}"${invalid(errors, 'kontak')}${described(errors, 'kontak')}>${fieldError(errors, 'kontak')}</div>
<div class="field"><label><input type="checkbox" name="anonim" value="ya"${values.anonim === 'ya' ? html` checked` : ''}> Kirim tanpa identitas (anonim)</label></div>
</fieldset>
<button type="submit">Kirim pengaduan</button></form>`,
  );
}

export function complaintSentPage(trackingCode: string): string {
  return page(
    'Pengaduan terkirim',
    html`<h1>Pengaduan Anda sudah kami terima</h1>
<div class="success"><p>Simpan kode pelacakan berikut:</p><p class="code">${trackingCode}</p></div>
<p>Gunakan kode ini di halaman <a href="/pengaduan/status?kode=${trackingCode}">cek status pengaduan</a> untuk melihat tindak lanjutnya.</p>`,
  );
}

export function complaintStatusPage(
  code: string,
  status: null | {
    trackingCode: string;
    office: string;
    timeZone: string;
    service: string | null;
    statusLabel: string;
    receivedAt: string;
    dueAt?: string | null;
    repliedAt?: string | null;
    reply?: string | null;
  },
  searched: boolean,
): string {
  const form = html`<form method="get" action="/pengaduan/status" class="card"><div class="field"><label for="kode">Kode pelacakan</label>
<input type="text" id="kode" name="kode" value="${code}" autocomplete="off" placeholder="ADU-XXXX-XXXX"></div><button type="submit">Cek status</button></form>`;
  if (!status) {
    return page(
      'Cek status pengaduan',
      html`<h1>Cek status pengaduan</h1>${form}${searched ? html`<p class="error" role="alert">Kode pelacakan tidak ditemukan. Periksa kembali penulisannya.</p>` : ''}`,
    );
  }
  const tz = status.timeZone;
  return page(
    `Status pengaduan ${status.trackingCode}`,
    html`<h1>Status pengaduan</h1>
<table class="data"><caption class="muted">Kode ${status.trackingCode}</caption><tbody>
<tr><th scope="row">Kantor</th><td>${status.office}</td></tr>
<tr><th scope="row">Layanan</th><td>${status.service ?? '-'}</td></tr>
<tr><th scope="row">Status</th><td>${status.statusLabel}</td></tr>
<tr><th scope="row">Diterima</th><td>${formatDateId(status.receivedAt, tz)}</td></tr>
<tr><th scope="row">Batas waktu tanggapan</th><td>${status.dueAt ? formatDateId(status.dueAt, tz) : '-'}</td></tr>
<tr><th scope="row">Dijawab</th><td>${status.repliedAt ? formatDateId(status.repliedAt, tz) : 'Belum'}</td></tr>
</tbody></table>
${status.reply ? html`<h2>Tanggapan</h2><p>${text(status.reply)}</p>` : ''}
${form}`,
  );
}

const EDUCATION: [string, string][] = [
  ['', 'Tidak diisi'],
  ['none', 'Tidak sekolah'],
  ['sd', 'SD'],
  ['smp', 'SMP'],
  ['sma', 'SMA/SMK'],
  ['d1-d3', 'D1–D3'],
  ['d4-s1', 'D4/S1'],
  ['s2', 'S2'],
  ['s3', 'S3'],
];

const SURVEY_LABELS = { jenisKelamin: 'Jenis kelamin', umur: 'Umur', pendidikan: 'Pendidikan terakhir', pekerjaan: 'Pekerjaan', saran: 'Saran' };

export function surveyFormPage(service: { slug: string; title: string; officeName: string }, values: Values = {}, errors: Errors = {}, notice?: FormNotice): string {
  const labels = Object.fromEntries(SKM_ELEMENTS.map((e, i) => [e.key, `Unsur ${i + 1} (${e.label})`]));
  return page(
    `Survei kepuasan: ${service.title}`,
    html`<h1>Survei kepuasan masyarakat</h1>
<p>Layanan <strong>${service.title}</strong>, ${service.officeName}. Survei ini mengikuti PermenPANRB Nomor 14 Tahun 2017: sembilan unsur, masing-masing dinilai 1 (paling rendah) sampai 4 (paling tinggi). Tidak perlu menuliskan nama.</p>
${noticeBox(notice)}${errorSummary(errors, { ...labels, ...SURVEY_LABELS })}
<form method="post" action="/survei/${service.slug}" novalidate>
${SKM_ELEMENTS.map(
  (e, i) => html`<fieldset class="scale" id="${e.key}"${errors[e.key] ? html` aria-describedby="${e.key}-error"` : ''}><legend>${i + 1}. ${e.label} (wajib)</legend><p class="hint">${e.question}</p>
${e.options.map((label, k) => html`<label><input type="radio" name="${e.key}" value="${k + 1}" required${values[e.key] === String(k + 1) ? html` checked` : ''}> ${k + 1} – ${label}</label>`)}
${fieldError(errors, e.key)}</fieldset>`,
)}
<fieldset><legend>Tentang Anda (boleh dikosongkan)</legend>
<div class="field"><label for="jenisKelamin">Jenis kelamin</label><select id="jenisKelamin" name="jenisKelamin"${invalid(errors, 'jenisKelamin')}${described(errors, 'jenisKelamin')}><option value="">Tidak diisi</option><option value="male"${values.jenisKelamin === 'male' ? html` selected` : ''}>Laki-laki</option><option value="female"${values.jenisKelamin === 'female' ? html` selected` : ''}>Perempuan</option></select>${fieldError(errors, 'jenisKelamin')}</div>
<div class="field"><label for="umur">Umur (tahun)</label><input type="number" id="umur" name="umur" min="10" max="120" inputmode="numeric" value="${values.umur ?? ''}"${invalid(errors, 'umur')}${described(errors, 'umur')}>${fieldError(errors, 'umur')}</div>
<div class="field"><label for="pendidikan">Pendidikan terakhir</label><select id="pendidikan" name="pendidikan"${invalid(errors, 'pendidikan')}${described(errors, 'pendidikan')}>${EDUCATION.map(([v, l]) => html`<option value="${v}"${values.pendidikan === v ? html` selected` : ''}>${l}</option>`)}</select>${fieldError(errors, 'pendidikan')}</div>
<div class="field"><label for="pekerjaan">Pekerjaan</label><input type="text" id="pekerjaan" name="pekerjaan" maxlength="100" value="${values.pekerjaan ?? ''}"${invalid(errors, 'pekerjaan')}${described(errors, 'pekerjaan')}>${fieldError(errors, 'pekerjaan')}</div>
</fieldset>
<div class="field"><label for="saran">Saran dan masukan</label><textarea id="saran" name="saran" maxlength="2000"${invalid(errors, 'saran')}${described(errors, 'saran')}>${values.saran ?? ''}</textarea>${fieldError(errors, 'saran')}</div>
<button type="submit">Kirim survei</button></form>`,
  );
}

export function surveyThanksPage(slug: string): string {
  return page(
    'Terima kasih',
    html`<h1>Terima kasih atas penilaian Anda</h1>
<div class="success"><p>Jawaban survei Anda sudah tersimpan dan dihitung dalam indeks kepuasan masyarakat layanan ini.</p></div>
<p><a href="/layanan/${slug}">Kembali ke halaman layanan</a> · <a href="/ikm">Lihat indeks kepuasan</a></p>`,
  );
}

const dec = (n: number, digits = 2) => n.toFixed(digits).replace('.', ',');

export function ikmPage(rows: { office: string; slug: string; title: string; ikm?: IkmResult }[]): string {
  return page(
    'Indeks kepuasan masyarakat',
    html`<h1>Indeks Kepuasan Masyarakat (IKM)</h1>
<p>IKM dihitung sesuai PermenPANRB Nomor 14 Tahun 2017: nilai rata-rata tiap unsur dikali bobot 1/9, dijumlahkan, lalu dikali 25 sehingga bernilai 25–100.</p>
<div class="table-scroll" tabindex="0" role="region" aria-label="Tabel IKM per layanan"><table class="data"><caption class="muted">IKM per layanan</caption>
<thead><tr><th scope="col">Layanan</th><th scope="col">Kantor</th><th scope="col">Responden</th><th scope="col">IKM</th><th scope="col">Mutu</th><th scope="col">Kinerja</th></tr></thead>
<tbody>${rows.map(
      (r) => html`<tr><td><a href="/layanan/${r.slug}">${r.title}</a></td><td>${r.office}</td><td>${r.ikm?.respondents ?? 0}</td>
<td>${r.ikm ? dec(r.ikm.score) : '-'}</td><td class="grade">${r.ikm?.grade ?? '-'}</td><td>${r.ikm?.performance ?? 'Belum ada responden'}</td></tr>`,
    )}</tbody></table></div>
<h2>Nilai rata-rata per unsur</h2>
<div class="table-scroll" tabindex="0" role="region" aria-label="Tabel nilai rata-rata per unsur"><table class="data"><caption class="muted">Skala 1–4</caption>
<thead><tr><th scope="col">Layanan</th>${SKM_ELEMENTS.map((_, i) => html`<th scope="col" abbr="Unsur ${i + 1}">U${i + 1}</th>`)}</tr></thead>
<tbody>${rows.filter((r) => r.ikm).map((r) => html`<tr><td>${r.title}</td>${r.ikm!.elements.map((e) => html`<td>${dec(e.mean)}</td>`)}</tr>`)}</tbody></table></div>
<p class="muted">${SKM_ELEMENTS.map((e, i) => `U${i + 1} ${e.label}`).join(' · ')}</p>
<h2>Konversi nilai</h2>
<table class="data"><thead><tr><th scope="col">Nilai interval</th><th scope="col">Nilai interval konversi</th><th scope="col">Mutu pelayanan</th><th scope="col">Kinerja unit pelayanan</th></tr></thead>
<tbody>${[...GRADES].reverse().map((g) => html`<tr><td>${g.interval}</td><td>${g.converted}</td><td>${g.grade}</td><td>${g.performance}</td></tr>`)}</tbody></table>`,
  );
}
