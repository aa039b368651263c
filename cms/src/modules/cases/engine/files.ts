/**
 * A case's files (checklist documents and attachments): records of api::case-file.case-file,
 * bytes in the private store (src/modules/files). Staff who may see the case read them through
 * GET /api/panel/cases/:id/files/:fileId; nothing else serves them.
 */
import type { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import { caseFiles } from '../../files';
import { CASE_FILE_UID, type CaseFileRef, type CaseRecord } from './case-record';
import { invalid, notFound } from '../../../platform/errors';

export interface CaseFileStream {
  name: string;
  mime: string;
  size: number;
  stream: Readable;
}

export function parseFileId(raw: unknown): number {
  const id = typeof raw === 'string' && /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw invalid('fileId', 'Nomor berkas (fileId) harus berupa angka');
  return id;
}

/** The file if it is one of the case's: a checklist item's document or an attachment. */
export function fileOfCase(c: CaseRecord, fileId: number): CaseFileRef | null {
  const files = [...c.checklist.map((i) => i.file), ...c.attachments];
  return files.find((f) => f?.id === fileId) ?? null;
}

/** Opens a case file's bytes in the private store. */
export async function openCaseFile(file: CaseFileRef): Promise<CaseFileStream> {
  const opened = await caseFiles().open(file.storageKey);
  if (!opened) throw notFound('Berkas tidak ditemukan di penyimpanan');
  return { name: file.name, mime: file.mime, size: opened.size, stream: opened.stream };
}

const tableOf = (strapi: Core.Strapi) => (strapi.db.metadata.get(CASE_FILE_UID as any) as any).tableName as string;

/**
 * Deletes file records (inside the caller's transaction) and returns their storage keys: the
 * caller removes the objects once the transaction has committed, so that a rolled-back action
 * still finds its files.
 */
export async function deleteFileRecords(strapi: Core.Strapi, trx: any, ids: number[]): Promise<string[]> {
  if (!ids.length) return [];
  const keyColumn = (strapi.db.metadata.get(CASE_FILE_UID as any) as any).attributes.storageKey.columnName as string;
  const rows: { key: string }[] = await trx(tableOf(strapi)).whereIn('id', ids).select({ key: keyColumn });
  await trx(tableOf(strapi)).whereIn('id', ids).del();
  return rows.map((r) => r.key);
}

/** Removes stored objects; a failure is logged, not thrown (the records are gone already). */
export async function removeObjects(strapi: Core.Strapi, keys: string[]): Promise<void> {
  for (const key of keys) {
    await caseFiles()
      .remove(key)
      .catch((err) => strapi.log.warn(`Case file object ${key} not removed: ${err?.message ?? err}`));
  }
}

/**
 * Case files whose case or letter is gone (the foreign keys set their owner to null when one is
 * deleted): records deleted in the current transaction, if any, and their bytes once it commits.
 * Run after such a delete and at every start.
 */
export async function removeUnlinkedFiles(strapi: Core.Strapi): Promise<number> {
  const meta = strapi.db.metadata.get(CASE_FILE_UID as any) as any;
  const [caseColumn, letterColumn] = ['case', 'letter'].map((a) => meta.attributes[a].joinColumn.name as string);
  return strapi.db.transaction(async ({ trx, onCommit }) => {
    const ids: number[] = (await trx(meta.tableName).whereNull(caseColumn).whereNull(letterColumn).select('id')).map((r: { id: number }) => r.id);
    const keys = await deleteFileRecords(strapi, trx, ids);
    if (keys.length) onCommit(() => void removeObjects(strapi, keys));
    return ids.length;
  });
}
