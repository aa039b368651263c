/**
 * File types recognised by their first bytes (magic numbers), never by the name or the
 * Content-Type the browser sends. Case documents take PDF, JPEG or PNG; the Media Library
 * (an office's logos, pictures and PDFs for its public pages) also takes WebP and GIF.
 * Anything else (SVG, HTML, scripts, archives, ...) has no signature here and is refused.
 */
export type FileLabel = 'PDF' | 'JPEG' | 'PNG' | 'WebP' | 'GIF';

export interface DetectedType {
  mime: 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif';
  ext: '.pdf' | '.jpg' | '.png' | '.webp' | '.gif';
  label: FileLabel;
}

/** Bytes at offsets; null matches any byte (the RIFF chunk size of a WebP file). */
const SIGNATURES: { bytes: (number | null)[]; type: DetectedType }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], type: { mime: 'application/pdf', ext: '.pdf', label: 'PDF' } }, // %PDF-
  { bytes: [0xff, 0xd8, 0xff], type: { mime: 'image/jpeg', ext: '.jpg', label: 'JPEG' } },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: { mime: 'image/png', ext: '.png', label: 'PNG' } },
  // RIFF....WEBP
  { bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50], type: { mime: 'image/webp', ext: '.webp', label: 'WebP' } },
  { bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61], type: { mime: 'image/gif', ext: '.gif', label: 'GIF' } }, // GIF87a
  { bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], type: { mime: 'image/gif', ext: '.gif', label: 'GIF' } }, // GIF89a
];

/** What a case document may be: a scan or photo of a paper (KTP, KK, a doctor's letter). */
export const CASE_FILE_TYPES: readonly FileLabel[] = ['PDF', 'JPEG', 'PNG'];
/** What the Media Library takes: pictures and PDFs for the office's public content. */
export const MEDIA_FILE_TYPES: readonly FileLabel[] = ['JPEG', 'PNG', 'WebP', 'GIF', 'PDF'];

/** The type of `head` if it is one of `accepted` (case documents by default), else null. */
export function detectFileType(head: Uint8Array, accepted: readonly FileLabel[] = CASE_FILE_TYPES): DetectedType | null {
  const hit = SIGNATURES.find((s) => s.bytes.length <= head.length && s.bytes.every((b, i) => b === null || head[i] === b))?.type;
  return hit && accepted.includes(hit.label) ? hit : null;
}

/** The accepted labels in words: "PDF, JPEG atau PNG". */
export function typeList(accepted: readonly FileLabel[]): string {
  return accepted.length > 1 ? `${accepted.slice(0, -1).join(', ')} atau ${accepted[accepted.length - 1]}` : accepted.join('');
}

/** Bytes needed to recognise every known type. */
export const SIGNATURE_LENGTH = Math.max(...SIGNATURES.map((s) => s.bytes.length));
