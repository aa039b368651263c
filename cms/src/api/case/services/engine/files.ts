/**
 * Reading a case's own files (checklist uploads and attachments) for the scoped staff download;
 * /uploads refuses them (middlewares/private-uploads.ts).
 */
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { CaseRecord } from './case-record';
import { invalid, notFound } from './errors';

export interface CaseFileStream {
  name: string;
  mime: string;
  size: number;
  stream: fs.ReadStream;
}

export function parseFileId(raw: unknown): number {
  const id = typeof raw === 'string' && /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw invalid('fileId', 'Nomor berkas (fileId) harus berupa angka');
  return id;
}

/** The file if it is one of the case's: a checklist item's upload or an attachment. */
export function fileOfCase(c: CaseRecord, fileId: number) {
  const files = [...c.checklist.map((i) => i.file), ...c.attachments];
  return files.find((f) => f?.id === fileId) ?? null;
}

/** Opens a file stored by the local upload provider (public/uploads/<hash><ext>). */
export async function openStoredFile(strapi: Core.Strapi, file: { name: string; mime: string; url: string }): Promise<CaseFileStream> {
  const missing = () => notFound('Berkas tidak ditemukan di penyimpanan');
  if (!file.url?.startsWith('/uploads/')) throw missing();
  const full = path.join(strapi.dirs.static.public, 'uploads', path.basename(file.url));
  const stat = await fs.promises.stat(full).catch(() => null);
  if (!stat?.isFile()) throw missing();
  return { name: file.name, mime: file.mime || 'application/octet-stream', size: stat.size, stream: fs.createReadStream(full) };
}
