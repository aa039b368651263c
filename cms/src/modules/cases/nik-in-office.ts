import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * One applicant per NIK in an office, and what the refusal may tell. A village or district
 * operator sees only its area's applicants, so whether a NIK is registered elsewhere in the
 * office must not be learnt by probing: the duplicate is checked only once the write is
 * otherwise complete — valid and within the writer's area, where for an unknown NIK it would
 * have created or changed a real record — and the answer says only that the office has the NIK,
 * never where or whose. Anything short of that answers as it would for an unknown NIK.
 */
export const NIK_TAKEN = 'NIK ini sudah terdaftar sebagai pemohon di kantor ini';

const A = 'api::applicant.applicant';

/** Whether another applicant of the office (any village) has this NIK. */
export async function nikTakenInOffice(strapi: Core.Strapi, knex: Knex, officeCode: string, nik: string, exceptRowId: number): Promise<boolean> {
  const meta: any = strapi.db.metadata.get(A as any);
  const col = (a: string): string => meta.attributes[a].columnName;
  const same = await knex(meta.tableName).where(col('officeCode'), officeCode).where(col('nik'), nik).whereNot('id', exceptRowId).first('id');
  return !!same;
}
