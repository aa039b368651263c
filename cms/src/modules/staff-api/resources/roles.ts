import { ROLE_TYPES } from '../../../core/roles';
import type { ResourceDefinition } from './types';

/** The staff roles (users-permissions roles), for choosing a user's role. */
export const roles: ResourceDefinition = {
  name: 'roles',
  uid: 'plugin::users-permissions.role',
  label: ['name'],
  fields: ['type', 'name', 'description'],
  filters: { type: ['eq'] },
  sortable: ['name', 'type'],
  defaultSort: ['name', 'ASC'],
  access: { read: ['admin-kantor'] },
  scope: (qb, _staff, sql) => {
    qb.whereIn(sql.col('type'), ROLE_TYPES);
  },
};
