import { PassThrough, type Writable } from 'stream';
import ExcelJS from 'exceljs';
import { csvField } from './csv';
import { FORM35_COLUMNS } from './form35';

/** Text columns: identity numbers and phone numbers must not become numbers in Excel. */
export const TEXT_FIELDS = new Set(['nik', 'kkNumber', 'phone', 'rtRw']);

/** The Form 35 template: the header row (xlsx: with a second sheet of instructions and an example). */
export async function writeForm35Template(format: 'xlsx' | 'csv', out: Writable): Promise<void> {
  if (format === 'csv') {
    out.end(`\ufeff${FORM35_COLUMNS.map((c) => csvField(c.header)).join(',')}\r\n`);
    return;
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = wb.addWorksheet('Form 35');
  sheet.columns = FORM35_COLUMNS.map((c) => ({
    header: c.header,
    key: c.field,
    width: Math.max(12, c.header.length + 4, c.example.length + 2),
    style: TEXT_FIELDS.has(c.field) ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  sheet.commit();
  const help = wb.addWorksheet('Petunjuk');
  help.addRow(['Petunjuk pengisian Form 35 (usulan PBI-D)']).commit();
  help.addRow(['Isi satu baris per orang pada lembar "Form 35", mulai baris 2. Jangan menggabungkan (merge) sel dan jangan memakai rumus.']).commit();
  help.addRow(['NIK dan No KK: 16 angka, kolom berformat Teks. Jenis Kelamin: L atau P. Tanggal Lahir: DD-MM-YYYY.']).commit();
  help.addRow(['Desa/Kelurahan: nama desa (isi juga Kecamatan) atau kode desa, misalnya 35.20.01.2001.']).commit();
  help.addRow([]).commit();
  help.addRow(FORM35_COLUMNS.map((c) => c.header)).commit();
  help.addRow(FORM35_COLUMNS.map((c) => c.example)).commit();
  help.commit();
  await wb.commit();
}

export function templateStream(format: 'xlsx' | 'csv'): PassThrough {
  const out = new PassThrough();
  writeForm35Template(format, out).catch((err) => out.destroy(err));
  return out;
}
