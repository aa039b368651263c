/**
 * Masking of personal numbers for staff who don't need them in full: the region part of a
 * NIK or KK stays readable (it says where the person registered), the rest is hidden.
 *   3520061201900001 -> 3520************      081234567890 -> 0812******90
 */
export function maskIdentityNumber(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return value ?? null;
  return value.slice(0, 4) + '*'.repeat(Math.max(0, value.length - 4));
}

/**
 * A NIK as shown in messages and import reports, which any of the office's staff may read: the
 * same mask as every screen (core/identity-visibility.ts). Region and serial, as it once
 * showed, gave the whole NIK to anyone who also saw the birth date.
 */
export const maskNik = (nik: string) => maskIdentityNumber(nik) ?? '';

export function maskPhone(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return value ?? null;
  if (value.length <= 6) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 6) + value.slice(-2);
}

/** True when a value sent back by a client is a masked value, not a new one. */
export function isMasked(value: unknown): boolean {
  return typeof value === 'string' && value.includes('*');
}
