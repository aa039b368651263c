/**
 * File types accepted for case documents, recognised by their first bytes (magic numbers),
 * never by the name or the Content-Type the browser sends.
 */
export interface DetectedType {
  mime: 'application/pdf' | 'image/jpeg' | 'image/png';
  ext: '.pdf' | '.jpg' | '.png';
  label: 'PDF' | 'JPEG' | 'PNG';
}

const SIGNATURES: { bytes: number[]; type: DetectedType }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], type: { mime: 'application/pdf', ext: '.pdf', label: 'PDF' } }, // %PDF-
  { bytes: [0xff, 0xd8, 0xff], type: { mime: 'image/jpeg', ext: '.jpg', label: 'JPEG' } },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: { mime: 'image/png', ext: '.png', label: 'PNG' } },
];

export function detectFileType(head: Uint8Array): DetectedType | null {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => head[i] === b))?.type ?? null;
}

/** Bytes needed to recognise every accepted type. */
export const SIGNATURE_LENGTH = Math.max(...SIGNATURES.map((s) => s.bytes.length));
