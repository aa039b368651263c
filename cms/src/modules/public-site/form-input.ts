/**
 * Reading what a visitor typed into the public forms. Browsers send a textarea's line breaks as
 * CRLF but count each as one character against maxlength, so line breaks are made LF before any
 * length is checked or anything stored.
 */
export function formText(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const PHONE = /^\+?[0-9][0-9 -]*$/;

/** A reporter's contact: a phone number (8-15 digits; +, spaces and dashes allowed) or an e-mail address. */
export function validContact(value: string): boolean {
  if (EMAIL.test(value)) return true;
  if (!PHONE.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 8 && digits <= 15;
}
