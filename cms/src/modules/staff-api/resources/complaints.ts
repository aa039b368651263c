import { complaintRules } from '../../complaints';
import { assignOffice } from './office-owned';
import { officeScope } from './scopes';
import { OFFICE_STAFF } from './role-groups';
import type { ResourceDefinition } from './types';

const OPEN = ['new', 'in-progress'] as const;

/** Complaints (pengaduan) from every channel, with the office's reply deadline. */
export const complaints: ResourceDefinition = {
  name: 'complaints',
  uid: 'api::complaint.complaint',
  label: ['trackingCode'],
  fields: ['trackingCode', 'channel', 'anonymous', 'reporterName', 'contact', 'text', 'status', 'reply', 'repliedAt', 'receivedAt', 'dueAt', 'officeCode', 'createdAt', 'updatedAt', 'version'],
  relations: { service: 'service-standards', case: 'cases', office: 'offices' },
  computed: { overdue: (r, now) => (OPEN as readonly unknown[]).includes(r.status) && typeof r.dueAt === 'string' && new Date(r.dueAt) < now },
  filters: { trackingCode: ['eq'], status: ['eq'], channel: ['eq'], service: ['eq'], case: ['eq'], receivedAt: ['gte', 'lte'], dueAt: ['gte', 'lte'] },
  customFilters: {
    overdue: {
      type: 'boolean',
      apply: (qb, value, _staff, sql) => {
        if (value) qb.whereIn(sql.col('status'), OPEN).where(sql.col('dueAt'), '<', new Date());
        else
          qb.where((b) => {
            b.whereNotIn(sql.col('status'), OPEN).orWhereNull(sql.col('dueAt')).orWhere(sql.col('dueAt'), '>=', new Date());
          });
      },
    },
  },
  search: (qb, term, _staff, sql) => {
    qb.where((b) => {
      sql.startsWith(b, sql.col('trackingCode'), term.toUpperCase());
      sql.contains(b.or, sql.col('reporterName'), term);
    });
  },
  sortable: ['receivedAt', 'dueAt', 'status', 'trackingCode', 'createdAt'],
  defaultSort: ['dueAt', 'ASC'],
  writable: {
    create: ['channel', 'anonymous', 'reporterName', 'contact', 'text', 'service', 'case', 'receivedAt'],
    update: ['status', 'reply', 'service', 'case'],
  },
  masked: { contact: 'phone' },
  access: { read: OFFICE_STAFF, create: ['petugas', 'admin-kantor'], update: ['petugas', 'kabid', 'admin-kantor'] },
  scope: officeScope(),
  versionField: 'version',
  hooks: {
    async beforeWrite(data, ctx) {
      await assignOffice(data, ctx);
      if (ctx.action === 'create') {
        // The same code format and deadline as the public site's, so its status page finds these.
        const rules = complaintRules(ctx.strapi);
        const office: any = await ctx.strapi.db.query('api::office.office').findOne({ where: { code: ctx.staff.officeCode }, populate: { sla: true } });
        const received = data.receivedAt instanceof Date ? data.receivedAt : new Date();
        Object.assign(data, { trackingCode: await rules.newTrackingCode(), receivedAt: received, dueAt: rules.replyDueAt(office, received), status: 'new' });
      } else if (typeof data.reply === 'string' && data.reply !== ctx.current?.reply) {
        data.repliedAt = new Date();
        if (data.status === undefined && (OPEN as readonly unknown[]).includes(ctx.current?.status)) data.status = 'answered';
      }
    },
  },
};
