import type { Core } from '@strapi/strapi';
import { DEMO_PASSWORD } from './users';

export const DEMO_CMS_ADMIN_EMAIL = 'admin@demo.layanan-pbi.id';

/** A super admin for the Strapi CMS on demo installs, so the printed login works at once. */
export async function seedDemoCmsAdmin(strapi: Core.Strapi): Promise<boolean> {
  if ((await strapi.db.query('admin::user').count({})) > 0) return false;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) return false;
  // Straight to the table: the admin user service also fires a telemetry count that outlives a
  // short boot (seeding a test template) and then fails on the closed pool.
  await strapi.db.query('admin::user').create({
    data: {
      email: DEMO_CMS_ADMIN_EMAIL,
      firstname: 'Admin',
      lastname: 'Demo',
      password: await strapi.service('admin::auth').hashPassword(DEMO_PASSWORD),
      isActive: true,
      blocked: false,
      registrationToken: null,
      roles: [superAdmin.id],
    },
  });
  return true;
}
