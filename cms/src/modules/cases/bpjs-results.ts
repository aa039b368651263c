/**
 * The one place that records BPJS's cleansing result: the batch screen (a list of lines sent
 * as JSON) and the BPJS-result import (a sheet read by a job) both check, match and write
 * through here, so they refuse with the same words and move cases the same way.
 */
import type { Core } from '@strapi/strapi';
import type { StaffContext } from '../../core/staff';
import { forbidden, invalid } from '../../platform/errors';
import { actorOf } from './engine';
import { batchTreeIds } from './engine/batch-tree';
import { CASE_POPULATE, CASE_UID, withFiles, type CaseRecord } from './engine/case-record';
import { commitChange } from './engine/commit';
import { buildContext, loadOffice, type EngineContext } from './engine/context';
import { followingBpjsResult, type BpjsResult } from './engine/moves';

/** The batch fields the recorder reads (a batch row, or the staff API's view of one with its row id). */
export interface BpjsBatch {
  id: number;
  level: string;
  status: string;
  month: string;
}

export interface BpjsResultLine {
  c: CaseRecord;
  result: BpjsResult;
  reason: string | null;
}

/** Only BPJS's officer records the result. */
export function checkRecordsBpjsResults(staff: Pick<StaffContext, 'role'>): void {
  if (staff.role !== 'petugas-bpjs') throw forbidden('Hasil cleansing dicatat oleh Petugas BPJS Kesehatan');
}

/** Results are recorded only on an office batch that was sent to BPJS (and may come in parts). */
export function checkAwaitsBpjsResults(b: Pick<BpjsBatch, 'level' | 'status'>): void {
  if (b.level !== 'office' || !['sent-to-bpjs', 'cleansed'].includes(b.status)) throw invalid('batch', 'Rekap ini belum dikirim ke BPJS');
}

/** The cases of a batch and of the batches under it, by their applicant's NIK: what BPJS's lines are matched against. */
export async function bpjsCasesByNik(strapi: Core.Strapi, batchId: number): Promise<Map<string | undefined, CaseRecord>> {
  const where = { batch: { id: { $in: await batchTreeIds(strapi, batchId) } } };
  const rows: CaseRecord[] = await withFiles(strapi, await strapi.db.query(CASE_UID).findMany({ where, populate: CASE_POPULATE, orderBy: { id: 'asc' } }));
  return new Map(rows.map((r) => [r.applicant?.nik, r]));
}

/**
 * Each matched, still pending case follows its result (one event each), all in one
 * transaction; the batch is cleansed when no case of its tree is pending any more.
 * checkCancelled lets a job stop between cases (its throw rolls everything back).
 */
export async function recordBpjsResults(
  strapi: Core.Strapi,
  input: { staff: StaffContext; batch: BpjsBatch; lines: BpjsResultLine[]; checkCancelled?: () => Promise<void> },
): Promise<{ written: number; status: string }> {
  const { staff, batch, lines } = input;
  const office = await loadOffice(strapi, staff.officeCode);
  const now = new Date();
  const contexts: EngineContext[] = [];
  for (const line of lines) contexts.push(await buildContext(strapi, line.c, now, office));
  const treeIds = await batchTreeIds(strapi, batch.id);
  let written = 0;
  const status = await strapi.db.transaction(async ({ trx }) => {
    for (let i = 0; i < lines.length; i += 1) {
      if (input.checkCancelled && i % 200 === 0) await input.checkCancelled();
      await commitChange(strapi, trx, contexts[i], followingBpjsResult(contexts[i], lines[i].result, lines[i].reason, batch.month, 'bpjs-result'), actorOf(staff));
      written += 1;
    }
    const pending = await strapi.db.query(CASE_UID).count({ where: { batch: { id: { $in: treeIds } }, bpjsResult: 'pending' } });
    if (pending === 0) await trx('batches').where({ id: batch.id }).update({ status: 'cleansed', result_at: now, updated_at: now });
    return pending === 0 ? 'cleansed' : batch.status;
  });
  return { written, status };
}
