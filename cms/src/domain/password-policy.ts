/**
 * Password policy for staff accounts: at least 10 characters with letters and digits.
 * Returns the problem in Indonesian, or null when the password is acceptable.
 */
export const PASSWORD_MIN_LENGTH = 10;
const MAX_LENGTH = 72; // bcrypt reads no further

export function passwordProblem(password: unknown): string | null {
  if (typeof password !== 'string') return 'Kata sandi harus berupa teks';
  if (password.length < PASSWORD_MIN_LENGTH) return `Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter`;
  if (password.length > MAX_LENGTH) return `Kata sandi maksimal ${MAX_LENGTH} karakter`;
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) return 'Kata sandi harus memuat huruf dan angka';
  return null;
}
