import { createReadStream } from 'fs';
import ExcelJS from 'exceljs';
import { CsvParser, FileProblem } from './csv';
import { hasSharedStrings, inStreamingOrder } from './xlsx-order';
import { checkXlsxArchive, ZipRefused, type ZipLayout } from './zip-guard';

/**
 * Reads the rows of an uploaded spreadsheet (xlsx: its first worksheet; csv) as a stream, one
 * row at a time, so that memory stays flat whatever the number of rows. Cells come as
 * strings, numbers, Dates, booleans or exceljs objects (formula, rich text, error).
 */

export type SheetFormat = 'xlsx' | 'csv';

export interface SheetRow {
  /** 1-based row number as the user sees it in Excel. */
  row: number;
  /** 0-based cells. */
  cells: unknown[];
}

/** Longest sheet accepted, a guard against archives whose sizes lie. */
export const MAX_ROWS = Number(process.env.IMPORT_MAX_ROWS) || 300_000;

export function formatOf(fileName: string, mime?: string | null): SheetFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (mime === 'text/csv') return 'csv';
  if (mime === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  return null;
}

async function* xlsxRows(file: string): AsyncGenerator<SheetRow> {
  let layout: ZipLayout;
  try {
    layout = await checkXlsxArchive(file);
  } catch (err) {
    if (err instanceof ZipRefused) throw new FileProblem(err.message);
    throw err;
  }
  // The entries in the order that lets exceljs parse the sheet as it streams (xlsx-order.ts).
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(inStreamingOrder(file, layout), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' } as any);
  // exceljs streams a sheet once it holds shared strings; a workbook without that part has none.
  if (!hasSharedStrings(layout)) (reader as any).sharedStrings = [];
  let sheets = 0;
  try {
    for await (const sheet of reader as any) {
      sheets += 1;
      if (sheets > 1) continue; // the first worksheet only; the others are drained
      for await (const row of sheet) {
        if (row.number > MAX_ROWS + 20) throw new FileProblem(`Berkas terlalu panjang: lebih dari ${MAX_ROWS.toLocaleString('id-ID')} baris`);
        const values = (row.values as unknown[]) ?? [];
        yield { row: row.number, cells: values.slice(1) };
      }
    }
  } catch (err: any) {
    if (err instanceof FileProblem) throw err;
    throw new FileProblem(`Berkas Excel tidak dapat dibaca: ${err?.message ?? err}`);
  }
  if (!sheets) throw new FileProblem('Berkas Excel tidak berisi lembar kerja (worksheet)');
}

async function* csvRows(file: string): AsyncGenerator<SheetRow> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const parser = new CsvParser();
  let first = true;
  let rowNumber = 0;
  let offset = 0;
  const records: string[][] = [];
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    if (first) {
      first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        throw new FileProblem('Berkas CSV berkode UTF-16 ("Unicode Text"); simpan ulang sebagai "CSV UTF-8 (Comma delimited)"');
      }
      if (chunk.includes(0)) throw new FileProblem('Berkas bukan teks CSV (berisi data biner); unggah .xlsx atau .csv');
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new FileProblem(`Berkas CSV bukan UTF-8 (sekitar byte ke-${offset.toLocaleString('id-ID')}); simpan ulang sebagai "CSV UTF-8 (Comma delimited)"`);
    }
    offset += chunk.length;
    parser.push(text, records);
    for (const cells of records) {
      rowNumber += 1;
      if (rowNumber > MAX_ROWS + 20) throw new FileProblem(`Berkas terlalu panjang: lebih dari ${MAX_ROWS.toLocaleString('id-ID')} baris`);
      yield { row: rowNumber, cells };
    }
    records.length = 0;
  }
  try {
    parser.push(decoder.decode(), records);
  } catch {
    throw new FileProblem('Berkas CSV bukan UTF-8 (akhir berkas); simpan ulang sebagai "CSV UTF-8 (Comma delimited)"');
  }
  parser.end(records);
  for (const cells of records) {
    rowNumber += 1;
    yield { row: rowNumber, cells };
  }
}

export function readSheet(file: string, format: SheetFormat): AsyncGenerator<SheetRow> {
  return format === 'xlsx' ? xlsxRows(file) : csvRows(file);
}

/** The text of a cell, trimmed; null when empty. Formulas and errors are reported by the caller. */
export function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as any;
    if (Array.isArray(o.richText)) return cellText(o.richText.map((r: any) => r.text).join(''));
    if (typeof o.text === 'string') return cellText(o.text);
  }
  return null;
}

export function isFormula(v: unknown): boolean {
  return !!v && typeof v === 'object' && ('formula' in (v as any) || 'sharedFormula' in (v as any));
}

export function isCellError(v: unknown): boolean {
  return !!v && typeof v === 'object' && 'error' in (v as any);
}
