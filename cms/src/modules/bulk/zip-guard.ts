import { promises as fs } from 'fs';

/**
 * Zip-bomb protection for xlsx uploads: reads the zip's central directory (no inflating) and
 * refuses archives whose entries would inflate to too much, or too steeply, before any parser
 * touches them. An xlsx is a zip of XML parts; a real 100,000-row sheet inflates about 10-20x.
 */

export const ZIP_LIMITS = {
  /** Sum of the entries' uncompressed sizes. */
  maxTotalBytes: Number(process.env.IMPORT_MAX_INFLATED_BYTES) || 800 * 1024 * 1024,
  /** Uncompressed / compressed of one entry, for entries bigger than ratioFloorBytes. */
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 10_000,
};

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's local header starts in the file. */
  offset: number;
}

/** A zip's entries and where its central directory starts (after the last entry's data). */
export interface ZipLayout {
  entries: ZipEntry[];
  directoryOffset: number;
}

export class ZipRefused extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** The entries of a zip file from its central directory; throws ZipRefused when it is no zip. */
export async function zipEntries(file: string): Promise<ZipEntry[]> {
  return (await zipLayout(file)).entries;
}

export async function zipLayout(file: string): Promise<ZipLayout> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailSize = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    let at = -1;
    for (let i = tailSize - 22; i >= 0; i -= 1) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new ZipRefused('Berkas bukan file Excel (.xlsx) yang valid');
    const count = tail.readUInt16LE(at + 10);
    const dirSize = tail.readUInt32LE(at + 12);
    const dirOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipRefused('Berkas Excel terlalu besar (format ZIP64 tidak diterima)');
    if (count > ZIP_LIMITS.maxEntries) throw new ZipRefused(`Berkas Excel berisi terlalu banyak bagian (${count})`);
    if (dirOffset + dirSize > size) throw new ZipRefused('Berkas Excel rusak (direktori ZIP tidak lengkap)');
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let n = 0; n < count; n += 1) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw new ZipRefused('Berkas Excel rusak (direktori ZIP tidak valid)');
      const compressedSize = dir.readUInt32LE(p + 20);
      const uncompressedSize = dir.readUInt32LE(p + 24);
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      const offset = dir.readUInt32LE(p + 42);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      if (offset >= dirOffset) throw new ZipRefused('Berkas Excel rusak (direktori ZIP tidak valid)');
      entries.push({ name, compressedSize, uncompressedSize, offset });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return { entries, directoryOffset: dirOffset };
  } finally {
    await handle.close();
  }
}

/** Throws ZipRefused (message in Indonesian) when the xlsx would inflate beyond the limits; else its layout. */
export async function checkXlsxArchive(file: string): Promise<ZipLayout> {
  const layout = await zipLayout(file);
  const entries = layout.entries;
  if (!entries.some((e) => /^xl\/workbook\.xml$/i.test(e.name))) throw new ZipRefused('Berkas bukan file Excel (.xlsx): bagian xl/workbook.xml tidak ada');
  let total = 0;
  for (const e of entries) {
    if (e.uncompressedSize === 0xffffffff || e.compressedSize === 0xffffffff) throw new ZipRefused('Berkas Excel terlalu besar (format ZIP64 tidak diterima)');
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > ZIP_LIMITS.ratioFloorBytes && ratio > ZIP_LIMITS.maxRatio) {
      throw new ZipRefused(`Berkas Excel ditolak: bagian ${e.name} mengembang ${Math.round(ratio)} kali lipat (kemungkinan zip bomb)`);
    }
  }
  if (total > ZIP_LIMITS.maxTotalBytes)
    throw new ZipRefused(`Berkas Excel ditolak: isinya ${Math.round(total / 1048576)} MB setelah diekstrak (maksimal ${Math.round(ZIP_LIMITS.maxTotalBytes / 1048576)} MB)`);
  return layout;
}
