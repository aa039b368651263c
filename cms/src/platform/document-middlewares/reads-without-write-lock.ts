import type { Modules } from '@strapi/strapi';
import { asReadsOnly } from '../sqlite-writers';

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/**
 * Strapi's document service runs its finds and counts in a transaction. On SQLite every
 * transaction takes the write lock as it begins (platform/sqlite-writers.ts), so these would
 * wait for a running import like a write does: the public pages, the PDFs and the letters with
 * them. Marked as reads, they begin a plain transaction, which in WAL mode never waits.
 */
export function readsWithoutWriteLock(): Modules.Documents.Middleware.Middleware {
  return (ctx, next) => (READS.has(ctx.action) ? asReadsOnly(next) : next());
}
