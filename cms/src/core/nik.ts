import { birthDateProblem, isRealDate } from './dates';

/**
 * NIK (Nomor Induk Kependudukan): 16 digits =
 *   PP RR DD (province, regency, district of first registration)
 *   DDMMYY   (birth date; day + 40 for women)
 *   SSSS     (serial, never 0000).
 * The birth-date part is what clerks mistype most, so it is checked against the calendar
 * and against the sex and birth date recorded for the person.
 */

export type Sex = 'male' | 'female';

export interface NikProblem {
  field: 'nik' | 'kkNumber' | 'sex' | 'birthDate';
  message: string;
}

export interface NikParts {
  districtCode: string; // "35.20.01"
  sex: Sex;
  day: number;
  month: number;
  /** Two-digit year; the century is not in the NIK. */
  yy: number;
  serial: string;
}

const SIXTEEN_DIGITS = /^\d{16}$/;

/** Parses a NIK, or returns the problem in Indonesian, naming the field. */
export function parseNik(nik: unknown): NikParts | NikProblem {
  if (typeof nik !== 'string' || !SIXTEEN_DIGITS.test(nik)) {
    return { field: 'nik', message: 'NIK harus 16 digit angka' };
  }
  const province = Number(nik.slice(0, 2));
  if (province < 11 || province > 99) return { field: 'nik', message: 'NIK: kode provinsi (2 digit pertama) tidak valid' };
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex: Sex = rawDay > 40 ? 'female' : 'male';
  const day = sex === 'female' ? rawDay - 40 : rawDay;
  // The century is unknown, so accept the date if it exists in either 19yy or 20yy (29 Feb).
  if (month < 1 || month > 12 || day < 1 || !(isRealDate(1900 + yy, month, day) || isRealDate(2000 + yy, month, day))) {
    return { field: 'nik', message: 'NIK: bagian tanggal lahir (digit 7-12, DDMMYY, tanggal + 40 untuk perempuan) bukan tanggal yang valid' };
  }
  const serial = nik.slice(12);
  if (serial === '0000') return { field: 'nik', message: 'NIK: nomor urut (4 digit terakhir) tidak boleh 0000' };
  return { districtCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`, sex, day, month, yy, serial };
}

export function isNikProblem(x: NikParts | NikProblem): x is NikProblem {
  return (x as NikProblem).message !== undefined;
}

/** Birth date read from a NIK, choosing the century that is not in the future. */
export function birthDateFromNik(parts: NikParts, today = new Date()): string {
  const century = 2000 + parts.yy <= today.getUTCFullYear() ? 2000 : 1900;
  const year = century + parts.yy;
  return `${year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}

/**
 * Checks a person's NIK, KK number, sex and birth date together: the birth date is a real day
 * between 1900 and today (core/dates.ts) and the one the NIK encodes.
 * Returns every problem found (empty when all is well).
 */
export function checkIdentity(input: { nik?: unknown; kkNumber?: unknown; sex?: unknown; birthDate?: unknown }, now = new Date()): NikProblem[] {
  const problems: NikProblem[] = [];
  const birthProblem = input.birthDate ? birthDateProblem(input.birthDate, now) : null;
  if (birthProblem) problems.push({ field: 'birthDate', message: birthProblem });
  if (input.kkNumber !== undefined && input.kkNumber !== null && input.kkNumber !== '') {
    if (typeof input.kkNumber !== 'string' || !SIXTEEN_DIGITS.test(input.kkNumber)) {
      problems.push({ field: 'kkNumber', message: 'Nomor KK harus 16 digit angka' });
    }
  }
  if (input.nik === undefined) return problems;
  const parts = parseNik(input.nik);
  if (isNikProblem(parts)) return [parts, ...problems];
  if (input.sex && input.sex !== parts.sex) {
    problems.push({
      field: 'sex',
      message: `Jenis kelamin tidak sesuai dengan NIK (NIK menunjukkan ${parts.sex === 'female' ? 'perempuan' : 'laki-laki'})`,
    });
  }
  if (input.birthDate && !birthProblem) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(input.birthDate instanceof Date ? input.birthDate.toISOString() : String(input.birthDate));
    if (m && (Number(m[3]) !== parts.day || Number(m[2]) !== parts.month || Number(m[1]) % 100 !== parts.yy)) {
      problems.push({ field: 'birthDate', message: 'Tanggal lahir tidak sesuai dengan NIK (digit 7-12)' });
    }
  }
  return problems;
}

/** Builds a valid synthetic NIK (for demo data and generators). */
export function makeNik(districtCode: string, birthDate: string, sex: Sex, serial: number): string {
  const [y, m, d] = birthDate.split('-').map(Number);
  const day = sex === 'female' ? d + 40 : d;
  const prefix = districtCode.replace(/\./g, '');
  return `${prefix}${String(day).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y % 100).padStart(2, '0')}${String((serial % 9999) + 1).padStart(4, '0')}`;
}
