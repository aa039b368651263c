import type { Core } from '@strapi/strapi';
import { ROLES } from '../core/roles';

const ROLE_UID = 'plugin::users-permissions.role';

/** Creates the staff roles that don't exist yet; returns role ids by type. */
export async function seedRoles(strapi: Core.Strapi): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const role of ROLES) {
    let row = await strapi.db.query(ROLE_UID).findOne({ where: { type: role.type } });
    if (!row) {
      row = await strapi.db.query(ROLE_UID).create({ data: { type: role.type, name: role.name, description: role.description } });
    }
    ids[role.type] = row.id;
  }
  return ids;
}
