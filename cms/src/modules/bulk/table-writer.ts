import { createWriteStream } from 'fs';
import { once } from 'events';
import ExcelJS from 'exceljs';
import { csvField } from './csv';

/**
 * Streamed table output, xlsx (exceljs WorkbookWriter: each row is committed to the zip as it
 * is written) or csv (UTF-8 with BOM so Excel reads it right), with backpressure: memory
 * stays flat whatever the number of rows.
 */
export interface TableWriter {
  sheet(name: string, headers: string[], widths?: number[]): Promise<void>;
  row(values: unknown[]): Promise<void>;
  close(): Promise<void>;
}

export function xlsxWriter(file: string): TableWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  let ws: any = null;
  let n = 0;
  return {
    async sheet(name, headers, widths) {
      if (ws) await ws.commit();
      ws = wb.addWorksheet(name);
      ws.columns = headers.map((h, i) => ({ header: h, width: widths?.[i] ?? Math.max(10, h.length + 4) }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
    },
    async row(values) {
      ws.addRow(values.map((v) => (v === null || v === undefined ? null : v))).commit();
      // Let the zip stream flush now and then.
      if (++n % 2000 === 0) await new Promise((r) => setImmediate(r));
    },
    async close() {
      if (ws) await ws.commit();
      await wb.commit();
    },
  };
}

export function csvWriter(file: string): TableWriter {
  const out = createWriteStream(file);
  let buffer = '\ufeff';
  let started = false;
  const flush = async (force = false) => {
    if (buffer.length < 64 * 1024 && !force) return;
    const ok = out.write(buffer);
    buffer = '';
    if (!ok) await once(out, 'drain');
  };
  return {
    async sheet(_name, headers) {
      // CSV holds one table: a second "sheet" is left out.
      if (started) return;
      started = true;
      buffer += `${headers.map((h) => csvField(h)).join(',')}\r\n`;
    },
    async row(values) {
      buffer += `${values.map((v) => csvField(v)).join(',')}\r\n`;
      await flush();
    },
    async close() {
      await flush(true);
      out.end();
      await once(out, 'finish');
    },
  };
}

export const tableWriter = (format: 'xlsx' | 'csv', file: string) => (format === 'xlsx' ? xlsxWriter(file) : csvWriter(file));
