import type { Core } from '@strapi/strapi';
import type { IdentityField } from '../domain/identity-visibility';
import type { StaffContext } from '../domain/staff';
import { recordPersonalDataAccess } from './access-log';

/** The identity fields that hold a value in at least one of the records (what was actually shown). */
export function identityFieldsIn(masked: Readonly<Record<string, IdentityField>>, records: readonly Record<string, unknown>[]): IdentityField[] {
  const out = new Set<IdentityField>();
  for (const [attribute, field] of Object.entries(masked)) if (records.some((r) => typeof r[attribute] === 'string' && r[attribute] !== '')) out.add(field);
  return [...out];
}

/**
 * A case file (a health letter, a scanned KTP or KK) given to a staff member: always recorded,
 * whatever the role (a file can't be masked). For the case-file download
 * (GET /api/panel/cases/:id/files/:fileId), once the file is found and before it is streamed:
 *   await recordCaseFileView(strapi, staff, kase, file);
 */
export async function recordCaseFileView(
  strapi: Core.Strapi,
  staff: StaffContext,
  kase: { documentId: string; code?: string | null; applicant?: { id: number } | null },
  file: { id: number; name?: string | null },
): Promise<void> {
  await recordPersonalDataAccess(strapi, {
    staff,
    kind: 'case-file',
    route: `GET /api/panel/cases/${kase.documentId}/files/${file.id}`,
    purpose: `berkas kasus ${kase.code ?? kase.documentId}: ${file.name ?? file.id}`,
    reference: kase.documentId,
    fields: ['file'],
    applicants: kase.applicant ? [kase.applicant.id] : [],
  });
}
