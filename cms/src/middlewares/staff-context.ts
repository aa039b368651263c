import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { roleDefinition } from '../domain/roles';
import type { StaffContext } from '../domain/staff';

/**
 * Route middleware of the staff API: verifies the users-permissions JWT and puts the acting
 * staff member (role, office, region) in ctx.state.staff. Routes using it set auth: false, so
 * that access is decided by our own policies and scoping, not per-route role permissions.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: any, next: () => Promise<void>) => {
    const header: string = ctx.request.header.authorization ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (!token) throw new errors.UnauthorizedError('Silakan masuk terlebih dahulu');
    let payload: { id?: number; tv?: number };
    try {
      payload = await strapi.plugin('users-permissions').service('jwt').verify(token);
    } catch {
      throw new errors.UnauthorizedError('Sesi tidak valid atau sudah berakhir; silakan masuk lagi');
    }
    const user = payload?.id
      ? await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: payload.id }, populate: { role: true, office: true } })
      : null;
    if (!user || user.blocked) throw new errors.UnauthorizedError('Akun tidak ditemukan atau diblokir');
    // Logout, a password change or a block increments the account's token version (api/panel sessions).
    if ((payload.tv ?? 0) !== (user.tokenVersion ?? 0)) throw new errors.UnauthorizedError('Sesi sudah berakhir; silakan masuk lagi');
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
    };
    ctx.state.user = user;
    ctx.state.staff = staff;
    await next();
  };
};
