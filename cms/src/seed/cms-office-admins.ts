import type { Core } from '@strapi/strapi';
import { OFFICE_ADMIN_ROLE_CODE, OWN_OFFICE } from '../modules/authoring';
import { DEMO_PASSWORD } from './users';

export { OFFICE_ADMIN_ROLE_CODE };
/** Language of the CMS for office admins: Strapi's Indonesian translation (enabled in cms/src/admin/app.ts). */
export const ADMIN_LANGUAGE = 'id';

/** What an office admin edits in the CMS, each only for their own office. */
const OWN_OFFICE_SUBJECTS = ['api::service-standard.service-standard', 'api::sop.sop', 'api::letter-template.letter-template'];
const EDIT = ['create', 'read', 'update', 'delete', 'publish'].map((a) => `plugin::content-manager.explorer.${a}`);
/** Media Library: see, upload, edit/replace/delete, download and copy the link of the office's files. */
const MEDIA_ACTIONS = ['read', 'assets.create', 'assets.update', 'assets.download', 'assets.copy-link'].map((a) => `plugin::upload.${a}`);

/**
 * The CMS role "Admin Kantor": write and publish the office's own standards, SOPs and letter
 * templates, read and update its office record, read the regions (relation pickers), manage the
 * office's own media (logos, pictures, PDFs) in the Media Library. Made once;
 * its permissions are put back to these at every boot, so a code change reaches old installs.
 */
export async function seedOfficeAdminRole(strapi: Core.Strapi): Promise<number> {
  const roles = strapi.service('admin::role') as any;
  let role = await roles.findOne({ code: OFFICE_ADMIN_ROLE_CODE });
  if (!role) {
    role = await roles.create({ name: 'Admin Kantor', code: OFFICE_ADMIN_ROLE_CODE, description: 'Menulis dan menerbitkan Standar Pelayanan, SOP dan templat surat kantornya sendiri.' });
  }
  const { actionProvider } = strapi.service('admin::permission') as any;
  const contentTypes = strapi.service('admin::content-type') as any;
  const wanted = (actionId: string, subject: string, conditions: string[], without: string[] = []) => {
    const action = actionProvider.get(actionId);
    return contentTypes.getPermissionsWithNestedFields([{ ...action, subjects: [subject] }]).map((p: any) => {
      const fields = p.properties?.fields;
      return { ...p, ...(fields ? { properties: { ...p.properties, fields: fields.filter((f: string) => !without.includes(f)) } } : {}), conditions };
    });
  };
  // The office of a document is the admin's own (modules/authoring/write-rules/office-from-code.ts): the
  // relation is never picked, the code only typed on creation (letter templates require it), and
  // the office record's code, which everything is keyed on, stays as it is.
  const notEditable: Record<string, string[]> = { create: ['office'], update: ['office', 'officeCode'] };
  const permissions = [
    ...OWN_OFFICE_SUBJECTS.flatMap((subject) => EDIT.map((action) => wanted(action, subject, [OWN_OFFICE.id], notEditable[action.split('.').pop()!])).flat()),
    ...wanted('plugin::content-manager.explorer.read', 'api::office.office', [OWN_OFFICE.id]),
    ...wanted('plugin::content-manager.explorer.update', 'api::office.office', [OWN_OFFICE.id], ['code']),
    ...wanted('plugin::content-manager.explorer.read', 'api::region.region', []),
    // The Media Library: the office's own files only (extensions/upload/office-media.ts holds
    // folders and bulk actions to the same office).
    ...MEDIA_ACTIONS.map((action) => ({ action, subject: null, conditions: [OWN_OFFICE.id] })),
  ];
  await roles.assignPermissions(role.id, permissions);
  return role.id;
}

/** Demo installs: a CMS account per office admin, same e-mail and password as the staff account. */
export async function seedDemoOfficeAdmins(strapi: Core.Strapi, roleId: number): Promise<number> {
  const staff: any[] = await strapi.db.query('plugin::users-permissions.user').findMany({ where: { role: { type: 'admin-kantor' } }, select: ['email', 'fullName', 'username'] });
  let created = 0;
  for (const s of staff) {
    if (!s.email || (await strapi.db.query('admin::user').count({ where: { email: s.email } }))) continue;
    // Straight to the table, as for the demo super admin (the user service's telemetry outlives a short boot).
    await strapi.db.query('admin::user').create({
      data: {
        email: s.email,
        firstname: s.fullName || s.username,
        lastname: '',
        password: await (strapi.service('admin::auth') as any).hashPassword(DEMO_PASSWORD),
        isActive: true,
        blocked: false,
        registrationToken: null,
        // The CMS in Indonesian from the first login (Strapi's admin applies the user's language).
        preferedLanguage: ADMIN_LANGUAGE,
        roles: [roleId],
      },
    });
    created += 1;
  }
  // Accounts made before the language was set; a language the admin chose is kept.
  const emails = staff.map((s) => s.email).filter(Boolean);
  if (emails.length) await strapi.db.query('admin::user').updateMany({ where: { email: { $in: emails }, preferedLanguage: null }, data: { preferedLanguage: ADMIN_LANGUAGE } });
  return created;
}
