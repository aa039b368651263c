import fs from 'fs';
import path from 'path';

/**
 * Reads the original documents in ../shared/seeds (as text) so that tests compare the seeded
 * content with the documents themselves, not with our own transcription.
 */
export const seedsDir = process.env.SHARED_SEEDS_DIR || path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds');

export function sourceText(prefix: string): string {
  const file = fs.readdirSync(seedsDir).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`No seed document ${prefix}* in ${seedsDir}`);
  return fs.readFileSync(path.join(seedsDir, file), 'utf8');
}

/** Lower-case letters and digits only: compares texts across line breaks, HTML and spacing fixes. */
export const norm = (s: string) => s.toLowerCase().replace(/<[^>]+>/g, '').replace(/[^a-z0-9]/g, '');

export interface SourceActivity {
  number: number;
  text: string;
  time?: string;
}

const TIME = /^\s*(\d+)\s*(menit|jam|hari|bulan)\s*$/i;

/** The rows of an SOP's activity table: number, text and the time column as printed. */
export function sourceActivities(prefix: string): SourceActivity[] {
  const lines = sourceText(prefix).split(/\r?\n/);
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
    time: cells.slice(1).map((c) => c.trim()).find((c) => TIME.test(c)),
  }));
}
