/**
 * Gap-free sequences per series and year (letter numbers per office, case codes). One row per
 * series and year, incremented with UPDATE ... RETURNING inside the caller's transaction: the
 * row lock serialises concurrent issuers, and a rolled-back action gives its number back.
 */
import { createId } from '@paralleldrive/cuid2';
import { factories } from '@strapi/strapi';

const UID = 'api::counter.counter';

export default factories.createCoreService(UID as any, ({ strapi }) => ({
  /**
   * The next number of a series in a year. `trx` is the knex transaction of the action that
   * uses the number; `initial` gives the last number already used when the row does not exist
   * yet (numbers issued before the counter existed, or set by the office).
   */
  async next(trx: any, series: string, year: number, initial?: () => Promise<number>): Promise<number> {
    const table = (strapi.db.metadata.get(UID as any) as any).tableName;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const rows = await trx(table)
        .where({ series, year })
        .update({ last: trx.raw('?? + 1', ['last']), updated_at: new Date() }, ['last']);
      if (rows.length) return Number(typeof rows[0] === 'object' ? rows[0].last : rows[0]);
      const start = initial ? await initial() : 0;
      const now = new Date();
      await trx(table).insert({ document_id: createId(), series, year, last: start, created_at: now, updated_at: now }).onConflict(['series', 'year']).ignore();
    }
    throw new Error(`Counter ${series}/${year} could not be created`);
  },

  /** Takes `n` consecutive numbers of a series at once (bulk imports); returns the first. */
  async reserve(trx: any, series: string, year: number, n: number, initial?: () => Promise<number>): Promise<number> {
    const first = await (this as any).next(trx, series, year, initial);
    if (n > 1) {
      const table = (strapi.db.metadata.get(UID as any) as any).tableName;
      await trx(table).where({ series, year }).update({ last: trx.raw('?? + ?', ['last', n - 1]), updated_at: new Date() });
    }
    return first;
  },
}));
