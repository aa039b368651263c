import { officeScope } from './scopes';
import { ALL_STAFF } from './role-groups';
import type { ResourceDefinition } from './types';

/** The staff member's own office; its admin edits the settings (contacts, calendar, targets). */
export const offices: ResourceDefinition = {
  name: 'offices',
  uid: 'api::office.office',
  label: ['name'],
  fields: ['code', 'name', 'government', 'unit', 'regencyCode', 'address', 'phone', 'email', 'website', 'timeZone', 'updatedAt', 'version'],
  relations: { regency: 'regions' },
  components: ['calendar', 'sla', 'head', 'letterheadLines', 'complaintChannels', 'socialAccounts'],
  filters: { code: ['eq'] },
  sortable: ['name', 'code'],
  defaultSort: ['name', 'ASC'],
  writable: {
    update: ['name', 'government', 'unit', 'address', 'phone', 'email', 'website', 'timeZone', 'calendar', 'sla', 'head', 'letterheadLines', 'complaintChannels', 'socialAccounts'],
  },
  access: { read: ALL_STAFF, update: ['admin-kantor'] },
  scope: officeScope('code'),
  versionField: 'version',
};
