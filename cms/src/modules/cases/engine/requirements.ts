/**
 * The requirement checklist (copied from the standard's persyaratan when the case opens):
 * ticking items, and uploading documents for them or for the case. Uploads are PDF, JPEG or
 * PNG, size-limited, recognised by their content; they are kept in the private store of case
 * files (src/modules/files), never in the Media Library.
 */
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { bulkInsert, columnsOf } from '../../../platform/bulk-insert';
import { CASE_FILE_TYPES, detectFileType, SIGNATURE_LENGTH, typeList } from '../../../core/file-type';
import { caseFiles, readHead } from '../../files';
import { CASE_FILE_UID } from './case-record';
import type { EngineContext } from './context';
import { invalid } from '../../../platform/errors';
import { deleteFileRecords, removeObjects } from './files';
import type { Change } from './moves';

const ITEM_UID = 'case.checklist-item';

export function uploadLimitBytes(): number {
  const mb = Number(process.env.CASE_UPLOAD_MAX_MB || 5);
  return Math.round((Number.isFinite(mb) && mb > 0 ? mb : 5) * 1024 * 1024);
}

/** { ktp: true } or [{ key: "ktp", checked: true }] -> Map of key -> checked. */
export function parseTicks(input: unknown, field = 'items'): Map<string, boolean> {
  const out = new Map<string, boolean>();
  if (Array.isArray(input)) {
    input.forEach((x, i) => {
      if (!x || typeof x.key !== 'string') throw invalid(`${field}.${i}.key`, 'Setiap butir persyaratan harus memuat key');
      if (x.checked !== undefined && typeof x.checked !== 'boolean') throw invalid(`${field}.${i}.checked`, 'Centang persyaratan harus true atau false');
      out.set(x.key, x.checked !== false);
    });
  } else if (input && typeof input === 'object') {
    for (const [k, v] of Object.entries(input)) {
      // "yes" or 1 is not a tick: a client that sends them has a bug the office should not inherit.
      if (typeof v !== 'boolean') throw invalid(`${field}.${k}`, `Centang persyaratan "${k}" harus true atau false`);
      out.set(k, v);
    }
  } else if (input !== undefined && input !== null) {
    throw invalid(field, 'Persyaratan harus berupa daftar { key, checked } atau objek { key: true }');
  }
  return out;
}

export function unknownKeys(ticks: Map<string, boolean>, keys: string[]): string[] {
  return [...ticks.keys()].filter((k) => !keys.includes(k));
}

export function checkChange(strapi: Core.Strapi, ctx: EngineContext, body: any): Change {
  const ticks = parseTicks(body?.items);
  if (!ticks.size) throw invalid('items', 'Pilih minimal satu butir persyaratan');
  const keys = ctx.c.checklist.map((i) => i.key);
  const unknown = unknownKeys(ticks, keys);
  if (unknown.length) throw invalid(`items.${unknown[0]}`, `Butir persyaratan "${unknown[0]}" tidak ada pada kasus ini (yang ada: ${keys.join(', ')})`);
  return {
    set: {},
    event: { action: 'check', data: { items: Object.fromEntries(ticks) }, note: typeof body?.note === 'string' ? body.note : null },
    after: async (trx) => {
      const table = (strapi.db.metadata.get(ITEM_UID as any) as any).tableName;
      const checked = columnsOf(strapi, ITEM_UID).checked;
      for (const item of ctx.c.checklist) {
        if (ticks.has(item.key))
          await trx(table)
            .where({ id: item.id })
            .update({ [checked]: ticks.get(item.key) });
      }
    },
  };
}

/**
 * An upload for a checklist item (key) or for the case. The file is checked before anything is
 * stored; it is stored before the transaction and removed again if the action fails. A new
 * document for an item replaces the item's old one: its record goes in the same transaction,
 * its bytes once the action has committed.
 */
export async function attachChange(strapi: Core.Strapi, ctx: EngineContext, body: any, files: any): Promise<Change> {
  let file = files?.file;
  if (Array.isArray(file)) {
    if (file.length !== 1) throw invalid('file', 'Unggah satu berkas per tindakan');
    file = file[0];
  }
  if (!file?.filepath) throw invalid('file', 'Pilih berkas yang akan diunggah (kolom "file")');
  const limit = uploadLimitBytes();
  if (file.size > limit) {
    throw invalid('file', `Ukuran berkas ${(file.size / 1048576).toFixed(1)} MB melebihi batas ${(limit / 1048576).toFixed(0)} MB`);
  }
  if (!file.size) throw invalid('file', 'Berkas kosong');
  const type = detectFileType(await readHead(file.filepath, SIGNATURE_LENGTH), CASE_FILE_TYPES);
  if (!type) throw invalid('file', `Jenis berkas tidak didukung: hanya ${typeList(CASE_FILE_TYPES)} (diperiksa dari isi berkas, bukan dari nama berkas)`);
  const key = typeof body?.key === 'string' && body.key ? body.key : null;
  const item = key ? ctx.c.checklist.find((i) => i.key === key) : null;
  if (key && !item) throw invalid('key', `Butir persyaratan "${key}" tidak ada pada kasus ini (yang ada: ${ctx.c.checklist.map((i) => i.key).join(', ')})`);

  // Named after what it is, with the extension of its real type.
  const original = String(file.originalFilename || 'berkas');
  const base =
    path
      .basename(original, path.extname(original))
      .replace(/[^\p{L}\p{N}._ -]/gu, '_')
      .slice(0, 80) || 'berkas';
  const name = `${base}${type.ext}`;
  const stored = await caseFiles().put(fs.createReadStream(file.filepath));
  const replaced = item?.file ? [item.file.id] : [];
  let replacedKeys: string[] = [];
  const note = typeof body?.note === 'string' && body.note.trim() ? body.note.trim() : null;
  return {
    set: {},
    event: { action: 'attach', note, data: key ? { key } : {} },
    after: async (trx) => {
      replacedKeys = await deleteFileRecords(strapi, trx, replaced);
      const data = { name, mime: type.mime, size: stored.size, sha256: stored.sha256, storageKey: stored.key, officeCode: ctx.c.officeCode, checklistKey: key };
      const [id] = await bulkInsert(strapi, CASE_FILE_UID, [{ data, links: { case: ctx.c.id } }], { trx });
      return { file: { id, name, mime: type.mime, size: stored.size }, ...(replaced.length ? { replaces: replaced[0] } : {}) };
    },
    onFail: () => caseFiles().remove(stored.key),
    onCommit: () => removeObjects(strapi, replacedKeys),
  };
}
