import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as id from '@zxcvbn-ts/language-id';

/**
 * Password policy for staff accounts: at least 10 characters with letters and digits, not the
 * account's own username, name or e-mail, and hard to guess by zxcvbn's estimate (score 3 of 4:
 * about 10^8 guesses or more) against the common password lists and the English and Indonesian
 * dictionaries, with its feedback in Indonesian. Returns the problem in Indonesian, or null when
 * the password is acceptable.
 */
export const PASSWORD_MIN_LENGTH = 10;
const MAX_LENGTH = 72; // bcrypt reads no further
export const MIN_STRENGTH = 3;
/** Shorter parts of a name (Sri, Budi, Baru) are left to zxcvbn's user-input matching. */
const OWN_WORD_MIN_LENGTH = 5;

/** Words of this system that anyone guessing a staff password would try first. */
const SYSTEM_WORDS = ['layanan', 'pbi', 'jkn', 'bpjs', 'dinsos', 'dinas', 'sosial', 'kesehatan', 'linjamsos', 'peksos', 'kemensos', 'pemda', 'kabupaten', 'kecamatan', 'kelurahan', 'desa'];

/** Whose password it is: what it must not contain. */
export interface PasswordOwner {
  username?: unknown;
  fullName?: unknown;
  email?: unknown;
}

let estimator: ZxcvbnFactory | undefined;
/** Built on first use (~0.2 s: the dictionaries are ranked once per process). */
function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations: id.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary, ...id.dictionary, system: SYSTEM_WORDS },
  });
  return estimator;
}

/** The owner's username, name and e-mail name whole, and their words (lower case). */
function ownTexts(owner: PasswordOwner): { whole: string[]; words: string[] } {
  const texts = [owner.username, owner.fullName, typeof owner.email === 'string' ? owner.email.split('@')[0] : undefined]
    .filter((v): v is string => typeof v === 'string' && v.trim().length > 0)
    .map((v) => v.toLowerCase());
  const whole = texts.map((t) => t.replace(/\s+/g, '')).filter((t) => t.length >= 3);
  const words = texts.flatMap((t) => t.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3);
  return { whole, words: [...new Set(words)] };
}

export function passwordProblem(password: unknown, owner: PasswordOwner = {}): string | null {
  if (typeof password !== 'string') return 'Kata sandi harus berupa teks';
  if (password.length < PASSWORD_MIN_LENGTH) return `Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter`;
  if (password.length > MAX_LENGTH) return `Kata sandi maksimal ${MAX_LENGTH} karakter`;
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) return 'Kata sandi harus memuat huruf dan angka';
  const lower = password.toLowerCase();
  const own = ownTexts(owner);
  if ([...own.whole, ...own.words.filter((w) => w.length >= OWN_WORD_MIN_LENGTH)].some((w) => lower.includes(w)))
    return 'Kata sandi tidak boleh memuat nama pengguna, nama, atau alamat email pemilik akun';
  const result = strength().check(password, [...own.whole, ...own.words]);
  if (result.score >= MIN_STRENGTH) return null;
  const hints = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return `Kata sandi terlalu mudah ditebak${hints ? `: ${hints}` : ''}`;
}
