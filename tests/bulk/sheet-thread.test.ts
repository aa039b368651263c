/**
 * The importers read sheets in a worker thread (readSheetInWorker, from the compiled app the
 * server runs): the rows must be exactly those read in the server's own thread, file problems
 * must come back as file problems, and an importer that stops early must stop the thread.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { distDir } from '../setup/test-env';

// The compiled module: its worker script sits beside it (TypeScript sources have none).
const compiled = require(path.join(distDir, 'src', 'bulk', 'sheet-reader.js'));
const collect = async (rows: AsyncGenerator<any>) => {
  const out: any[] = [];
  for await (const r of rows) out.push(r);
  return out;
};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sheet-thread-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('the worker thread reads the same rows as the server thread (xlsx with every kind of cell, csv)', async () => {
  expect(fs.existsSync(path.join(distDir, 'src', 'bulk', 'sheet-worker.js'))).toBe(true);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Form 35');
  ws.addRow(['No', 'NIK', 'Nama', 'Tanggal Lahir', 'Catatan']);
  for (let i = 0; i < 2500; i += 1) ws.addRow([i + 1, `35200${String(i).padStart(11, '0')}`, `WARGA ${i}`, new Date(Date.UTC(1960 + (i % 40), i % 12, 1 + (i % 28))), i % 500 === 0 ? { formula: 'A2*2', result: 2 } : i % 700 === 0 ? { richText: [{ text: 'kaya ' }, { text: 'teks', font: { bold: true } }] } : null]);
  const xlsx = path.join(tmp, 'rows.xlsx');
  await wb.xlsx.writeFile(xlsx);
  const csv = path.join(tmp, 'rows.csv');
  fs.writeFileSync(csv, ['NIK;Nama', ...Array.from({ length: 1500 }, (_, i) => `3520${i};"NAMA; ${i}"`)].join('\r\n'));
  for (const [file, format] of [[xlsx, 'xlsx'], [csv, 'csv']] as const) {
    const inThread = await collect(compiled.readSheet(file, format));
    const viaWorker = await collect(compiled.readSheetInWorker(file, format));
    expect(viaWorker.length).toBe(format === 'xlsx' ? 2501 : 1501);
    expect(viaWorker).toEqual(inThread);
  }
});

test('a file problem found in the worker thread comes back as a file problem', async () => {
  const bad = path.join(tmp, 'latin1.csv');
  fs.writeFileSync(bad, Buffer.concat([Buffer.from('NIK;Nama\r\n3520;JOS'), Buffer.from([0xc9]), Buffer.from('\r\n')]));
  const err = await collect(compiled.readSheetInWorker(bad, 'csv')).catch((e) => e);
  expect(err?.constructor?.name).toBe('FileProblem');
  expect(err.message).toMatch(/bukan UTF-8/);
  const notZip = path.join(tmp, 'not.xlsx');
  fs.writeFileSync(notZip, 'this is not a zip');
  const err2 = await collect(compiled.readSheetInWorker(notZip, 'xlsx')).catch((e) => e);
  expect(err2?.constructor?.name).toBe('FileProblem');
});

test('an importer that stops reading early ends the read, and a new read starts afresh', async () => {
  const csv = path.join(tmp, 'long.csv');
  fs.writeFileSync(csv, ['NIK;Nama', ...Array.from({ length: 20_000 }, (_, i) => `3520${i};NAMA ${i}`)].join('\n'));
  let n = 0;
  // Breaking out runs the generator's finally, which waits for the thread to be terminated.
  for await (const _ of compiled.readSheetInWorker(csv, 'csv')) if (++n === 10) break;
  expect(n).toBe(10);
  expect((await collect(compiled.readSheetInWorker(csv, 'csv'))).length).toBe(20_001);
});
