/**
 * Batches nest: village batches in a district batch, district batches (or cases directly) in
 * the office batch sent to BPJS. A case stays linked to the batch it entered first, so every
 * level keeps exactly its own lines; the levels above are found through `parent`.
 */
import type { Core } from '@strapi/strapi';

const BATCH_UID = 'api::batch.batch';
const FIELDS = ['id', 'documentId', 'code', 'level', 'month', 'status', 'sentAt'];

export interface BatchRef {
  id: number;
  documentId: string;
  code: string;
  level: string;
  month: string;
  status: string;
  sentAt: string | null;
}

/** The top of a batch's tree (the office batch once recapped by the office). */
export async function rootBatch(strapi: Core.Strapi, batch: BatchRef | null): Promise<BatchRef | null> {
  let current = batch;
  for (let i = 0; current && i < 3; i += 1) {
    const row = await strapi.db.query(BATCH_UID).findOne({ where: { id: current.id }, populate: { parent: { select: FIELDS } } });
    if (!row?.parent) break;
    current = row.parent;
  }
  return current;
}

/** A batch and every batch under it. */
export async function batchTreeIds(strapi: Core.Strapi, id: number): Promise<number[]> {
  const ids = [id];
  let level = [id];
  for (let i = 0; level.length && i < 3; i += 1) {
    const children = await strapi.db.query(BATCH_UID).findMany({ where: { parent: { id: { $in: level } } }, select: ['id'] });
    level = children.map((c: any) => c.id);
    ids.push(...level);
  }
  return ids;
}
