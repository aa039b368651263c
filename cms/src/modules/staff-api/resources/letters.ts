import { errors } from '@strapi/utils';
import { conflict, fieldError } from '../../../platform/errors';
import { assignOffice } from './office-owned';
import { officeScope } from './scopes';
import { LETTER_WRITERS, OFFICE_STAFF } from './role-groups';
import type { ResourceDefinition } from './types';

const EDITABLE = ['kind', 'date', 'case', 'batch', 'addressee', 'subject', 'body'] as const;

/** Outgoing letters. Numbering, initials and signatures are the case engine's actions. */
export const letters: ResourceDefinition = {
  name: 'letters',
  uid: 'api::letter.letter',
  label: ['number', 'subject', 'kind'],
  fields: ['kind', 'number', 'sequence', 'year', 'date', 'addressee', 'subject', 'body', 'status', 'signedAt', 'officeCode', 'createdAt', 'updatedAt', 'version'],
  relations: { case: 'cases', batch: 'batches', office: 'offices', signedBy: 'users' },
  components: ['signer'],
  filters: { kind: ['eq'], status: ['eq'], year: ['eq'], number: ['eq'], case: ['eq'], batch: ['eq'], date: ['gte', 'lte'] },
  customFilters: {
    // A case's letters: its own, and those of the batches it was recapped into (the PBI-D
    // request to Dinkes is a letter of the office batch), which the case page lists too.
    forCase: {
      type: 'pattern',
      pattern: /^[a-z0-9]{1,64}$/,
      hint: 'documentId kasus',
      apply: (qb, value, _staff, sql) => {
        const caseBatch = sql.linkOf('api::case.case', 'batch');
        const parent = sql.linkOf('api::batch.batch', 'parent');
        const letterCase = sql.linkOf('api::letter.letter', 'case');
        const letterBatch = sql.linkOf('api::letter.letter', 'batch');
        const caseIds = sql.knex(sql.tableOf('api::case.case')).where('document_id', String(value)).select('id');
        const own = sql.knex(caseBatch.table).whereIn(caseBatch.source, caseIds).whereNotNull(caseBatch.target).select(caseBatch.target);
        const up = (ids: any) => sql.knex(parent.table).whereIn(parent.source, ids).select(parent.target);
        const district = up(own);
        const batches = [own, district, up(district)];
        qb.where((w) => {
          w.whereIn('t.id', sql.knex(letterCase.table).whereIn(letterCase.target, caseIds).select(letterCase.source));
          for (const ids of batches) w.orWhereIn('t.id', sql.knex(letterBatch.table).whereIn(letterBatch.target, ids).select(letterBatch.source));
        });
      },
    },
  },
  search: (qb, term, _staff, sql) => {
    qb.where((b) => {
      sql.contains(b, sql.col('subject'), term);
      sql.startsWith(b.or, sql.col('number'), term);
    });
  },
  sortable: ['date', 'number', 'kind', 'status', 'createdAt'],
  defaultSort: ['createdAt', 'DESC'],
  writable: { create: EDITABLE, update: EDITABLE },
  access: { read: OFFICE_STAFF, create: LETTER_WRITERS, update: LETTER_WRITERS, delete: ['petugas', 'kabid'] },
  scope: officeScope(),
  versionField: 'version',
  hooks: {
    async beforeWrite(data, ctx) {
      if (ctx.action === 'update' && ctx.current?.status !== 'draft') throw conflict('Surat yang sudah diparaf atau ditandatangani tidak dapat diubah', { field: 'status' });
      await assignOffice(data, ctx);
      if (ctx.action === 'create') data.status = 'draft';
      // A letter prints from its kind's template: refuse a kind the office has no template for
      // now, rather than a letter that can never print.
      if (typeof data.kind === 'string' && data.kind !== ctx.current?.kind) {
        const officeCode = (data.officeCode as string | undefined) ?? ctx.staff.officeCode;
        try {
          await ctx.strapi.service('api::document.letters').template(officeCode, data.kind);
        } catch (err) {
          if (!(err instanceof errors.ValidationError)) throw err;
          throw fieldError('kind', `templat surat untuk jenis "${data.kind}" belum ada; buat di CMS (Templat surat)`, data.kind);
        }
      }
    },
    async beforeDelete({ record }) {
      if (record.status !== 'draft') throw conflict('Hanya surat berstatus draf yang dapat dihapus');
    },
  },
};
