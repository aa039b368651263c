import { monthAfter, startOfLocalMonth } from '../../../core/calendar';
import { OPEN_STATUSES as OPEN_CASE_STATUSES } from '../../../core/sop-walker';
import { applicantsMatching } from './people-search';
import { forgetQueueValues, whereInMyQueue } from './queue';
import { bpjsCaseIds, regionScope } from './scopes';
import { ALL_STAFF } from './role-groups';
import type { ResourceDefinition } from './types';

const isOpen = (status: unknown) => (OPEN_CASE_STATUSES as readonly unknown[]).includes(status);

/** Share of the case's time used up from which it is "due soon", where the office sets none (its sla.dueSoonPercent). */
export const DUE_SOON_PERCENT = 75;

/**
 * The case's SLA state for the panel's colours and words: closed cases have none; open ones are
 * overdue past dueAt, due soon once DUE_SOON_PERCENT of receivedAt→dueAt has passed, else on time.
 */
export function slaState(r: { status?: unknown; receivedAt?: unknown; dueAt?: unknown }, now: Date, dueSoonPercent = DUE_SOON_PERCENT): 'on-time' | 'due-soon' | 'overdue' | 'closed' | 'none' {
  if (!isOpen(r.status)) return 'closed';
  if (typeof r.dueAt !== 'string') return 'none';
  const due = new Date(r.dueAt).getTime();
  if (due < now.getTime()) return 'overdue';
  const start = typeof r.receivedAt === 'string' ? new Date(r.receivedAt).getTime() : NaN;
  if (Number.isFinite(start) && due > start && (now.getTime() - start) / (due - start) >= dueSoonPercent / 100) return 'due-soon';
  return 'on-time';
}
const DATES = ['gte', 'lte', 'gt', 'lt'] as const;

/**
 * Cases. Their state (activity, status, queue) moves only through the case engine's actions;
 * here they are listed, started, and given a priority, track or assignee.
 */
export const cases: ResourceDefinition = {
  name: 'cases',
  uid: 'api::case.case',
  label: ['code'],
  fields: [
    'code',
    'serviceSlug',
    'officeCode',
    'villageCode',
    'districtCode',
    'currentActivity',
    'currentExecutor',
    'queueRoles',
    'status',
    'priority',
    'track',
    'receivedAt',
    'dueAt',
    'activityStartedAt',
    'activityDueAt',
    'closedAt',
    'bpjsResult',
    'bpjsReason',
    'outcome',
    'activeFrom',
    'version',
    'createdAt',
    'updatedAt',
  ],
  relations: { applicant: 'applicants', service: 'service-standards', office: 'offices', assignee: 'users', batch: 'batches' },
  components: ['checklist'],
  computed: {
    overdue: (r, now) => isOpen(r.status) && typeof r.dueAt === 'string' && new Date(r.dueAt) < now,
    slaState: (r, now, staff) => slaState(r as { status?: unknown; receivedAt?: unknown; dueAt?: unknown }, now, staff?.dueSoonPercent),
  },
  filters: {
    code: ['eq'],
    serviceSlug: ['eq'],
    villageCode: ['eq'],
    districtCode: ['eq'],
    status: ['eq'],
    priority: ['eq'],
    track: ['eq'],
    currentActivity: ['eq'],
    currentExecutor: ['eq'],
    bpjsResult: ['eq'],
    receivedAt: DATES,
    dueAt: DATES,
    activityDueAt: DATES,
    closedAt: DATES,
    applicant: ['eq'],
    service: ['eq'],
    assignee: ['eq'],
    batch: ['eq'],
  },
  customFilters: {
    // A calendar month of the office ("2026-10"): received from its first midnight, office time.
    month: {
      type: 'pattern',
      pattern: /^\d{4}-(0[1-9]|1[0-2])$/,
      hint: 'bulan dalam bentuk YYYY-MM, misalnya 2026-10',
      apply: (qb, value, staff, sql) => {
        const tz = staff.timeZone ?? 'Asia/Jakarta';
        const month = String(value);
        qb.where(sql.col('receivedAt'), '>=', startOfLocalMonth(month, tz)).where(sql.col('receivedAt'), '<', startOfLocalMonth(monthAfter(month), tz));
      },
    },
    queue: { type: 'enum', values: ['mine'], apply: (qb, _v, staff, sql) => whereInMyQueue(qb, staff, sql) },
    overdue: {
      type: 'boolean',
      apply: (qb, value, _staff, sql) => {
        const now = new Date();
        if (value) qb.whereIn(sql.col('status'), OPEN_CASE_STATUSES).where(sql.col('dueAt'), '<', now);
        else
          qb.where((b) => {
            b.whereNotIn(sql.col('status'), OPEN_CASE_STATUSES).orWhereNull(sql.col('dueAt')).orWhere(sql.col('dueAt'), '>=', now);
          });
      },
    },
  },
  search: async (qb, term, staff, sql) => {
    // A case number ("MAG-2026-000123"), or the applicant's name or NIK; one or the other,
    // never OR-ed, so that each is served by its index.
    if (/^[A-Za-z]{3}-\d{4}-\d+$/.test(term)) {
      qb.where(sql.col('code'), term.toUpperCase());
      return;
    }
    const link = sql.linkOf('api::case.case', 'applicant');
    await sql.whereIdIn(
      qb,
      't.id',
      sql
        .knex(link.table)
        .whereIn(link.target, applicantsMatching(term, staff, sql))
        .select(link.source),
    );
  },
  sortable: ['code', 'receivedAt', 'dueAt', 'activityDueAt', 'closedAt', 'status', 'priority', 'villageCode', 'currentActivity', 'updatedAt'],
  defaultSort: ['dueAt', 'ASC'],
  // "Emergencies first": priority ASC puts "emergency" before "regular", then the earliest due.
  sortThen: { priority: 'dueAt' },
  writable: { create: ['applicant', 'service', 'priority', 'track', 'checklist'], update: ['priority', 'assignee'] },
  access: {
    read: ALL_STAFF,
    create: ['operator-desa', 'petugas'],
    update: ['petugas', 'kabid'],
  },
  scope: regionScope({
    office: 'officeCode',
    village: 'villageCode',
    district: 'districtCode',
    bpjs: (qb, staff, sql) => {
      qb.whereIn('t.id', bpjsCaseIds(staff, sql));
    },
  }),
  versionField: 'version',
  hooks: {
    // A case is opened by the case engine (first activity of the published SOP, its version,
    // one open case per service and NIK); the generic create only hands the body over.
    async create(body, staff, strapi) {
      const opened: any = await strapi.service('api::case.engine').open(staff, body);
      forgetQueueValues(staff.officeCode);
      return opened.case.documentId;
    },
  },
};
