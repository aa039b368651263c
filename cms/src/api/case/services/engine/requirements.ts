/**
 * The requirement checklist (copied from the standard's persyaratan when the case opens):
 * ticking items, and uploading documents for them or for the case. Uploads are PDF, JPEG or
 * PNG, size-limited, recognised by their content; they are stored by the upload plugin.
 */
import fs from 'fs/promises';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { columnsOf } from '../../../../database/bulk-insert';
import { detectFileType, SIGNATURE_LENGTH } from '../../../../domain/file-type';
import { CASE_UID } from './case-record';
import type { EngineContext } from './context';
import { invalid } from './errors';
import type { Change } from './moves';

const ITEM_UID = 'case.checklist-item';
const FILE_UID = 'plugin::upload.file';

/**
 * Owners (files_related_mph.related_type) whose files hold personal data: never served by
 * /uploads, only through the scoped staff route (see middlewares/private-uploads.ts).
 */
export const PRIVATE_FILE_OWNERS = [CASE_UID, ITEM_UID, 'api::letter.letter'];

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
        if (ticks.has(item.key)) await trx(table).where({ id: item.id }).update({ [checked]: ticks.get(item.key) });
      }
    },
  };
}

async function readHead(filepath: string): Promise<Uint8Array> {
  const fh = await fs.open(filepath, 'r');
  try {
    const buf = Buffer.alloc(SIGNATURE_LENGTH);
    const { bytesRead } = await fh.read(buf, 0, SIGNATURE_LENGTH, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Links an uploaded file to a media field, replacing what the field held (single media). */
async function linkFile(strapi: Core.Strapi, trx: any, fileId: number, relatedType: string, relatedId: number, field: string, replace: boolean) {
  const jt = (strapi.db.metadata.get(FILE_UID as any) as any).attributes.related.joinTable;
  const idCol = jt.morphColumn.idColumn.name;
  const typeCol = jt.morphColumn.typeColumn.name;
  const where = { [idCol]: relatedId, [typeCol]: relatedType, field };
  if (replace) await trx(jt.name).where(where).del();
  const last = await trx(jt.name).where(where).max({ max: 'order' }).first();
  await trx(jt.name).insert({ [jt.joinColumn.name]: fileId, ...where, order: Number(last?.max ?? 0) + 1 });
}

/**
 * An upload for a checklist item (key) or for the case. The file is checked before anything
 * is stored; it is stored before the transaction and removed again if the action fails.
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
  const type = detectFileType(await readHead(file.filepath));
  if (!type) throw invalid('file', 'Jenis berkas tidak didukung: hanya PDF, JPEG atau PNG (diperiksa dari isi berkas, bukan dari nama berkas)');
  const key = typeof body?.key === 'string' && body.key ? body.key : null;
  const item = key ? ctx.c.checklist.find((i) => i.key === key) : null;
  if (key && !item) throw invalid('key', `Butir persyaratan "${key}" tidak ada pada kasus ini (yang ada: ${ctx.c.checklist.map((i) => i.key).join(', ')})`);

  // Name the stored file after what it is, with the extension of its real type.
  const base = path.basename(String(file.originalFilename || 'berkas'), path.extname(String(file.originalFilename || ''))).replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 80) || 'berkas';
  file.originalFilename = `${base}${type.ext}`;
  file.mimetype = type.mime;
  const [stored] = await strapi.plugin('upload').service('upload').upload({ data: { fileInfo: { name: file.originalFilename, caption: `${ctx.c.code}${key ? ` · ${key}` : ''}` } }, files: file });
  const note = typeof body?.note === 'string' && body.note.trim() ? body.note.trim() : null;
  return {
    set: {},
    event: { action: 'attach', note, data: { file: { id: stored.id, name: stored.name, mime: type.mime, size: file.size }, ...(key ? { key } : {}) } },
    after: async (trx) => {
      if (item) await linkFile(strapi, trx, stored.id, ITEM_UID, item.id, 'file', true);
      else await linkFile(strapi, trx, stored.id, CASE_UID, ctx.c.id, 'attachments', false);
    },
    onFail: async () => {
      await strapi.plugin('upload').service('upload').remove(stored);
    },
  };
}
