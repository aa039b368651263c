import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { StaffContext } from '../../core/staff';
import { ACCESS_LOG, ACCESS_LOG_SUBJECT, recordPersonalDataAccess, tableOf, type PersonalDataField } from './access-log';

/**
 * An export file downloaded by another staff member than its maker: they see what the maker's
 * entry recorded (the same applicants and fields), so the same is recorded for them.
 */
export async function copyExportAccess(strapi: Core.Strapi, staff: StaffContext, job: { documentId: string; fileName?: string | null }): Promise<void> {
  const knex = strapi.db.connection as unknown as Knex;
  const made = await knex(tableOf(strapi, ACCESS_LOG)).where({ reference: job.documentId, kind: 'export' }).orderBy('id').first('id', 'fields');
  if (!made) return;
  const rows: { applicant_id: number }[] = await knex(tableOf(strapi, ACCESS_LOG_SUBJECT)).where('access_log_id', made.id).select('applicant_id');
  await recordPersonalDataAccess(strapi, {
    staff,
    kind: 'export',
    route: `GET /api/panel/jobs/${job.documentId}/file`,
    purpose: `unduh ekspor orang lain: ${job.fileName ?? job.documentId}`,
    reference: job.documentId,
    fields: String(made.fields ?? '')
      .split(',')
      .filter(Boolean) as PersonalDataField[],
    applicants: rows.map((r) => Number(r.applicant_id)),
  });
}
