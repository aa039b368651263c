import type { StaffContext } from './staff';

/** Batch statuses from the moment the office sends the recap to BPJS. */
export const SENT_TO_BPJS = ['sent-to-bpjs', 'cleansed', 'closed'] as const;

/** The scope columns of a case (plain codes kept next to the relations). */
export interface CaseScopeFields {
  officeCode?: string | null;
  villageCode?: string | null;
  districtCode?: string | null;
  queueRoles?: string | null;
  bpjsResult?: string | null;
}

/**
 * Whether a staff member may see a case: always within their own office; a village operator
 * only cases of their village, a district operator those of their district's villages; the
 * BPJS liaison only cases handed to BPJS (sent alone, or at a BPJS activity; lines of batches
 * sent to BPJS are checked against the batch by the callers that can).
 */
export function caseInScope(staff: Pick<StaffContext, 'officeCode' | 'scope' | 'regionCode' | 'role'>, c: CaseScopeFields): boolean {
  if (!c.officeCode || c.officeCode !== staff.officeCode) return false;
  switch (staff.scope) {
    case 'village':
      return !!staff.regionCode && c.villageCode === staff.regionCode;
    case 'district':
      return !!staff.regionCode && c.districtCode === staff.regionCode;
    case 'bpjs':
      // Sent alone (its result pending or recorded: the liaison keeps the case it answered), or
      // at a BPJS activity now. Its case list shows only the open ones (panel scopes.ts).
      // Lines of sent batches: see the engine's visibleCase.
      return !!c.bpjsResult || !!c.queueRoles?.includes(`|${staff.role}|`);
    default:
      return true;
  }
}

/** The same rule for an applicant when opening a case (by their village). */
export function applicantInScope(
  staff: Pick<StaffContext, 'officeCode' | 'scope' | 'regionCode'>,
  a: { officeCode?: string | null; villageCode?: string | null; districtCode?: string | null },
): boolean {
  if (!a.officeCode || a.officeCode !== staff.officeCode) return false;
  if (staff.scope === 'village') return a.villageCode === staff.regionCode;
  if (staff.scope === 'district') return a.districtCode === staff.regionCode;
  return staff.scope === 'office';
}
