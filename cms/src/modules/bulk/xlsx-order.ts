import { createReadStream } from 'fs';
import { Readable } from 'stream';
import type { ZipLayout } from './zip-guard';

/**
 * exceljs's streaming reader parses a worksheet while it streams only when it has already read
 * the workbook's relations and the shared strings. A worksheet that comes earlier in the zip is
 * inflated whole into a temporary file and parsed after the last entry, and that is most files:
 * Excel writes sharedStrings.xml after the sheets, and exceljs's own writer writes the sheets
 * before the workbook. Then no row arrives before the whole sheet is on disk (0.45 s for
 * 100,000 rows, seconds for the largest files), and none of the import's writes can overlap it.
 *
 * So the reader gets the zip's entries in the order it needs: relations, workbook, shared
 * strings and styles first, worksheets last. Each entry is copied byte for byte (local header,
 * compressed data, descriptor) from the uploaded file, then the central directory, whose
 * offsets the streaming parser does not read. Nothing is inflated or compressed again.
 */
const rank = (name: string): number => {
  if (name === 'xl/_rels/workbook.xml.rels' || name === 'xl/workbook.xml') return 0;
  if (name === 'xl/sharedStrings.xml' || name === 'xl/styles.xml') return 1;
  if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) return 3;
  return 2;
};

/** The bytes of an xlsx with its entries in streaming order (entries as read by zipLayout). */
export function inStreamingOrder(file: string, layout: ZipLayout): Readable {
  const byOffset = [...layout.entries].sort((a, b) => a.offset - b.offset);
  const ranges = byOffset.map((e, i) => ({ name: e.name, start: e.offset, end: (byOffset[i + 1]?.offset ?? layout.directoryOffset) - 1 }));
  // A stable sort: entries of the same rank keep the file's order (sheet1 before sheet2).
  const ordered = ranges.map((r, i) => ({ ...r, i })).sort((a, b) => rank(a.name) - rank(b.name) || a.i - b.i);
  async function* bytes(): AsyncGenerator<Buffer> {
    for (const r of ordered) if (r.end >= r.start) yield* createReadStream(file, { start: r.start, end: r.end });
    yield* createReadStream(file, { start: layout.directoryOffset });
  }
  return Readable.from(bytes(), { objectMode: false });
}

/** Whether the zip has a shared-strings part (without one, the reader is told there are none). */
export const hasSharedStrings = (layout: ZipLayout) => layout.entries.some((e) => e.name === 'xl/sharedStrings.xml');
