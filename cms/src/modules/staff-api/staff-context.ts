import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { roleDefinition } from '../../core/roles';
import type { StaffContext } from '../../core/staff';
import { verifyStaffToken, type StaffTokenPayload } from '../security';
import { announce, onClusterEvent } from '../cluster';

/**
 * The resolved account is kept in memory for a few seconds (STAFF_CONTEXT_CACHE_MS, default
 * 5000; 0 turns it off): a list request then costs no account queries. A token whose version
 * differs from the kept one reloads the account; logout, password changes and account edits
 * through the staff API forget it at once (forgetStaff), on every instance of a cluster too
 * (modules/cluster: PostgreSQL LISTEN/NOTIFY, milliseconds).
 */
const CACHE_MS = Number(process.env.STAFF_CONTEXT_CACHE_MS ?? 5000);
const kept = new Map<number, { user: any; staff: StaffContext; at: number }>();
/** Tokens whose signature was checked, until they expire (checking costs ~1 ms of CPU each time). */
const verified = new Map<string, StaffTokenPayload>();

/** Bumped by every forget: a load that overlapped one is not kept (it may have read the old row). */
let forgets = 0;

function forgetLocally(userId?: number): void {
  forgets += 1;
  if (userId === undefined) kept.clear();
  else kept.delete(userId);
}
onClusterEvent('staff', (key) => forgetLocally(key === undefined ? undefined : Number(key)));

/** Forgets an account here and on every other instance (at the commit of `within`, when given). */
export function forgetStaff(userId?: number, within?: Parameters<typeof announce>[2]): Promise<void> {
  forgetLocally(userId);
  return announce('staff', userId, within);
}

/**
 * Route middleware of the staff API: verifies the staff token (a users-permissions JWT issued by
 * POST /api/panel/login, modules/security/staff-token.ts) and puts the acting staff member (role,
 * office, region) in ctx.state.staff. Routes using it set auth: false, so
 * that access is decided by our own policies and scoping, not per-route role permissions.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const load = async (id: number) => {
    const forgetsBefore = forgets;
    const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id }, populate: { role: true, office: { populate: { sla: true } } } });
    if (!user || user.blocked) throw new errors.UnauthorizedError('Akun tidak ditemukan atau diblokir');
    const role = roleDefinition(user.role?.type);
    if (!role || !user.office) throw new errors.ForbiddenError('Akun ini bukan akun staf kantor');
    const staff: StaffContext = {
      userId: user.id,
      username: user.username,
      fullName: user.fullName,
      role: role.type,
      officeId: user.office.id,
      officeCode: user.office.code,
      regionCode: user.regionCode,
      scope: role.scope,
      seesFullIdentity: role.seesFullIdentity,
      timeZone: user.office.timeZone ?? undefined,
      dueSoonPercent: user.office.sla?.dueSoonPercent ?? undefined,
    };
    const entry = { user, staff, at: Date.now() };
    if (CACHE_MS > 0 && forgets === forgetsBefore) {
      if (kept.size > 10_000) kept.clear();
      kept.set(id, entry);
    }
    return entry;
  };

  return async (ctx: any, next: () => Promise<void>) => {
    const header: string = ctx.request.header.authorization ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (!token) throw new errors.UnauthorizedError('Silakan masuk terlebih dahulu');
    let payload = verified.get(token);
    if (!payload || (payload.exp ?? 0) * 1000 <= Date.now()) {
      const checked = await verifyStaffToken(strapi, token);
      if (!checked) {
        verified.delete(token);
        throw new errors.UnauthorizedError('Sesi tidak valid atau sudah berakhir; silakan masuk lagi');
      }
      payload = checked;
      if (CACHE_MS > 0 && payload.exp) {
        if (verified.size > 10_000) verified.clear();
        verified.set(token, payload);
      }
    }
    let entry = kept.get(payload.id);
    // Logout, a password change or a block increments the account's token version (api/panel sessions).
    if (!entry || Date.now() - entry.at > CACHE_MS || payload.tv !== (entry.user.tokenVersion ?? 0)) entry = await load(payload.id);
    if (payload.tv !== (entry.user.tokenVersion ?? 0)) throw new errors.UnauthorizedError('Sesi sudah berakhir; silakan masuk lagi');
    ctx.state.user = { ...entry.user };
    ctx.state.staff = { ...entry.staff };
    await next();
  };
};
