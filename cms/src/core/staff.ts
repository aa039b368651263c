import type { StaffRole } from './roles';

/** Who is acting, resolved once per request by the staff-context route middleware. */
export interface StaffContext {
  userId: number;
  username: string;
  fullName?: string | null;
  role: StaffRole;
  officeId: number;
  officeCode: string;
  /** Village code for village operators, district code for district operators. */
  regionCode?: string | null;
  scope: 'village' | 'district' | 'office' | 'bpjs';
  seesFullIdentity: boolean;
  /** The office's time zone (months and days in lists are the office's). */
  timeZone?: string;
  /** Share of a case's time used from which the office calls it "due soon" (office SLA setting). */
  dueSoonPercent?: number;
}
