/**
 * The xlsx reader streams: exceljs parses a worksheet as it arrives only once it has the
 * workbook's relations and shared strings, so the reader hands it the zip's entries in that
 * order (modules/bulk/xlsx-order.ts). Files written the way Excel writes them (shared strings after the
 * sheets) must read to the same rows, without exceljs inflating the sheet to a temporary file.
 */
import ExcelJS from 'exceljs';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { readSheet } from '../../cms/src/modules/bulk/sheet-reader';
import { zipEntries } from '../../cms/src/modules/bulk/zip-guard';

// exceljs buffers a worksheet it can't stream yet through the tmp module: watched, not replaced.
const tmp = require('tmp');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheet-reader-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function workbook(file: string, rows: number, sharedStrings: boolean) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: sharedStrings });
  const ws = wb.addWorksheet('Form 35');
  ws.addRow(['No', 'NIK', 'Nama', 'Tanggal Lahir', 'Jumlah']).commit();
  for (let i = 1; i <= rows; i += 1) {
    const row = ws.addRow([i, `352006${String(100000 + i).padStart(10, '0')}`, `Warga ${i % 97}`, new Date(Date.UTC(1980, i % 12, 1 + (i % 28))), i * 1.5]);
    row.getCell(4).numFmt = 'dd-mm-yyyy';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

/** The rows as exceljs's own streaming reader gives them, from the file as it is. */
async function exceljsRows(file: string): Promise<unknown[][]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' } as any);
  const out: unknown[][] = [];
  for await (const sheet of reader as any) for await (const row of sheet) out.push(((row.values as unknown[]) ?? []).slice(1));
  return out;
}

async function readerRows(file: string): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const { cells } of readSheet(file, 'xlsx')) out.push(cells);
  return out;
}

test.each([
  ['shared strings after the sheet, as Excel writes them', true],
  ['inline strings, no shared-strings part', false],
])('%s: the same rows as exceljs reads, parsed as they stream', async (_label, sharedStrings) => {
  const file = path.join(dir, `${sharedStrings ? 'shared' : 'inline'}.xlsx`);
  await workbook(file, 3000, sharedStrings);
  const names = (await zipEntries(file)).map((e) => e.name);
  // The file really is in the order exceljs can't stream: the sheet before the parts it needs.
  expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/workbook.xml'));
  if (sharedStrings) expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml'));

  const buffered = jest.spyOn(tmp, 'file');
  try {
    const expected = await exceljsRows(file);
    expect(buffered).toHaveBeenCalledTimes(1);
    buffered.mockClear();
    const rows = await readerRows(file);
    expect(buffered).not.toHaveBeenCalled();
    expect(rows).toEqual(expected);
    expect(rows).toHaveLength(3001);
    expect(rows[3000]).toEqual([3000, '3520060000103000', 'Warga 90', new Date(Date.UTC(1980, 0, 5)), 4500]);
  } finally {
    buffered.mockRestore();
  }
});
