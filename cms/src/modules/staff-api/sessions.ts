import bcrypt from 'bcryptjs';
import type { Core } from '@strapi/strapi';
import { passwordProblem } from '../../core/password-policy';
import { roleDefinition } from '../../core/roles';
import type { StaffContext } from '../../core/staff';
import { forgetStaff } from './staff-context';
import { issueStaffToken } from '../security';
import { fieldError, forbidden, tooManyRequests, unauthorized } from '../../platform/errors';
import { RESOURCES } from './resources';
import type { Action } from './resources/types';

/**
 * Staff sessions: staff tokens (modules/security/staff-token.ts: users-permissions JWTs with the staff
 * API's own audience, issued only here) carrying the account's token version. Logging out,
 * changing the password or being blocked increments the version, which makes every token
 * issued before unusable (staff-context compares them). Repeated wrong passwords lock the
 * account for a while.
 */

const USER = 'plugin::users-permissions.user';
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
const WRONG = 'Nama pengguna atau kata sandi salah';
const ZONE_NAMES: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

let dummyHash: string | undefined;

function textField(body: any, field: string, max: number): string {
  const v = body?.[field];
  if (typeof v !== 'string' || v.length === 0) throw fieldError(field, 'wajib diisi');
  if (v.length > max) throw fieldError(field, `maksimal ${max} karakter`);
  return v;
}

function clock(at: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('id-ID', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
  return `${time} ${ZONE_NAMES[timeZone] ?? timeZone}`;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const users = () => strapi.db.query(USER as any);
  const issue = (user: { id: number; tokenVersion?: number | null }) => issueStaffToken(strapi, user);

  async function bumpTokenVersion(userId: number): Promise<number> {
    const user: any = await users().findOne({ where: { id: userId }, select: ['id', 'tokenVersion'] });
    const next = Number(user?.tokenVersion ?? 0) + 1;
    await users().update({ where: { id: userId }, data: { tokenVersion: next } });
    await forgetStaff(userId);
    return next;
  }

  /** Counts a failed login; the MAX_FAILED_LOGINS-th in a row locks the account for LOCK_MINUTES. */
  async function recordFailure(user: any): Promise<void> {
    const knex = strapi.db.connection;
    const table = strapi.db.metadata.get(USER as any).tableName;
    const col = (a: string) => (strapi.db.metadata.get(USER as any).attributes as any)[a].columnName as string;
    await knex(table)
      .where('id', user.id)
      .update({ [col('failedLogins')]: knex.raw('coalesce(??, 0) + 1', [col('failedLogins')]) });
    const row = await knex(table)
      .where('id', user.id)
      .first({ n: col('failedLogins') });
    if (Number(row?.n) >= MAX_FAILED_LOGINS) {
      await knex(table)
        .where('id', user.id)
        .update({ [col('failedLogins')]: 0, [col('lockedUntil')]: new Date(Date.now() + LOCK_MINUTES * 60_000) });
    }
  }

  function accessOf(role: string): Record<string, Action[]> {
    const out: Record<string, Action[]> = {};
    for (const def of RESOURCES) {
      const actions = (Object.keys(def.access) as Action[]).filter((a) => def.access[a]!.includes(role as any));
      if (actions.length) out[def.name] = actions;
    }
    return out;
  }

  async function profile(userId: number) {
    const user: any = await users().findOne({ where: { id: userId }, populate: { role: true, office: true, region: true } });
    const role = roleDefinition(user.role?.type)!;
    return {
      id: user.documentId,
      username: user.username,
      email: user.email,
      fullName: user.fullName ?? null,
      nip: user.nip ?? null,
      role: { type: role.type, name: role.name, nameEn: role.nameEn, scope: role.scope, seesFullIdentity: role.seesFullIdentity },
      office: { id: user.office.documentId, code: user.office.code, name: user.office.name, timeZone: user.office.timeZone, regencyCode: user.office.regencyCode },
      region: user.region ? { id: user.region.documentId, code: user.region.code, name: user.region.name, level: user.region.level } : null,
      access: accessOf(role.type),
    };
  }

  return {
    async login(body: unknown) {
      const identifier = textField(body, 'identifier', 255);
      const password = textField(body, 'password', 200);
      const user: any = await users().findOne({
        where: { $or: [{ username: identifier }, { email: identifier.toLowerCase() }] },
        populate: { role: true, office: true },
      });
      if (!user || !user.password) {
        // Same work as for a real account, so that timing doesn't tell which usernames exist.
        dummyHash ??= await bcrypt.hash('layanan-pbi-dummy-password', 10);
        await bcrypt.compare(password, dummyHash);
        throw unauthorized(WRONG);
      }
      if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) {
        const until = new Date(user.lockedUntil);
        throw tooManyRequests(`Akun dikunci sementara karena terlalu banyak percobaan masuk yang gagal; coba lagi setelah pukul ${clock(until, user.office?.timeZone ?? 'Asia/Jakarta')}`, {
          lockedUntil: until.toISOString(),
        });
      }
      if (!(await bcrypt.compare(password, user.password))) {
        await recordFailure(user);
        throw unauthorized(WRONG);
      }
      if (user.blocked) throw forbidden('Akun ini diblokir; hubungi admin kantor Anda');
      if (!roleDefinition(user.role?.type) || !user.office) throw forbidden('Akun ini bukan akun staf kantor');
      if (user.failedLogins || user.lockedUntil) await users().update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
      return { jwt: issue(user), user: await profile(user.id) };
    },

    async logout(staff: StaffContext): Promise<void> {
      await bumpTokenVersion(staff.userId);
    },

    me: (staff: StaffContext) => profile(staff.userId),

    async changePassword(staff: StaffContext, body: unknown) {
      const current = textField(body, 'currentPassword', 200);
      const next = textField(body, 'password', 200);
      const user: any = await users().findOne({ where: { id: staff.userId } });
      const problem = passwordProblem(next, user);
      if (problem) throw fieldError('password', problem);
      if ((body as any).passwordConfirmation !== next) throw fieldError('passwordConfirmation', 'konfirmasi kata sandi tidak sama');
      if (!(await bcrypt.compare(current, user.password))) throw fieldError('currentPassword', 'kata sandi saat ini salah');
      if (current === next) throw fieldError('password', 'kata sandi baru harus berbeda dari yang lama');
      await strapi.documents(USER as any).update({ documentId: user.documentId, data: { password: next } } as any);
      const tokenVersion = await bumpTokenVersion(staff.userId);
      return { jwt: issue({ id: staff.userId, tokenVersion }) };
    },
  };
};

export type SessionsService = ReturnType<typeof import('./sessions').default>;

export function sessionsService(strapi: Core.Strapi): SessionsService {
  return strapi.service('api::panel.sessions') as unknown as SessionsService;
}
