import fs from 'fs';
import path from 'path';

/**
 * Reads the original documents kept in the repository (database/source-documents, as text) so
 * that tests compare the seeded content with the documents themselves, not with our own
 * transcription.
 */
export const sourceDocumentsDir = path.resolve(__dirname, '..', '..', 'database', 'source-documents');

/** The document's text, by its file name without `.txt` (the seeded standard's slug). */
export function sourceText(name: string): string {
  return fs.readFileSync(path.join(sourceDocumentsDir, `${name}.txt`), 'utf8');
}

/** Lower-case letters and digits only: compares texts across line breaks, HTML and spacing fixes. */
export const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^a-z0-9]/g, '');

export interface SourceActivity {
  number: number;
  text: string;
  time?: string;
}

const TIME = /^\s*(\d+)\s*(menit|jam|hari|bulan)\s*$/i;

/** The rows of an SOP's activity table: number, text and the time column as printed. */
export function sourceActivities(name: string): SourceActivity[] {
  const lines = sourceText(name).split(/\r?\n/);
  const header = lines.findIndex((l) => /\t(URAIAN KEGIATAN|KEGIATAN|Kegiatan)\t/.test(l));
  if (header < 0) return [];
  const rows: { number: number; cells: string[] }[] = [];
  for (const line of lines.slice(header + 1)) {
    if (/^(#|Jumlah Waktu)/.test(line)) break;
    const m = /^(\d+)\.?\t(.*)$/.exec(line);
    if (m && !/^\d+$/.test(m[2].split('\t')[0].trim())) rows.push({ number: Number(m[1]), cells: m[2].split('\t') });
    else if (/^\t/.test(line) && rows.length) {
      // A row broken across pages continues on a line that starts with a tab.
      const last = rows[rows.length - 1];
      const more = line.split('\t').slice(1);
      last.cells[0] = `${last.cells[0]} ${more[0]}`;
      last.cells.push(...more.slice(1));
    }
  }
  return rows.map(({ number, cells }) => ({
    number,
    text: cells[0].trim(),
    time: cells
      .slice(1)
      .map((c) => c.trim())
      .find((c) => TIME.test(c)),
  }));
}
