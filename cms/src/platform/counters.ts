import { createId } from '@paralleldrive/cuid2';

/**
 * Gap-free sequences per series and year (letter numbers per office, case codes), as plain
 * functions over a knex transaction so that the import worker, which runs without Strapi, takes
 * numbers exactly as the counter service does. One row per series and year, incremented with
 * UPDATE … RETURNING inside the caller's transaction: the row lock serialises concurrent
 * issuers, and a rolled-back action gives its numbers back.
 */

/** The next number; `initial` gives the last number already used when the row does not exist yet. */
export async function nextNumber(trx: any, table: string, series: string, year: number, initial?: () => Promise<number>): Promise<number> {
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
}

/** Takes `n` consecutive numbers at once (bulk imports); returns the first. */
export async function reserveNumbers(trx: any, table: string, series: string, year: number, n: number, initial?: () => Promise<number>): Promise<number> {
  const first = await nextNumber(trx, table, series, year, initial);
  if (n > 1)
    await trx(table)
      .where({ series, year })
      .update({ last: trx.raw('?? + ?', ['last', n - 1]), updated_at: new Date() });
  return first;
}

/** Case codes: the office's first three letters, the year, and the number, at least 6 digits ("MAG-2026-000123"). */
export const caseCodePrefix = (officeCode: string, year: number) => `${officeCode.slice(0, 3).toUpperCase()}-${year}-`;
export const caseCode = (prefix: string, n: number) => `${prefix}${String(n).padStart(6, '0')}`;

/**
 * Takes `n` case numbers of an office's year (the engine's open takes one, an import one per
 * row); returns the first. The series starts after the highest code already in `casesTable`
 * (codes written before the counter existed).
 */
export function reserveCaseNumbers(trx: any, counterTable: string, casesTable: string, officeCode: string, year: number, n: number): Promise<number> {
  const prefix = caseCodePrefix(officeCode, year);
  return reserveNumbers(trx, counterTable, `case:${officeCode}`, year, n, async () => {
    const row = await trx(casesTable).where('code', 'like', `${prefix}%`).max({ last: 'code' }).first();
    return row?.last ? Number(String(row.last).slice(prefix.length)) || 0 : 0;
  });
}
