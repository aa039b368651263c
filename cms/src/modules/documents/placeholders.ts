/**
 * Placeholders of letter templates: {{applicant.name}} is replaced by a value, a section
 * {{#decision.eligible}}...{{/decision.eligible}} (or inverted {{^...}}) is kept only when its
 * condition holds. Templates are checked when saved, so a misspelt name never reaches a letter.
 */

export const VALUE_PLACEHOLDERS: Record<string, string> = {
  'applicant.name': 'Nama pemohon',
  'applicant.nik': 'NIK pemohon',
  'applicant.kk': 'Nomor KK pemohon',
  'applicant.jknNumber': 'Nomor kartu JKN-KIS',
  'applicant.sex': 'Jenis kelamin',
  'applicant.birthPlace': 'Tempat lahir',
  'applicant.birthDate': 'Tanggal lahir',
  'applicant.address': 'Alamat (RT/RW)',
  'applicant.village': 'Desa/kelurahan',
  'applicant.district': 'Kecamatan',
  'applicant.welfareSource': 'Sumber data kesejahteraan (DTKS/DTSEN)',
  'case.code': 'Nomor register layanan',
  'case.receivedAt': 'Tanggal berkas diterima',
  'case.service': 'Nama layanan',
  'case.outcome': 'Hasil/catatan kasus',
  'office.name': 'Nama kantor',
  'office.government': 'Pemerintah daerah',
  'office.region': 'Kabupaten/kota',
  'office.address': 'Alamat kantor',
  'office.phone': 'Telepon kantor',
  'office.email': 'E-mail kantor',
  'office.website': 'Situs kantor',
  'office.head.name': 'Nama kepala dinas',
  'office.head.title': 'Jabatan kepala dinas',
  'letter.number': 'Nomor surat',
  'letter.date': 'Tanggal surat',
  date: 'Tanggal surat',
  'batch.code': 'Kode rekap usulan',
  'batch.month': 'Bulan usulan',
  'batch.activeFrom': 'Tanggal kepesertaan aktif',
  'members.count': 'Jumlah peserta dalam lampiran',
  'members.countWords': 'Jumlah peserta dengan terbilang',
  decision: 'Hasil asesmen (LAYAK / TIDAK LAYAK)',
};

/** Placeholders that stand alone on a line and become a block (a table). */
export const BLOCK_PLACEHOLDERS: Record<string, string> = {
  'applicant.table': 'Tabel identitas pemohon',
};

export const SECTION_PLACEHOLDERS: Record<string, string> = {
  'decision.eligible': 'Bagian yang dicetak bila pemohon layak ({{#...}}) atau tidak layak ({{^...}})',
};

const TOKEN = /\{\{\s*([#^/]?)\s*([^{}]*?)\s*\}\}/g;

export interface TemplateProblem {
  placeholder: string;
  message: string;
}

/** Unknown names, unclosed sections and stray braces in one template text. */
export function checkTemplateText(text: string | null | undefined): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (!text) return problems;
  const open: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const [token, sigil, name] = m;
    if (sigil === '#' || sigil === '^') {
      if (!(name in SECTION_PLACEHOLDERS)) problems.push({ placeholder: token, message: `bagian ${token} tidak dikenal` });
      open.push(name);
    } else if (sigil === '/') {
      if (open.pop() !== name) problems.push({ placeholder: token, message: `penutup ${token} tidak sesuai dengan bagian yang dibuka` });
    } else if (!(name in VALUE_PLACEHOLDERS) && !(name in BLOCK_PLACEHOLDERS)) {
      problems.push({ placeholder: token, message: `penanda ${token} tidak dikenal` });
    }
  }
  for (const name of open) problems.push({ placeholder: `{{#${name}}}`, message: `bagian {{#${name}}} tidak ditutup dengan {{/${name}}}` });
  const stray = text.replace(TOKEN, '');
  if (/\{\{|\}\}/.test(stray)) problems.push({ placeholder: '{{', message: 'ada kurung kurawal {{ atau }} yang tidak berpasangan' });
  return problems;
}

export interface FillValues {
  values: Record<string, string>;
  sections: Record<string, boolean>;
  /** Markup for block placeholders (already safe HTML). */
  blocks?: Record<string, string>;
  escape: (s: string) => string;
  /** Told the name of every value or block placeholder filled (what a letter printed: the privacy log). */
  onFill?: (name: string) => void;
}

/** Fills a checked template; values are escaped, blocks inserted as they are. */
export function fillTemplate(text: string, fill: FillValues): string {
  // Sections first (innermost by construction: no nesting of the same name).
  let out = text.replace(/\{\{\s*([#^])\s*([\w.]+)\s*\}\}([\s\S]*?)\{\{\s*\/\s*\2\s*\}\}/g, (_, sigil: string, name: string, inner: string) =>
    (sigil === '#') === !!fill.sections[name] ? inner : '',
  );
  out = out.replace(TOKEN, (_, sigil: string, name: string) => {
    if (sigil) return '';
    fill.onFill?.(name);
    if (fill.blocks && name in fill.blocks) return fill.blocks[name];
    return fill.escape(fill.values[name] ?? '');
  });
  return out;
}
