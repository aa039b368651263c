/** Letter number formats, file types by content, case scope (pure). */
import { applicantInScope, caseInScope } from '../../../cms/src/core/case-scope';
import { detectFileType } from '../../../cms/src/core/file-type';
import { formatLetterNumber, letterFormatProblem } from '../../../cms/src/core/letter-number';

test('letter numbers follow the office format', () => {
  expect(formatLetterNumber(null, { seq: 7, year: 2026, month: 6 })).toBe('400.9.6/7/Dinsos/2026');
  expect(formatLetterNumber('460/{seq:4}/{kind}/Linjamsos/{romanMonth}/{year}', { seq: 7, year: 2026, month: 12, kind: 'reaktivasi' })).toBe('460/0007/reaktivasi/Linjamsos/XII/2026');
  expect(letterFormatProblem('400/Dinsos/{year}')).toMatch(/\{seq\}/);
  expect(letterFormatProblem('400/{seq}/{bulan}')).toMatch(/\{bulan\}/);
  expect(letterFormatProblem('400/{seq}/{month}/{year}')).toBeNull();
});

test('file types are recognised by their first bytes only', () => {
  expect(detectFileType(Buffer.from('%PDF-1.7\n'))!.mime).toBe('application/pdf');
  expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))!.mime).toBe('image/jpeg');
  expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))!.mime).toBe('image/png');
  expect(detectFileType(Buffer.from('PK\u0003\u0004 docx'))).toBeNull();
  expect(detectFileType(Buffer.from('<html>%PDF-'))).toBeNull();
  expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e]))).toBeNull();
});

test('who sees a case', () => {
  const c = { officeCode: 'magetan', villageCode: '35.20.06.2001', districtCode: '35.20.06', queueRoles: '|operator-kecamatan|', bpjsResult: null };
  const staff = (scope: any, role: any, regionCode: string | null = null, officeCode = 'magetan') => ({ scope, role, regionCode, officeCode });
  expect(caseInScope(staff('office', 'petugas'), c)).toBe(true);
  expect(caseInScope(staff('office', 'petugas', null, 'tarakan'), c)).toBe(false);
  expect(caseInScope(staff('village', 'operator-desa', '35.20.06.2001'), c)).toBe(true);
  expect(caseInScope(staff('village', 'operator-desa', '35.20.06.2002'), c)).toBe(false);
  expect(caseInScope(staff('district', 'operator-kecamatan', '35.20.06'), c)).toBe(true);
  expect(caseInScope(staff('district', 'operator-kecamatan', '35.20.11'), c)).toBe(false);
  expect(caseInScope(staff('bpjs', 'petugas-bpjs'), c)).toBe(false);
  expect(caseInScope(staff('bpjs', 'petugas-bpjs'), { ...c, bpjsResult: 'pending' })).toBe(true);
  expect(caseInScope(staff('bpjs', 'petugas-bpjs'), { ...c, queueRoles: '|petugas-bpjs|' })).toBe(true);
  expect(applicantInScope(staff('village', 'operator-desa', '35.20.06.2001'), { officeCode: 'magetan', villageCode: '35.20.06.2002' })).toBe(false);
  expect(applicantInScope(staff('bpjs', 'petugas-bpjs'), { officeCode: 'magetan', villageCode: '35.20.06.2002' })).toBe(false);
});
