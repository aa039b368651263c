import ExcelJS from 'exceljs';
import { PassThrough } from 'stream';
import type { Problem } from './form35';

/** An import's problems as an .xlsx sheet (row, column, problem), streamed as it is written. */
export function problemReportStream(problems: Problem[]): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('Laporan');
  ws.columns = [
    { header: 'Baris', width: 8 },
    { header: 'Kolom', width: 20 },
    { header: 'Masalah', width: 90 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  (async () => {
    for (const p of problems) ws.addRow([p.row, p.field, p.problem]).commit();
    ws.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err));
  return out;
}
