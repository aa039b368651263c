import { ALL_STAFF } from './role-groups';
import type { ResourceDefinition } from './types';

/**
 * Administrative regions (Kemendagri codes) of the office's regency: the whole regency for
 * office staff and the BPJS liaison (it reads villages' names on the cases it is handed),
 * their district and its villages for district operators, their village for village operators.
 */
export const regions: ResourceDefinition = {
  name: 'regions',
  uid: 'api::region.region',
  label: ['name'],
  fields: ['code', 'name', 'level', 'parentCode'],
  relations: { parent: 'regions' },
  filters: { code: ['eq'], level: ['eq'], parentCode: ['eq'], parent: ['eq'] },
  search: (qb, term, _staff, sql) => {
    sql.contains(qb, sql.col('name'), term);
  },
  sortable: ['code', 'name', 'level'],
  defaultSort: ['code', 'ASC'],
  access: { read: ALL_STAFF },
  scope: (qb, staff, sql) => {
    const code = sql.col('code');
    if (staff.scope === 'village') qb.where(code, staff.regionCode ?? '');
    else if (staff.scope === 'district')
      qb.where((b) => {
        b.where(code, staff.regionCode ?? '').orWhere(sql.col('parentCode'), staff.regionCode ?? '');
      });
    else {
      const regency = sql.knex(sql.tableOf('api::office.office')).where(sql.columnOf('api::office.office', 'code'), staff.officeCode).select(sql.columnOf('api::office.office', 'regencyCode'));
      const concat = sql.knex.raw(`?? || '.%'`, [sql.columnOf('api::office.office', 'regencyCode')]);
      const prefix = sql.knex(sql.tableOf('api::office.office')).where(sql.columnOf('api::office.office', 'code'), staff.officeCode).select(concat);
      qb.where((b) => {
        b.where(code, regency).orWhere(code, 'like', prefix);
      });
    }
  },
};
