import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { OFFICE_ADMIN_ROLE_CODE, officeOfCmsAccount } from './own-office';

const SUPER_ADMIN = 'strapi-super-admin';

/**
 * The office the current request's writes are confined to: for a CMS (Strapi admin) user with
 * the role Admin Kantor, their own office; null for everyone else (super admin, other CMS roles,
 * the staff and public APIs, seeds and jobs, which run outside a CMS request). Strapi checks a
 * create against the role's conditions without the data, so the data must be held to it here.
 * An Admin Kantor whose office can't be found may write nothing. Looked up once per request.
 */
export async function confinedOffice(strapi: Core.Strapi): Promise<string | null> {
  const ctx: any = strapi.requestContext.get();
  if (ctx?.state?.auth?.strategy?.name !== 'admin') return null;
  if ('layananOffice' in ctx.state) return ctx.state.layananOffice;
  const roles: { code?: string }[] = ctx.state.user?.roles ?? [];
  let office: string | null = null;
  if (roles.some((r) => r.code === OFFICE_ADMIN_ROLE_CODE) && !roles.some((r) => r.code === SUPER_ADMIN)) {
    office = await officeOfCmsAccount(strapi, ctx.state.user?.email);
    if (!office) throw new errors.ForbiddenError('Akun ini tidak terhubung dengan kantor mana pun');
  }
  ctx.state.layananOffice = office;
  return office;
}
