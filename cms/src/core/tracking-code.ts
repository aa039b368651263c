import { randomInt } from 'crypto';

/** No 0/O, 1/I/L: codes are read out over the phone and copied by hand. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** ADU-XXXX-XXXX: 31^8 (about 850 billion) codes, so guessing one is hopeless. */
export function randomTrackingCode(): string {
  const pick = () => ALPHABET[randomInt(ALPHABET.length)];
  const group = () => Array.from({ length: 4 }, pick).join('');
  return `ADU-${group()}-${group()}`;
}

/**
 * A typed code as stored (upper case), or null when it can be no complaint's code. Also accepts
 * the staff API's former format ADU-YYYYMMDD-XXXXXX (6 hex digits), still on older complaints.
 */
export function normalizeTrackingCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return /^ADU-(?:[A-Z0-9]{4}-[A-Z0-9]{4}|\d{8}-[0-9A-F]{6})$/.test(code) ? code : null;
}
