import type { Core } from '@strapi/strapi';
import { seesIdentityInFull, type IdentityField } from '../../core/identity-visibility';
import type { StaffContext } from '../../core/staff';
import { recordPersonalDataAccess } from './access-log';

/** The identity fields that hold a value in at least one of the records (what was actually shown). */
export function identityFieldsIn(masked: Readonly<Record<string, IdentityField>>, records: readonly Record<string, unknown>[]): IdentityField[] {
  const out = new Set<IdentityField>();
  for (const [attribute, field] of Object.entries(masked)) if (records.some((r) => typeof r[attribute] === 'string' && r[attribute] !== '')) out.add(field);
  return [...out];
}

/**
 * Applicant records a staff API list or get-one is about to send. Given in full, they are
 * recorded with the fields they hold. Masked, they are not — but for one thing: records a masked
 * role found by a whole NIK or KK number it typed (`sought`) had that number confirmed as theirs,
 * a disclosure as good as seeing it, so those are recorded with the fields that matched.
 */
export async function recordApplicantRecords(
  strapi: Core.Strapi,
  view: {
    staff: StaffContext;
    kind: 'view' | 'list';
    route: string;
    noun: string;
    masked: Readonly<Record<string, IdentityField>>;
    records: readonly Record<string, unknown>[];
    rowIds: readonly number[];
    sought: readonly string[];
  },
): Promise<void> {
  const { staff, kind, masked, records, rowIds } = view;
  const base = { staff, kind, route: view.route, reference: kind === 'view' ? String(records[0]?.id ?? '') || null : null, subject: records.length === 1 ? records[0] : undefined };
  if (seesIdentityInFull(staff)) {
    await recordPersonalDataAccess(strapi, { ...base, purpose: `${kind === 'view' ? 'detail' : 'daftar'} ${view.noun}`, fields: identityFieldsIn(masked, records), applicants: rowIds });
    return;
  }
  const matched = records.map((r, i) => ({
    row: rowIds[i],
    fields: Object.entries(masked)
      .filter(([attribute]) => view.sought.includes(r[attribute] as string))
      .map(([, field]) => field),
  }));
  const confirmed = matched.filter((m) => m.fields.length);
  await recordPersonalDataAccess(strapi, {
    ...base,
    purpose: `${view.noun} dicari dengan nomor identitas lengkap`,
    fields: confirmed.flatMap((m) => m.fields),
    applicants: confirmed.map((m) => m.row),
  });
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
