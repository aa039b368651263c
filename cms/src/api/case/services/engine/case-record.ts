/**
 * Reading a case with what the engine needs, and writing it under optimistic locking:
 * UPDATE ... WHERE id = ? AND version = ? inside the action's transaction, so that of two
 * people acting on the same version exactly one succeeds and the other gets a 409.
 */
import type { Core } from '@strapi/strapi';
import { columnsOf, joinColumnOf, linkTableOf } from '../../../../database/bulk-insert';
import type { CaseStatus } from '../../../../domain/sop-walker';
import { staleCase } from './errors';

export const CASE_UID = 'api::case.case';

export interface ChecklistItem {
  id: number;
  key: string;
  label: string;
  required: boolean;
  checked: boolean;
  file?: { id: number; name: string; mime: string; size: number; url: string } | null;
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
  attachments: { id: number; name: string; mime: string; size: number; url: string }[];
}

const FILE_FIELDS = ['id', 'name', 'mime', 'size', 'url'];

export const CASE_POPULATE = {
  applicant: { select: ['id', 'documentId', 'nik', 'name'] },
  checklist: { populate: { file: { select: FILE_FIELDS } } },
  assignee: { select: ['id', 'username', 'fullName'] },
  batch: { select: ['id', 'documentId', 'code', 'level', 'month', 'status', 'sentAt'] },
  office: { select: ['id', 'code'] },
  service: { select: ['id', 'documentId', 'slug', 'title'] },
  attachments: { select: FILE_FIELDS },
};

export async function loadCase(strapi: Core.Strapi, where: { documentId: string } | { id: number }): Promise<CaseRecord | null> {
  const row = await strapi.db.query(CASE_UID).findOne({ where, populate: CASE_POPULATE });
  if (!row) return null;
  return { ...row, checklist: row.checklist ?? [], attachments: row.attachments ?? [] } as CaseRecord;
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
    await trx((strapi.db.metadata.get(uid as any) as any).tableName).where({ id }).update({ [column]: targetId });
    return;
  }
  const lt = linkTableOf(strapi, uid, attribute);
  await trx(lt.table).where({ [lt.source]: id }).del();
  if (targetId) {
    const rec: Record<string, unknown> = { [lt.source]: id, [lt.target]: targetId };
    if (lt.order) rec[lt.order] = 1;
    await trx(lt.table).insert(rec);
  }
}
