/**
 * What the Media Library takes: pictures (JPEG, PNG, WebP, GIF) and PDFs for an office's
 * public content, recognised by their first bytes. SVG, HTML, scripts and everything else are
 * refused (an SVG or HTML page served from this origin would run its script where the staff
 * panel keeps its session). An accepted file is renamed to the extension of what it is, so that
 * /uploads serves it with its real type whatever it was called.
 */
import path from 'path';
import { errors } from '@strapi/utils';
import { detectFileType, MEDIA_FILE_TYPES, SIGNATURE_LENGTH, typeList, type DetectedType } from '../../core/file-type';
import { readHead } from '../../modules/files';

/** A file as the multipart parser (formidable) hands it over. */
export interface IncomingFile {
  filepath?: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size?: number;
  detectedMimeType?: string;
}

const IMAGE_TYPES = MEDIA_FILE_TYPES.filter((t) => t !== 'PDF');

const refused = (name: string, why: string) => new errors.ValidationError(`Berkas "${name}" ditolak: ${why}`, { field: 'files', file: name });

/** The file's type; throws a 400 naming the file when the Media Library does not take it. */
export async function checkMediaFile(file: IncomingFile): Promise<DetectedType> {
  const name = String(file.originalFilename || 'berkas');
  if (!file.filepath || !file.size) throw refused(name, 'berkas kosong');
  const type = detectFileType(await readHead(file.filepath, SIGNATURE_LENGTH), MEDIA_FILE_TYPES);
  if (!type) {
    throw refused(name, `Pustaka Media hanya menerima gambar ${typeList(IMAGE_TYPES)} dan dokumen PDF (jenis berkas diperiksa dari isinya, bukan dari nama berkas)`);
  }
  file.originalFilename = `${path.basename(name, path.extname(name)) || 'berkas'}${type.ext}`;
  file.mimetype = type.mime;
  file.detectedMimeType = type.mime;
  return type;
}

/** Every file of an upload, before any is stored: one refused file refuses the upload. */
export async function checkMediaFiles(files: IncomingFile | IncomingFile[] | undefined | null): Promise<DetectedType[]> {
  const list = Array.isArray(files) ? files : files ? [files] : [];
  const types: DetectedType[] = [];
  for (const file of list) types.push(await checkMediaFile(file));
  return types;
}

/** A replacement keeps the type of the file it replaces: its URL and extension stay the same. */
export function checkSameType(name: string, replaced: { mime?: string | null }, type: DetectedType): void {
  if (replaced.mime && replaced.mime !== type.mime) {
    throw refused(name, `berkas pengganti harus berjenis sama dengan berkas yang diganti (${replaced.mime}); unggah sebagai berkas baru`);
  }
}
