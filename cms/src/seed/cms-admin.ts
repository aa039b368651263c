import type { Core } from '@strapi/strapi';
import { DEMO_PASSWORD } from './users';

export const DEMO_CMS_ADMIN_EMAIL = 'admin@demo.layanan-pbi.id';

/** A super admin for the Strapi CMS on demo installs, so the printed login works at once. */
export async function seedDemoCmsAdmin(strapi: Core.Strapi): Promise<boolean> {
  if ((await strapi.db.query('admin::user').count({})) > 0) return false;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) return false;
  await strapi.service('admin::user').create({
    email: DEMO_CMS_ADMIN_EMAIL,
    firstname: 'Admin',
    lastname: 'Demo',
    password: DEMO_PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  return true;
}
