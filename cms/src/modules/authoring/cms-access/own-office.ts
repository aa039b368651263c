import type { Core } from '@strapi/strapi';

/**
 * "Kantor sendiri": the RBAC condition that keeps a CMS office admin to their own office's
 * standards, SOPs, letter templates, office record and media (Media Library files). A CMS account belongs to the office of
 * the staff account (users-permissions, role Admin Kantor) with the same e-mail address: one
 * person, one office, whichever door they use.
 */
export const OWN_OFFICE = { name: 'own-office', id: 'api::own-office' } as const;

/** Code of the CMS role "Admin Kantor" (seeded in seed/cms-office-admins.ts). */
export const OFFICE_ADMIN_ROLE_CODE = 'layanan-office-admin';

/** The office code of a CMS account, or null when it is no active office admin's. */
export async function officeOfCmsAccount(strapi: Core.Strapi, email: string | undefined): Promise<string | null> {
  if (!email) return null;
  const staff: any = await strapi.db.query('plugin::users-permissions.user').findOne({
    where: { email: email.toLowerCase(), blocked: false, role: { type: 'admin-kantor' } },
    select: ['officeCode'],
  });
  return staff?.officeCode ?? null;
}

export function registerOwnOfficeCondition(strapi: Core.Strapi): Promise<void> {
  return (strapi.service('admin::permission') as any).conditionProvider.register({
    displayName: 'Kantor sendiri',
    name: OWN_OFFICE.name,
    category: 'Layanan PBI',
    // Strapi calls it with the admin user, the permission being evaluated merged in.
    async handler(user: { email?: string; permission?: { subject?: string } }) {
      const office = await officeOfCmsAccount(strapi, user.email);
      if (!office) return false;
      return user.permission?.subject === 'api::office.office' ? { code: { $eq: office } } : { officeCode: { $eq: office } };
    },
  });
}
