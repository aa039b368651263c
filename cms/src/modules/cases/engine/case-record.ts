/**
 * Reading a case with what the engine needs, and writing it under optimistic locking:
 * UPDATE ... WHERE id = ? AND version = ? inside the action's transaction, so that of two
 * people acting on the same version exactly one succeeds and the other gets a 409.
 */
import type { Core } from '@strapi/strapi';
import { columnsOf, joinColumnOf, linkTableOf } from '../../../platform/bulk-insert';
import type { CaseStatus } from '../../../core/sop-walker';
import { staleCase } from '../../../platform/errors';

export const CASE_UID = 'api::case.case';
export const CASE_FILE_UID = 'api::case-file.case-file';

/** A case file as the engine knows it (api::case-file.case-file; bytes in the private store). */
export interface CaseFileRef {
  id: number;
  name: string;
  mime: string;
  size: number;
  storageKey: string;
  checklistKey: string | null;
}

export interface ChecklistItem {
  id: number;
  key: string;
  label: string;
  required: boolean;
  checked: boolean;
  /** The document uploaded for the item (filled in by withFiles). */
  file?: CaseFileRef | null;
}

export interface CaseRecord {
  id: number;
  documentId: string;
  code: string;
  version: number;
  status: CaseStatus;
  priority: 'regular' | 'emergency';
  track: string | null;
  currentActivity: number | null;
  currentExecutor: string | null;
  queueRoles: string | null;
  receivedAt: string;
  dueAt: string | null;
  activityStartedAt: string | null;
  activityDueAt: string | null;
  closedAt: string | null;
  officeCode: string;
  villageCode: string | null;
  districtCode: string | null;
  serviceSlug: string;
  sopVersion: string | null;
  waitingFor: 'applicant' | 'bpjs' | null;
  bpjsResult: string | null;
  bpjsReason: string | null;
  outcome: string | null;
  activeFrom: string | null;
  applicant: { id: number; documentId: string; nik: string; name: string } | null;
  checklist: ChecklistItem[];
  assignee: { id: number; username: string; fullName: string | null } | null;
  batch: { id: number; documentId: string; code: string; level: string; month: string; status: string; sentAt: string | null } | null;
  office: { id: number; code: string } | null;
  service: { id: number; documentId: string; slug: string; title: string } | null;
  /** The case's documents without a checklist item (filled in by withFiles). */
  attachments: CaseFileRef[];
}

export const CASE_POPULATE = {
  applicant: { select: ['id', 'documentId', 'nik', 'name'] },
  checklist: true,
  assignee: { select: ['id', 'username', 'fullName'] },
  batch: { select: ['id', 'documentId', 'code', 'level', 'month', 'status', 'sentAt'] },
  office: { select: ['id', 'code'] },
  service: { select: ['id', 'documentId', 'slug', 'title'] },
};

/**
 * Case rows (read with CASE_POPULATE) with their files: each checklist item's document and the
 * attachments, in one query for all of them (case_files by case_id).
 */
export async function withFiles(strapi: Core.Strapi, rows: any[]): Promise<CaseRecord[]> {
  const byCase = new Map<number, CaseFileRef[]>();
  for (const { caseId, ...file } of await filesOfCases(
    strapi,
    rows.map((r) => r.id),
  ))
    byCase.set(caseId, [...(byCase.get(caseId) ?? []), file]);
  return rows.map((row) => {
    const own = byCase.get(row.id) ?? [];
    const checklist: ChecklistItem[] = (row.checklist ?? []).map((i: ChecklistItem) => ({ ...i, file: own.find((f) => f.checklistKey === i.key) ?? null }));
    return { ...row, checklist, attachments: own.filter((f) => f.checklistKey === null) } as CaseRecord;
  });
}

/** Case ids per query: below SQLite's bound-variable limit whatever a batch holds. */
const IDS_PER_QUERY = 5000;

async function filesOfCases(strapi: Core.Strapi, caseIds: number[]): Promise<(CaseFileRef & { caseId: number })[]> {
  const c = columnsOf(strapi, CASE_FILE_UID);
  const caseColumn = joinColumnOf(strapi, CASE_FILE_UID, 'case')!;
  const table = (strapi.db.metadata.get(CASE_FILE_UID as any) as any).tableName as string;
  const out: (CaseFileRef & { caseId: number })[] = [];
  for (let i = 0; i < caseIds.length; i += IDS_PER_QUERY) {
    const rows: any[] = await strapi.db
      .connection(table)
      .whereIn(caseColumn, caseIds.slice(i, i + IDS_PER_QUERY))
      .orderBy('id')
      .select({ id: 'id', name: c.name, mime: c.mime, size: c.size, storageKey: c.storageKey, checklistKey: c.checklistKey, caseId: caseColumn });
    for (const r of rows) out.push({ ...r, size: Number(r.size), checklistKey: r.checklistKey ?? null });
  }
  return out;
}

export async function loadCase(strapi: Core.Strapi, where: { documentId: string } | { id: number }): Promise<CaseRecord | null> {
  const row = await strapi.db.query(CASE_UID).findOne({ where, populate: CASE_POPULATE });
  if (!row) return null;
  const [c] = await withFiles(strapi, [row]);
  return c;
}

/** Labels of the required checklist items that are neither ticked nor uploaded. */
export function missingRequirements(checklist: ChecklistItem[]): string[] {
  return checklist.filter((i) => i.required !== false && !i.checked && !i.file).map((i) => i.label);
}

/**
 * Writes case attributes if, and only if, the case is still at `version`; returns the new
 * version. Must run inside a transaction (the row stays locked until commit).
 */
export async function commitCase(strapi: Core.Strapi, trx: any, c: { id: number; version: number }, changes: Record<string, unknown>): Promise<number> {
  const columns = columnsOf(strapi, CASE_UID);
  const record: Record<string, unknown> = {};
  for (const [attr, value] of Object.entries(changes)) {
    const col = columns[attr];
    if (!col) throw new Error(`commitCase: unknown case attribute ${attr}`);
    record[col] = value;
  }
  const table = (strapi.db.metadata.get(CASE_UID as any) as any).tableName;
  const updated = await trx(table)
    .where({ id: c.id, version: c.version })
    .update({ ...record, version: c.version + 1, updated_at: new Date() });
  if (updated !== 1) {
    const current = await trx(table).where({ id: c.id }).first('version');
    throw staleCase(current?.version ?? c.version, c.version);
  }
  return c.version + 1;
}

/** Points a many-to-one relation of a row at another row (or at nothing). */
export async function setRelation(strapi: Core.Strapi, trx: any, uid: string, attribute: string, id: number, targetId: number | null): Promise<void> {
  const column = joinColumnOf(strapi, uid, attribute);
  if (column) {
    await trx((strapi.db.metadata.get(uid as any) as any).tableName)
      .where({ id })
      .update({ [column]: targetId });
    return;
  }
  const lt = linkTableOf(strapi, uid, attribute);
  await trx(lt.table)
    .where({ [lt.source]: id })
    .del();
  if (targetId) {
    const rec: Record<string, unknown> = { [lt.source]: id, [lt.target]: targetId };
    if (lt.order) rec[lt.order] = 1;
    await trx(lt.table).insert(rec);
  }
}
