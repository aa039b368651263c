import { conflict, fieldError } from '../../../platform/errors';
import { SENT_TO_BPJS } from '../../../core/case-scope';
import { regionScope } from './scopes';
import { ALL_STAFF } from './role-groups';
import type { ResourceDefinition, WriteContext } from './types';

const UID = 'api::batch.batch';
const MAKERS = ['operator-desa', 'operator-kecamatan', 'petugas'] as const;

/** Level and codes of a batch follow its region: a village, a district, or none (the office recap). */
async function deriveRegion(data: Record<string, unknown>, ctx: WriteContext): Promise<void> {
  const { trx, sql, staff } = ctx;
  if (ctx.action === 'create' && data.region === undefined && staff.regionCode) {
    const own = await trx(sql.tableOf('api::region.region')).where(sql.columnOf('api::region.region', 'code'), staff.regionCode).first('document_id');
    data.region = own?.document_id ?? null;
  }
  if (data.region === undefined) return;
  const region = data.region
    ? await trx(sql.tableOf('api::region.region'))
        .where('document_id', data.region)
        .first(`${sql.columnOf('api::region.region', 'code')} as code`, `${sql.columnOf('api::region.region', 'level')} as level`, `${sql.columnOf('api::region.region', 'parentCode')} as parentCode`)
    : null;
  if (region && region.level !== 'village' && region.level !== 'district') throw fieldError('region', 'rekap hanya per desa/kelurahan, per kecamatan, atau tanpa wilayah untuk rekap kantor');
  Object.assign(data, {
    level: region ? region.level : 'office',
    regionCode: region?.code ?? null,
    villageCode: region?.level === 'village' ? region.code : null,
    districtCode: region?.level === 'village' ? region.parentCode : (region?.code ?? null),
  });
}

/** Monthly recaps of proposals: per village, per district, and the office's recap sent to BPJS. */
export const batches: ResourceDefinition = {
  name: 'batches',
  uid: UID,
  label: ['code'],
  fields: [
    'code',
    'level',
    'regionCode',
    'villageCode',
    'districtCode',
    'officeCode',
    'serviceSlug',
    'month',
    'status',
    'caseCount',
    'submittedAt',
    'sentAt',
    'resultAt',
    'createdAt',
    'updatedAt',
    'version',
  ],
  relations: { region: 'regions', office: 'offices', service: 'service-standards', parent: 'batches' },
  filters: {
    code: ['eq'],
    level: ['eq'],
    regionCode: ['eq'],
    villageCode: ['eq'],
    districtCode: ['eq'],
    serviceSlug: ['eq'],
    month: ['eq', 'gte', 'lte'],
    status: ['eq'],
    service: ['eq'],
    parent: ['eq'],
    region: ['eq'],
    submittedAt: ['gte', 'lte'],
    sentAt: ['gte', 'lte'],
  },
  search: (qb, term, _staff, sql) => {
    sql.contains(qb, sql.col('code'), term);
  },
  sortable: ['code', 'month', 'status', 'level', 'submittedAt', 'sentAt', 'createdAt'],
  defaultSort: ['month', 'DESC'],
  writable: { create: ['code', 'month', 'service', 'region'], update: ['code', 'month', 'service', 'region'] },
  access: { read: ALL_STAFF, create: MAKERS, update: MAKERS, delete: MAKERS },
  scope: regionScope({
    office: 'officeCode',
    village: 'villageCode',
    district: 'districtCode',
    bpjs: (qb, _staff, sql) => {
      qb.whereIn(sql.col('status'), SENT_TO_BPJS);
    },
  }),
  versionField: 'version',
  hooks: {
    async beforeWrite(data, ctx) {
      if (ctx.action === 'update' && ctx.current?.status !== 'open') throw conflict('Rekap yang sudah diajukan tidak dapat diubah', { field: 'status' });
      await deriveRegion(data, ctx);
      if (data.service !== undefined) {
        const service = data.service
          ? await ctx
              .trx(ctx.sql.tableOf('api::service-standard.service-standard'))
              .where('document_id', data.service)
              .first(`${ctx.sql.columnOf('api::service-standard.service-standard', 'slug')} as slug`)
          : null;
        data.serviceSlug = service?.slug ?? null;
      }
      if (ctx.action === 'create') {
        const office = await ctx.trx(ctx.sql.tableOf('api::office.office')).where(ctx.sql.columnOf('api::office.office', 'code'), ctx.staff.officeCode).first('document_id');
        Object.assign(data, { office: office.document_id, officeCode: ctx.staff.officeCode, status: 'open', caseCount: 0 });
        if (data.code == null) data.code = `${ctx.staff.officeCode}/${data.month}/${data.regionCode ?? 'kantor'}${data.serviceSlug ? `/${data.serviceSlug}` : ''}`;
      }
    },
    async beforeDelete({ record, trx, sql, rowId }) {
      if (record.status !== 'open') throw conflict('Hanya rekap berstatus "open" yang dapat dihapus');
      const cases = sql.linkOf('api::case.case', 'batch');
      if (await trx(cases.table).where(cases.target, rowId).first(cases.source)) throw conflict('Rekap ini sudah berisi kasus dan tidak dapat dihapus');
    },
  },
};
