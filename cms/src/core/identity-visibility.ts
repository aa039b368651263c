import { maskIdentityNumber, maskPhone } from './mask';
import type { StaffContext } from './staff';

/**
 * Who sees a citizen's identity numbers, stated once for every way they leave the server: the
 * staff API's records (lists, get-one, batch lines), exports and printed letters.
 *
 *  1. A staff member whose role `seesFullIdentity` (roles.ts) gets NIK, KK, JKN card number and
 *     phone in full; everyone else gets them masked, with the same mask everywhere
 *     (`3520************`, phones `0812******90`: mask.ts).
 *  2. A role that gets them masked can't use them to find out what the mask hides: it matches
 *     an identity number only whole (one complete value, exactly), never by a part, never
 *     several guesses at once, and never sorts by one (modules/staff-api/lib/params.ts, people-search).
 *  3. Every time one is given in full to a user, the privacy log records it (cms/src/modules/privacy).
 */

/** The personal numbers the rule covers, by what they are (the privacy log names them so). */
export type IdentityField = 'nik' | 'kk' | 'jkn' | 'phone';

type Viewer = Pick<StaffContext, 'seesFullIdentity'>;

export const seesIdentityInFull = (staff: Viewer): boolean => staff.seesFullIdentity === true;

/** A value of one field masked, whoever asks (null and '' stay as they are). */
export function masked(field: IdentityField, value: string | null | undefined): string | null {
  return field === 'phone' ? maskPhone(value) : maskIdentityNumber(value);
}

/** A value as this staff member may see it: in full, or masked. */
export function identityAsShown(staff: Viewer, field: IdentityField, value: string | null | undefined): string | null {
  if (value === undefined) return null;
  return seesIdentityInFull(staff) ? value : masked(field, value);
}

/** What a whole value of each field looks like: the one form a masked role may match on. */
export const WHOLE_VALUE: Readonly<Record<IdentityField, RegExp>> = {
  nik: /^\d{16}$/,
  kk: /^\d{16}$/,
  jkn: /^\d{13}$/,
  phone: /^\+?\d{8,15}$/,
};

export const FIELD_NAMES: Readonly<Record<IdentityField, string>> = { nik: 'NIK', kk: 'nomor KK', jkn: 'nomor kartu JKN', phone: 'nomor telepon' };
