/**
 * The NIK rules of the server (cms/src/core/nik.ts), shared as is: the panel checks as the
 * clerk types exactly what the API will check on save.
 */
import { birthDateFromNik, checkIdentity, isNikProblem, parseNik, type Sex } from '../../../cms/src/core/nik';

export { checkIdentity };

export type NikReading = { state: 'incomplete'; digits: number } | { state: 'invalid'; message: string } | { state: 'valid'; birthDate: string; sex: Sex; districtCode: string };

/** What a (partly typed) NIK says: how far along it is, its problem, or the birth date and sex in it. */
export function readNik(raw: unknown, today = new Date()): NikReading {
  const nik = typeof raw === 'string' ? raw.trim() : '';
  if (/\D/.test(nik)) return { state: 'invalid', message: 'NIK hanya berisi angka' };
  if (nik.length < 16) return { state: 'incomplete', digits: nik.length };
  const parts = parseNik(nik);
  if (isNikProblem(parts)) return { state: 'invalid', message: parts.message };
  return { state: 'valid', birthDate: birthDateFromNik(parts, today), sex: parts.sex, districtCode: parts.districtCode };
}
