import { conflict, fieldError } from '../../../platform/errors';
import { NIK_TAKEN, nikTakenInOffice } from '../../cases';
import { nikUpdateWouldPass } from './applicant-nik';
import { applicantsMatching } from './people-search';
import { bpjsCaseIds, regionScope } from './scopes';
import { ALL_STAFF } from './role-groups';
import type { ResourceDefinition } from './types';

const UID = 'api::applicant.applicant';
const EDITABLE = ['nik', 'kkNumber', 'name', 'sex', 'birthPlace', 'birthDate', 'address', 'village', 'villageCode', 'phone', 'welfareSource', 'welfareDecile', 'jknNumber', 'membership'] as const;

/** Applicants (pemohon). Their village decides district and office (document middleware applicant-scope). */
export const applicants: ResourceDefinition = {
  name: 'applicants',
  uid: UID,
  label: ['name'],
  fields: [
    'nik',
    'kkNumber',
    'name',
    'sex',
    'birthPlace',
    'birthDate',
    'address',
    'villageCode',
    'districtCode',
    'officeCode',
    'phone',
    'welfareSource',
    'welfareDecile',
    'jknNumber',
    'membership',
    'createdAt',
    'updatedAt',
    'version',
  ],
  relations: { village: 'regions', office: 'offices' },
  filters: {
    nik: ['eq'],
    kkNumber: ['eq'],
    sex: ['eq'],
    villageCode: ['eq'],
    districtCode: ['eq'],
    village: ['eq'],
    welfareSource: ['eq'],
    welfareDecile: ['eq', 'gte', 'lte'],
    membership: ['eq'],
    birthDate: ['gte', 'lte'],
    createdAt: ['gte', 'lte'],
  },
  search: (qb, term, staff, sql) => sql.whereIdIn(qb, 't.id', applicantsMatching(term, staff, sql)),
  sortable: ['name', 'nik', 'villageCode', 'birthDate', 'welfareDecile', 'createdAt', 'updatedAt'],
  defaultSort: ['name', 'ASC'],
  writable: { create: EDITABLE, update: EDITABLE },
  masked: { nik: 'nik', kkNumber: 'kk', jknNumber: 'jkn', phone: 'phone' },
  logsFullViews: 'pemohon',
  access: {
    read: ALL_STAFF,
    create: ['operator-desa', 'petugas'],
    update: ['operator-desa', 'petugas', 'pekerja-sosial'],
    delete: ['operator-desa', 'petugas'],
  },
  scope: regionScope({
    office: 'officeCode',
    village: 'villageCode',
    district: 'districtCode',
    bpjs: (qb, staff, sql) => {
      const link = sql.linkOf('api::case.case', 'applicant');
      qb.whereIn('t.id', sql.knex(link.table).whereIn(link.source, bpjsCaseIds(staff, sql)).select(link.target));
    },
  }),
  versionField: 'version',
  hooks: {
    async beforeWrite(data, ctx) {
      const { action, staff, strapi, trx, currentId } = ctx;
      if (action === 'create' && data.village == null && data.villageCode == null) throw fieldError('villageCode', 'desa/kelurahan wajib diisi');
      // An update's NIK is told taken only when the rest of the update would pass (applicant-nik.ts).
      if (action === 'update' && typeof data.nik === 'string' && (await nikUpdateWouldPass(data, ctx))) {
        if (await nikTakenInOffice(strapi, trx, staff.officeCode, data.nik, currentId!)) throw conflict(NIK_TAKEN, { field: 'nik' });
      }
    },
    // A new applicant's NIK is checked once it is written and read back within the writer's area
    // (applicant-nik.ts): checked before, the conflict would tell a probe with any village.
    async afterCreate(record, rowId, { staff, strapi, trx }) {
      if (await nikTakenInOffice(strapi, trx, staff.officeCode, String(record.nik), rowId)) throw conflict(NIK_TAKEN, { field: 'nik' });
    },
    async beforeDelete({ trx, sql, rowId }) {
      const link = sql.linkOf('api::case.case', 'applicant');
      if (await trx(link.table).where(link.target, rowId).first(link.source)) throw conflict('Pemohon ini sudah memiliki kasus dan tidak dapat dihapus');
    },
  },
};
