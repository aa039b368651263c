import { checkIdentity, type Sex } from '../../core/nik';
import { cellText, isCellError, isFormula } from './sheet-reader';

/**
 * Form 35: the village's list of proposed PBI-D members, in the column layout villages use.
 * Headers are matched loosely (case, spaces and punctuation ignored, common variants), so a
 * village's own sheet with a title above the header row imports as well as our template.
 */

export type Form35Field = 'no' | 'nik' | 'kkNumber' | 'name' | 'birthPlace' | 'birthDate' | 'birthPlaceDate' | 'sex' | 'address' | 'rtRw' | 'village' | 'district' | 'phone' | 'note';

export interface Form35Column {
  field: Form35Field;
  header: string;
  aliases: string[];
  required?: boolean;
  example: string;
}

/** The template's columns, in order. */
export const FORM35_COLUMNS: readonly Form35Column[] = [
  { field: 'no', header: 'No', aliases: ['no', 'nomor', 'nourut', 'no.'], example: '1' },
  { field: 'nik', header: 'NIK', aliases: ['nik', 'noktp', 'nomorindukkependudukan'], required: true, example: '3520014506800001' },
  { field: 'kkNumber', header: 'No KK', aliases: ['nokk', 'nomorkk', 'kk', 'nokartukeluarga', 'nomorkartukeluarga'], required: true, example: '3520010101200001' },
  { field: 'name', header: 'Nama', aliases: ['nama', 'namalengkap', 'namapemohon'], required: true, example: 'SITI AMINAH' },
  { field: 'birthPlace', header: 'Tempat Lahir', aliases: ['tempatlahir'], example: 'MAGETAN' },
  { field: 'birthDate', header: 'Tanggal Lahir', aliases: ['tanggallahir', 'tgllahir', 'tgllhr'], example: '05-06-1980' },
  { field: 'sex', header: 'Jenis Kelamin', aliases: ['jeniskelamin', 'jk', 'lp', 'kelamin'], required: true, example: 'P' },
  { field: 'address', header: 'Alamat', aliases: ['alamat', 'alamatlengkap', 'dusun', 'jalan'], required: true, example: 'Dusun Krajan' },
  { field: 'rtRw', header: 'RT/RW', aliases: ['rtrw', 'rt/rw'], example: '001/002' },
  { field: 'village', header: 'Desa/Kelurahan', aliases: ['desakelurahan', 'desa', 'kelurahan', 'desakel', 'kodedesa', 'kodedesakelurahan'], required: true, example: '35.20.01.2001' },
  { field: 'district', header: 'Kecamatan', aliases: ['kecamatan', 'kec'], example: 'PONCOL' },
  { field: 'phone', header: 'No HP', aliases: ['nohp', 'nomorhp', 'hp', 'notelepon', 'telepon', 'notelp', 'nohpwa'], example: '081234567890' },
  { field: 'note', header: 'Keterangan', aliases: ['keterangan', 'ket', 'catatan'], example: '' },
];

/** Also accepted: one "Tempat/Tanggal Lahir" column ("MAGETAN, 05-06-1980"). */
const BIRTH_COMBINED = ['tempattanggallahir', 'ttl', 'tempattgllahir', 'tempattgllhr'];

export const HEADER_LABELS: Record<Form35Field, string> = Object.fromEntries([...FORM35_COLUMNS.map((c) => [c.field, c.header]), ['birthPlaceDate', 'Tempat/Tanggal Lahir']]) as Record<
  Form35Field,
  string
>;

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface HeaderMap {
  /** field -> 0-based column index */
  columns: Partial<Record<Form35Field, number>>;
  /** header row number */
  row: number;
}

/** Problems kept for a job's report; the count goes on beyond. */
export const MAX_REPORT_PROBLEMS = 50_000;

export interface Problem {
  row: number;
  field: string;
  problem: string;
}

/** Maps a header row; returns the problems (missing columns) when it isn't a usable header. */
export function mapHeader(cells: unknown[], row: number): { map: HeaderMap; problems: Problem[] } {
  const columns: Partial<Record<Form35Field, number>> = {};
  const problems: Problem[] = [];
  cells.forEach((cell, i) => {
    const text = cellText(cell);
    if (!text) return;
    const key = norm(text);
    if (BIRTH_COMBINED.includes(key)) {
      columns.birthPlaceDate ??= i;
      return;
    }
    const col = FORM35_COLUMNS.find((c) => c.aliases.includes(key));
    if (!col) return;
    if (columns[col.field] !== undefined) problems.push({ row, field: col.header, problem: `Kolom "${col.header}" tercantum lebih dari sekali` });
    else columns[col.field] = i;
  });
  for (const c of FORM35_COLUMNS) {
    if (c.required && columns[c.field] === undefined) problems.push({ row, field: c.header, problem: `Kolom "${c.header}" tidak ada pada baris judul` });
  }
  if (columns.birthDate === undefined && columns.birthPlaceDate === undefined)
    problems.push({ row, field: 'Tanggal Lahir', problem: 'Kolom "Tanggal Lahir" (atau "Tempat/Tanggal Lahir") tidak ada pada baris judul' });
  return { map: { columns, row }, problems };
}

/** A header row is the first of the first rows that has a NIK column. */
export function looksLikeHeader(cells: unknown[]): boolean {
  return cells.some((c) => {
    const t = cellText(c);
    return !!t && ['nik', 'noktp'].includes(norm(t));
  });
}

export interface Form35Row {
  row: number;
  nik: string;
  kkNumber: string;
  name: string;
  birthPlace: string | null;
  birthDate: string | null;
  sex: Sex;
  address: string;
  /** village as written: a code (35.20.01.2001) or a name */
  village: string;
  district: string | null;
  phone: string | null;
  note: string | null;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  feb: 2,
  februari: 2,
  peb: 2,
  pebruari: 2,
  mar: 3,
  maret: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  jul: 7,
  juli: 7,
  agu: 8,
  agt: 8,
  agus: 8,
  agustus: 8,
  aug: 8,
  sep: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  nov: 11,
  nopember: 11,
  november: 11,
  des: 12,
  desember: 12,
  dec: 12,
};

const iso = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/** A birth date as villages write it: a date cell, 05-06-1980, 05/06/1980, 1980-06-05, 5 Juni 1980. */
export function parseDate(v: unknown): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : iso(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  const t = cellText(v);
  if (!t) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) return iso(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(t);
  if (m && MONTHS[m[2].toLowerCase()]) return iso(+m[3], MONTHS[m[2].toLowerCase()], +m[1]);
  return null;
}

export function parseSex(v: string): Sex | null {
  const k = norm(v);
  if (['l', 'lk', 'laki', 'lakilaki', 'pria', 'male', 'm'].includes(k)) return 'male';
  if (['p', 'pr', 'perempuan', 'wanita', 'female', 'f', 'w'].includes(k)) return 'female';
  return null;
}

/** The text of an identity number cell; numbers lose digits in Excel beyond 15, so they are refused. */
function digitsCell(v: unknown, label: string, problems: string[]): string | null {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v >= 1e15) {
      problems.push(`${label} tersimpan sebagai angka sehingga digit terakhirnya hilang di Excel; format kolom sebagai Teks lalu ketik ulang`);
      return null;
    }
    return String(v);
  }
  const t = cellText(v);
  return t ? t.replace(/[\s.'-]/g, '') : null;
}

/** CSV exports neutralise a leading = + - @ with an apostrophe; reading gives the value back. */
const unquote = (t: string | null) => (t && /^'[=+\-@]/.test(t) ? t.slice(1) : t);

/**
 * Reads one data row: the applicant's fields and every problem found (format, NIK parts and
 * agreement with sex and birth date, required fields). Village scope and duplicates are
 * checked by the importer, which knows the office and the database.
 */
export function readForm35Row(cells: unknown[], map: HeaderMap, row: number): { value: Form35Row | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const add = (field: Form35Field, problem: string) => problems.push({ row, field: HEADER_LABELS[field], problem });
  const raw = (field: Form35Field): unknown => {
    const i = map.columns[field];
    return i === undefined ? undefined : cells[i];
  };
  for (const [field, i] of Object.entries(map.columns) as [Form35Field, number][]) {
    if (field === 'no') continue;
    if (isFormula(cells[i])) add(field, 'Sel berisi rumus (formula); salin lalu tempel sebagai nilai (Paste Values)');
    else if (isCellError(cells[i])) add(field, `Sel berisi galat Excel ${(cells[i] as any).error}`);
    else if (typeof cells[i] === 'string' && /^[=+@]/.test((cells[i] as string).trim()) && field !== 'phone') add(field, 'Sel berisi rumus (diawali "="); isi dengan nilai');
  }
  if (problems.length) return { value: null, problems };
  const text = (field: Form35Field) => unquote(cellText(raw(field)));
  const required = (field: Form35Field) => {
    const t = text(field);
    if (!t) add(field, 'Wajib diisi (sel kosong; sel yang digabung/merge tidak didukung, isi setiap baris)');
    return t;
  };

  const idProblems: string[] = [];
  const nik = digitsCell(raw('nik'), 'NIK', idProblems);
  idProblems.forEach((p) => add('nik', p));
  const kkProblems: string[] = [];
  const kkNumber = digitsCell(raw('kkNumber'), 'Nomor KK', kkProblems);
  kkProblems.forEach((p) => add('kkNumber', p));
  if (!nik && !idProblems.length) add('nik', 'Wajib diisi');
  if (!kkNumber && !kkProblems.length) add('kkNumber', 'Wajib diisi');
  const name = required('name');
  if (name && name.length > 100) add('name', 'Nama terlalu panjang (maksimal 100 karakter)');
  const sexText = required('sex');
  const sex = sexText ? parseSex(sexText) : null;
  if (sexText && !sex) add('sex', `"${sexText}" bukan jenis kelamin; isi L (laki-laki) atau P (perempuan)`);

  let birthPlace = text('birthPlace');
  let birthDate: string | null = null;
  if (map.columns.birthDate !== undefined && raw('birthDate') !== undefined && raw('birthDate') !== null && raw('birthDate') !== '') {
    birthDate = parseDate(raw('birthDate'));
    if (!birthDate) add('birthDate', `"${cellText(raw('birthDate'))}" bukan tanggal; tulis DD-MM-YYYY, misalnya 05-06-1980`);
  } else if (map.columns.birthPlaceDate !== undefined) {
    const combined = text('birthPlaceDate');
    if (combined) {
      const at = combined.lastIndexOf(',');
      const datePart = at >= 0 ? combined.slice(at + 1).trim() : combined;
      birthPlace = birthPlace ?? (at >= 0 ? combined.slice(0, at).trim() || null : null);
      birthDate = parseDate(datePart);
      if (!birthDate) add('birthPlaceDate', `"${combined}" tidak terbaca; tulis "TEMPAT, DD-MM-YYYY"`);
    } else add('birthPlaceDate', 'Wajib diisi (sel kosong; sel yang digabung/merge tidak didukung, isi setiap baris)');
  } else add('birthDate', 'Wajib diisi (sel kosong; sel yang digabung/merge tidak didukung, isi setiap baris)');

  const addressText = required('address');
  const rtRw = text('rtRw');
  const village = required('village');
  const phoneText = text('phone');
  const phone = phoneText ? phoneText.replace(/[\s-]/g, '') : null;
  if (phone && !/^\+?\d{8,15}$/.test(phone)) add('phone', `"${phoneText}" bukan nomor HP (8-15 angka)`);

  if (nik || kkNumber) {
    for (const p of checkIdentity({ nik: nik ?? undefined, kkNumber: kkNumber ?? undefined, sex: sex ?? undefined, birthDate: birthDate ?? undefined })) {
      add(p.field === 'birthDate' && map.columns.birthDate === undefined ? 'birthPlaceDate' : (p.field as Form35Field), p.message);
    }
  }
  if (problems.length) return { value: null, problems };
  const address = rtRw ? `${addressText} RT/RW ${rtRw}` : addressText!;
  return {
    value: {
      row,
      nik: nik!,
      kkNumber: kkNumber!,
      name: name!,
      birthPlace: birthPlace ?? null,
      birthDate,
      sex: sex!,
      address,
      village: village!,
      district: text('district'),
      phone,
      note: text('note'),
    },
    problems,
  };
}

/** A row is blank when no mapped cell has a value (trailing empty rows of a sheet). */
export function isBlankRow(cells: unknown[]): boolean {
  return cells.every((c) => cellText(c) === null && !isFormula(c));
}
