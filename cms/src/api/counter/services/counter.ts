/**
 * Gap-free sequences per series and year (letter numbers per office, case codes); the logic
 * is in platform/counters.ts, shared with the import worker.
 */
import { factories } from '@strapi/strapi';
import { nextNumber, reserveCaseNumbers } from '../../../platform/counters';

const UID = 'api::counter.counter';

export default factories.createCoreService(UID as any, ({ strapi }) => {
  const tableOf = (uid: string) => (strapi.db.metadata.get(uid as any) as any).tableName as string;
  const table = () => tableOf(UID);
  return {
    /**
     * The next number of a series in a year. `trx` is the knex transaction of the action that
     * uses the number; `initial` gives the last number already used when the row does not exist
     * yet (numbers issued before the counter existed, or set by the office).
     */
    next: (trx: any, series: string, year: number, initial?: () => Promise<number>) => nextNumber(trx, table(), series, year, initial),
    /** Takes `n` case numbers of an office's year; returns the first (codes: platform/counters.ts). */
    reserveCases: (trx: any, officeCode: string, year: number, n: number) => reserveCaseNumbers(trx, table(), tableOf('api::case.case'), officeCode, year, n),
  };
});
