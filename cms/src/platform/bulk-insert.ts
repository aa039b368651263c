import type { Core } from '@strapi/strapi';
import { randomBytes } from 'crypto';
import { copyRows, reserveIds } from './pg-copy';

/**
 * Multi-row inserts straight through knex, for seeds and generators.
 * Strapi's document service writes about 170 rows/s; this writes tens of thousands,
 * at the price of knowing Strapi's storage: one row per document (no draft/publish here),
 * a documentId per row, and one link table per relation.
 */

export interface BulkRow {
  /** Scalar attributes by attribute name (camelCase, as in the schema). */
  data: Record<string, unknown>;
  /** manyToOne / oneToOne relations: attribute name -> target row id. */
  links?: Record<string, number | null | undefined>;
  /** Repeatable components: attribute name -> the components' scalar attributes, in order. */
  components?: Record<string, Record<string, unknown>[]>;
}

type Knex = ReturnType<Core.Strapi['db']['connection']['transaction']> extends Promise<infer T> ? T : never;

export interface BulkOptions {
  chunkSize?: number;
  /** Run inside this knex transaction (all or nothing). */
  trx?: Knex | any;
  /** Set publishedAt for content types with draft and publish (inserts the published row only). */
  published?: boolean;
}

function metadataOf(strapi: Core.Strapi, uid: string): any {
  const meta = strapi.db.metadata.get(uid as any);
  if (!meta) throw new Error(`bulkInsert: unknown model ${uid}`);
  return meta;
}

/** Column names of the scalar attributes of a model, by attribute name. */
export function columnsOf(strapi: Core.Strapi, uid: string): Record<string, string> {
  const meta = metadataOf(strapi, uid);
  const out: Record<string, string> = {};
  for (const [name, attr] of Object.entries<any>(meta.attributes)) {
    if (attr.type !== 'relation' && attr.columnName) out[name] = attr.columnName;
  }
  return out;
}

/** Link table of a relation attribute: its name and the columns pointing to source and target. */
export function linkTableOf(strapi: Core.Strapi, uid: string, attribute: string) {
  const attr = metadataOf(strapi, uid).attributes[attribute];
  if (!attr?.joinTable) throw new Error(`bulkInsert: ${uid}.${attribute} is not a relation with a link table`);
  const jt = attr.joinTable;
  return { table: jt.name as string, source: jt.joinColumn.name as string, target: jt.inverseJoinColumn.name as string, order: jt.inverseOrderColumnName as string | undefined };
}

/**
 * The column of a many-to-one relation stored on the row itself (`"useJoinTable": false` in the
 * schema: the high-volume tables do so, one indexed column instead of a link row with four
 * indexes), or undefined when the relation has a link table.
 */
export function joinColumnOf(strapi: Core.Strapi, uid: string, attribute: string): string | undefined {
  const attr = metadataOf(strapi, uid).attributes[attribute];
  if (!attr || attr.type !== 'relation') throw new Error(`bulkInsert: ${uid}.${attribute} is not a relation`);
  return attr.joinColumn && attr.owner && !attr.joinTable ? (attr.joinColumn.name as string) : undefined;
}

function toRecord(columns: Record<string, string>, data: Record<string, unknown>, where: string) {
  const rec: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    const col = columns[k];
    if (!col) throw new Error(`bulkInsert: ${where} has no scalar attribute "${k}"`);
    rec[col] = v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v;
  }
  return rec;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
let idPool = Buffer.alloc(0);
let idAt = 0;

let idSerial = 0;

/**
 * A documentId shaped like Strapi's (24 lowercase letters and digits, a letter first), but in
 * creation order: "t", the time in ms (9 base-36 digits), a serial (4) and 10 random characters
 * (about 51 bits) from a pool of random bytes. In order, because a bulk write puts its rows at
 * the end of the document-id index instead of on a random page each (one PostgreSQL page write,
 * and after a checkpoint one full-page image in the WAL, per row); and not cuid2, whose hashing
 * costs more than the row's COPY when tens of thousands of rows are written at once.
 */
export function bulkDocumentId(): string {
  if (idAt + 10 > idPool.length) {
    idPool = randomBytes(10 * 4096);
    idAt = 0;
  }
  idSerial = (idSerial + 1) % 1_679_616; // 36^4
  let id = `t${Date.now().toString(36).padStart(9, '0')}${idSerial.toString(36).padStart(4, '0')}`;
  for (let i = 0; i < 10; i += 1) id += ID_ALPHABET[idPool[idAt++] % 36];
  return id;
}

/** Below this many rows a plain INSERT is as quick as COPY and simpler. */
const COPY_THRESHOLD = 200;

/**
 * SQLite binds at most 32,766 values per statement (SQLITE_MAX_VARIABLE_NUMBER), and knex
 * writes its multi-row inserts as a compound SELECT of at most 500 terms
 * (SQLITE_MAX_COMPOUND_SELECT): a multi-row insert is split into statements that fit both.
 */
const SQLITE_MAX_VARIABLES = 32_766;
const SQLITE_MAX_ROWS = 500;

function sqliteBatches(records: Record<string, unknown>[]): Record<string, unknown>[][] {
  const width = new Set(records.flatMap((r) => Object.keys(r))).size || 1;
  const per = Math.max(1, Math.min(SQLITE_MAX_ROWS, Math.floor(SQLITE_MAX_VARIABLES / width)));
  const out: Record<string, unknown>[][] = [];
  for (let i = 0; i < records.length; i += per) out.push(records.slice(i, i + per));
  return out;
}

async function insertIds(strapi: Core.Strapi, trx: any, table: string, records: Record<string, unknown>[]): Promise<number[]> {
  if (strapi.db.dialect.client === 'postgres') {
    if (records.length < COPY_THRESHOLD) return (await trx(table).insert(records).returning('id')).map((r: any) => (typeof r === 'object' ? r.id : r));
    const ids = await reserveIds(trx, table, records.length);
    await copyRows(
      trx,
      table,
      records.map((r, i) => ({ id: ids[i], ...r })),
    );
    return ids;
  }
  // SQLite: ids of one multi-row insert are consecutive, ending at the returned last id.
  const ids: number[] = [];
  for (const batch of sqliteBatches(records)) {
    const [last] = await trx(table).insert(batch);
    ids.push(...batch.map((_, j) => last - batch.length + 1 + j));
  }
  return ids;
}

/** Rows of plain columns (COPY on PostgreSQL from COPY_THRESHOLD rows, multi-row inserts on SQLite). */
export async function insertRows(strapi: Core.Strapi, trx: any, table: string, records: Record<string, unknown>[]): Promise<void> {
  if (strapi.db.dialect.client === 'postgres') {
    if (records.length >= COPY_THRESHOLD) await copyRows(trx, table, records);
    else await trx(table).insert(records);
    return;
  }
  for (const batch of sqliteBatches(records)) await trx(table).insert(batch);
}

/** Component rows and their entity links (the "<table>_cmps" table). */
async function insertComponents(strapi: Core.Strapi, uid: string, chunk: BulkRow[], ownerIds: number[], trx: any, chunkSize: number) {
  const meta = metadataOf(strapi, uid);
  const byAttr = new Map<string, { owner: number; order: number; data: Record<string, unknown> }[]>();
  chunk.forEach((row, j) => {
    for (const [attr, items] of Object.entries(row.components ?? {})) {
      const list = byAttr.get(attr) ?? [];
      items.forEach((data, order) => list.push({ owner: ownerIds[j], order: order + 1, data }));
      byAttr.set(attr, list);
    }
  });
  for (const [attr, items] of byAttr) {
    const a = meta.attributes[attr];
    if (!a?.joinTable?.on) throw new Error(`bulkInsert: ${uid}.${attr} is not a component`);
    const compUid = a.target as string;
    const compMeta = metadataOf(strapi, compUid);
    const compColumns = columnsOf(strapi, compUid);
    const jt = a.joinTable;
    const typeColumn = jt.pivotColumns.find((c: string) => c.endsWith('type'));
    for (let k = 0; k < items.length; k += chunkSize) {
      const slice = items.slice(k, k + chunkSize);
      const compIds = await insertIds(
        strapi,
        trx,
        compMeta.tableName,
        slice.map((it) => toRecord(compColumns, it.data, compUid)),
      );
      await insertRows(
        strapi,
        trx,
        jt.name,
        slice.map((it, n) => ({
          [jt.joinColumn.name]: it.owner,
          [jt.inverseJoinColumn.name]: compIds[n],
          [typeColumn]: compUid,
          field: attr,
          [jt.orderColumnName]: it.order,
        })),
      );
    }
  }
}

/** Inserts rows and their links; returns the new ids in input order. */
export async function bulkInsert(strapi: Core.Strapi, uid: string, rows: BulkRow[], options: BulkOptions = {}): Promise<number[]> {
  const meta = metadataOf(strapi, uid);
  const columns = columnsOf(strapi, uid);
  const chunkSize = options.chunkSize ?? 500;
  const now = new Date();
  // A relation's storage, looked up once per attribute rather than per row.
  const onRow = new Map<string, string | undefined>();
  const columnOfRelation = (attr: string) => {
    if (!onRow.has(attr)) onRow.set(attr, joinColumnOf(strapi, uid, attr));
    return onRow.get(attr);
  };
  const run = async (trx: any) => {
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += chunkSize) {
      const chunk = rows.slice(i, i + chunkSize);
      const records = chunk.map(({ data, links }) => {
        const rec = toRecord(columns, data, uid);
        for (const [attr, targetId] of Object.entries(links ?? {})) {
          const column = columnOfRelation(attr);
          if (column) rec[column] = targetId ?? null;
        }
        if (columns.documentId && rec.document_id === undefined) rec.document_id = bulkDocumentId();
        if (columns.createdAt && rec.created_at === undefined) rec.created_at = now;
        if (columns.updatedAt && rec.updated_at === undefined) rec.updated_at = now;
        if (columns.publishedAt && rec.published_at === undefined) rec.published_at = meta.attributes.publishedAt && options.published === false ? null : now;
        return rec;
      });
      const inserted = await insertIds(strapi, trx, meta.tableName, records);
      ids.push(...inserted);
      const linkRows = new Map<string, Record<string, unknown>[]>();
      chunk.forEach((row, j) => {
        for (const [attr, targetId] of Object.entries(row.links ?? {})) {
          if (targetId === null || targetId === undefined || columnOfRelation(attr)) continue;
          const lt = linkTableOf(strapi, uid, attr);
          const rec: Record<string, unknown> = { [lt.source]: inserted[j], [lt.target]: targetId };
          if (lt.order) rec[lt.order] = 1;
          const list = linkRows.get(lt.table) ?? [];
          list.push(rec);
          linkRows.set(lt.table, list);
        }
      });
      await insertComponents(strapi, uid, chunk, inserted, trx, chunkSize);
      for (const [table, recs] of linkRows) {
        for (let k = 0; k < recs.length; k += chunkSize) await insertRows(strapi, trx, table, recs.slice(k, k + chunkSize));
      }
    }
    return ids;
  };
  if (options.trx) return run(options.trx);
  return strapi.db.connection.transaction(run);
}
