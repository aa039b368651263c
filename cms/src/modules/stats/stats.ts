/**
 * Figures of the panel's dashboard and survey page (strapi.service('api::stats.stats')): SQL
 * aggregates on the plain code columns of cases and survey responses, scoped like the case
 * list (the office; a district or village operator's own region), so they stay fast on a
 * million cases through the (office_code, …) indexes.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ELEMENT_KEYS, ikmFromSums, type ElementKey } from '../../core/ikm';
import { OPEN_STATUSES } from '../../core/sop-walker';
import type { StaffContext } from '../../core/staff';
import { fieldError, forbidden, columnOf, modelInfo, OFFICE_AND_REGION, OFFICE_STAFF } from '../staff-api';

const CASE = 'api::case.case';
const EVENT = 'api::case-event.case-event';

/** Share on time, in percent to one decimal; null when there is nothing to measure. */
const onTimeRate = (total: number, late: number) => (total ? Math.round(((total - late) / total) * 1000) / 10 : null);
const CLOSED = ['completed', 'rejected'];
const MAX_MONTHS = 36;
const SLUG = /^[a-z0-9-]{1,80}$/;

export interface StatsQuery {
  service?: string;
  months?: string;
  limit?: string;
  days?: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection as unknown as Knex;
  const pg = () => strapi.db.dialect.client === 'postgres';
  const caseModel = () => modelInfo(strapi, CASE);
  const c = (attr: string) => `c.${columnOf(caseModel(), attr)}`;

  function allow(staff: StaffContext, roles: readonly string[]) {
    if (!roles.includes(staff.role)) throw forbidden('Statistik ini tidak tersedia untuk peran Anda');
  }

  function serviceParam(q: StatsQuery): string | undefined {
    if (q.service === undefined || q.service === '') return undefined;
    if (typeof q.service !== 'string' || !SLUG.test(q.service)) throw fieldError('service', 'kode layanan (slug) tidak valid', q.service);
    return q.service;
  }

  function intParam(q: StatsQuery, name: 'months' | 'limit' | 'days', fallback: number, max: number): number {
    const raw = q[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) throw fieldError(name, `harus bilangan bulat 1 sampai ${max}`, raw);
    return n;
  }

  /** Cases the staff member may see, as on the case list (BPJS has no dashboard). */
  function scopedCases(staff: StaffContext, q: StatsQuery): Knex.QueryBuilder {
    allow(staff, OFFICE_AND_REGION);
    const qb = knex()({ c: caseModel().table }).where(c('officeCode'), staff.officeCode);
    if (staff.scope === 'village') qb.where(c('villageCode'), staff.regionCode ?? '');
    else if (staff.scope === 'district') qb.where(c('districtCode'), staff.regionCode ?? '');
    const service = serviceParam(q);
    if (service) qb.where(c('serviceSlug'), service);
    return qb;
  }

  /** Titles of the office's services by slug (the published version's). */
  async function serviceTitles(officeCode: string): Promise<Record<string, string>> {
    const m = modelInfo(strapi, 'api::service-standard.service-standard');
    const rows = await knex()(m.table)
      .where(columnOf(m, 'officeCode'), officeCode)
      .whereNotNull('published_at')
      .select(`${columnOf(m, 'slug')} as slug`, `${columnOf(m, 'title')} as title`);
    return Object.fromEntries(rows.map((r: any) => [r.slug, r.title]));
  }

  async function regionNames(codes: string[]): Promise<Record<string, string>> {
    if (!codes.length) return {};
    const m = modelInfo(strapi, 'api::region.region');
    const rows = await knex()(m.table)
      .whereIn(columnOf(m, 'code'), codes)
      .select(`${columnOf(m, 'code')} as code`, `${columnOf(m, 'name')} as name`);
    return Object.fromEntries(rows.map((r: any) => [r.code, r.name]));
  }

  async function officeTimeZone(officeCode: string): Promise<string> {
    const m = modelInfo(strapi, 'api::office.office');
    const row = await knex()(m.table)
      .where(columnOf(m, 'code'), officeCode)
      .first(`${columnOf(m, 'timeZone')} as tz`);
    return row?.tz || 'Asia/Jakarta';
  }

  /** Offset of a time zone now, as SQLite's date modifier ("+7 hours"); Indonesia has no DST. */
  function sqliteOffset(tz: string): string {
    const local = new Date(new Date().toLocaleString('en-US', { timeZone: tz }));
    const utc = new Date(new Date().toLocaleString('en-US', { timeZone: 'UTC' }));
    const minutes = Math.round((local.getTime() - utc.getTime()) / 60000);
    return `${minutes >= 0 ? '+' : ''}${minutes} minutes`;
  }

  /** The month (YYYY-MM, office time) of a datetime column. */
  function monthOf(column: string, tz: string): Knex.Raw {
    if (pg()) return knex().raw(`to_char(?? at time zone ?, 'YYYY-MM')`, [column, tz]);
    // Strapi keeps SQLite datetimes as epoch milliseconds.
    return knex().raw(`strftime('%Y-%m', ?? / 1000, 'unixepoch', ?)`, [column, sqliteOffset(tz)]);
  }

  const num = (v: unknown) => Number(v ?? 0);

  return {
    /** Cases per service and status. */
    async casesByService(staff: StaffContext, q: StatsQuery) {
      const rows = await scopedCases(staff, q)
        .groupBy(c('serviceSlug'), c('status'))
        .select(`${c('serviceSlug')} as service`, `${c('status')} as status`)
        .count({ count: '*' });
      const titles = await serviceTitles(staff.officeCode);
      const byService = new Map<string, { service: string; title: string; total: number; statuses: Record<string, number> }>();
      for (const r of rows as any[]) {
        const s: { service: string; title: string; total: number; statuses: Record<string, number> } = byService.get(r.service) ?? {
          service: r.service,
          title: titles[r.service] ?? r.service,
          total: 0,
          statuses: {},
        };
        s.statuses[r.status] = num(r.count);
        s.total += num(r.count);
        byService.set(r.service, s);
      }
      return { services: [...byService.values()].sort((a, b) => b.total - a.total) };
    },

    /**
     * SLA per activity: the open cases standing at each activity and how many of them are past
     * the activity's own due time (activityDueAt) or the case's (dueAt); and the activities
     * finished in the last `days` days (default 90): each event that took a case off an
     * activity records that activity's due time (fromActivityDueAt), so finished late means the
     * event came after it.
     */
    async slaByActivity(staff: StaffContext, q: StatsQuery) {
      const now = new Date();
      const days = intParam(q, 'days', 90, 366);
      const since = new Date(now.getTime() - days * 86_400_000);
      const rows = await scopedCases(staff, q)
        .whereIn(c('status'), OPEN_STATUSES)
        .groupBy(c('serviceSlug'), c('currentActivity'))
        .select(`${c('serviceSlug')} as service`, `${c('currentActivity')} as activity`)
        .count({ open: '*' })
        .select(knex().raw(`sum(case when ?? < ? then 1 else 0 end) as "activityOverdue"`, [c('activityDueAt'), now]))
        .select(knex().raw(`sum(case when ?? < ? then 1 else 0 end) as "caseOverdue"`, [c('dueAt'), now]));
      const ev = modelInfo(strapi, EVENT);
      const e = (attr: string) => `e.${columnOf(ev, attr)}`;
      const finished = await scopedCases(staff, q)
        .join({ e: ev.table }, e('caseCode'), c('code'))
        .where(e('officeCode'), staff.officeCode)
        .where(e('at'), '>=', since)
        .whereNotNull(e('fromActivityDueAt'))
        .groupBy(c('serviceSlug'), e('fromActivity'))
        .select(`${c('serviceSlug')} as service`, `${e('fromActivity')} as activity`)
        .count({ finished: '*' })
        .select(knex().raw(`sum(case when ?? > ?? then 1 else 0 end) as "finishedLate"`, [e('at'), e('fromActivityDueAt')]));
      const titles = await serviceTitles(staff.officeCode);
      const byKey = new Map<string, any>();
      const entry = (service: string, activity: unknown) => {
        const key = `${service}|${activity ?? ''}`;
        let a = byKey.get(key);
        if (!a) {
          a = { service, title: titles[service] ?? service, activity: activity == null ? null : num(activity), open: 0, activityOverdue: 0, caseOverdue: 0, finished: 0, finishedLate: 0 };
          byKey.set(key, a);
        }
        return a;
      };
      for (const r of rows as any[]) Object.assign(entry(r.service, r.activity), { open: num(r.open), activityOverdue: num(r.activityOverdue), caseOverdue: num(r.caseOverdue) });
      for (const r of finished as any[]) Object.assign(entry(r.service, r.activity), { finished: num(r.finished), finishedLate: num(r.finishedLate) });
      const activities = [...byKey.values()]
        .map((a) => ({ ...a, onTimeRate: onTimeRate(a.open, a.activityOverdue), finishedOnTimeRate: onTimeRate(a.finished, a.finishedLate) }))
        .sort((x, y) => x.service.localeCompare(y.service) || (x.activity ?? 0) - (y.activity ?? 0));
      return { at: now.toISOString(), since: since.toISOString(), days, activities };
    },

    /** SLA per month: cases closed each month (office time) of the last `months`, and how many within their due time. */
    async slaByMonth(staff: StaffContext, q: StatsQuery) {
      const months = intParam(q, 'months', 12, MAX_MONTHS);
      const tz = await officeTimeZone(staff.officeCode);
      const since = new Date();
      since.setUTCDate(1);
      since.setUTCMonth(since.getUTCMonth() - months + 1);
      since.setUTCHours(0, 0, 0, 0);
      since.setTime(since.getTime() - 14 * 3600_000); // any zone's month start lies after this
      const month = monthOf(c('closedAt'), tz);
      const rows = await scopedCases(staff, q)
        .whereIn(c('status'), CLOSED)
        .where(c('closedAt'), '>=', since)
        .select({ month })
        // By position: PostgreSQL sees the time zone parameter of the select and of a repeated
        // expression in GROUP BY as different expressions.
        .groupByRaw('1')
        .count({ closed: '*' })
        .select(knex().raw(`sum(case when ?? <= ?? then 1 else 0 end) as "onTime"`, [c('closedAt'), c('dueAt')]))
        .orderByRaw('1');
      // Every month of the window, empty ones as zeros, so that a chart keeps its time axis.
      const byMonth = new Map((rows as any[]).map((r) => [r.month, r]));
      return {
        months: lastMonths(months, tz).map((month) => {
          const closed = num(byMonth.get(month)?.closed);
          const onTime = num(byMonth.get(month)?.onTime);
          return { month, closed, onTime, late: closed - onTime, onTimeRate: onTimeRate(closed, closed - onTime) };
        }),
      };
    },

    /** Backlog per village: open cases (and the overdue among them), the biggest first. */
    async backlogByVillage(staff: StaffContext, q: StatsQuery) {
      const limit = intParam(q, 'limit', 20, 200);
      const now = new Date();
      const rows = await scopedCases(staff, q)
        .whereIn(c('status'), OPEN_STATUSES)
        .groupBy(c('villageCode'))
        .select(`${c('villageCode')} as village`)
        .count({ open: '*' })
        .select(knex().raw(`sum(case when ?? < ? then 1 else 0 end) as "overdue"`, [c('dueAt'), now]))
        .orderBy([{ column: 'open', order: 'desc' }, { column: 'village' }])
        .limit(limit);
      const names = await regionNames((rows as any[]).map((r) => r.village).filter(Boolean));
      return { villages: (rows as any[]).map((r) => ({ village: r.village, name: names[r.village] ?? r.village ?? '-', open: num(r.open), overdue: num(r.overdue) })) };
    },

    /** IKM (PermenPANRB 14/2017) of each service of the office from its survey responses. */
    async ikm(staff: StaffContext, q: StatsQuery) {
      allow(staff, OFFICE_STAFF);
      const m = modelInfo(strapi, 'api::survey-response.survey-response');
      const col = (a: string) => columnOf(m, a);
      const qb = knex()(m.table).where(col('officeCode'), staff.officeCode);
      const service = serviceParam(q);
      if (service) qb.where(col('serviceSlug'), service);
      const rows = await qb
        .groupBy(col('serviceSlug'))
        .select(`${col('serviceSlug')} as service`)
        .count({ respondents: '*' })
        .select(ELEMENT_KEYS.map((k) => knex().raw(`sum(??) as ??`, [col(k), k])));
      const titles = await serviceTitles(staff.officeCode);
      const results = (rows as any[]).map((r) => {
        const sums = Object.fromEntries(ELEMENT_KEYS.map((k) => [k, num(r[k])])) as Record<ElementKey, number>;
        return { service: r.service, title: titles[r.service] ?? r.service, ...ikmFromSums(num(r.respondents), sums)! };
      });
      const total = results.reduce((s, r) => s + r.respondents, 0);
      const allSums = Object.fromEntries(ELEMENT_KEYS.map((k) => [k, (rows as any[]).reduce((s, r) => s + num(r[k]), 0)])) as Record<ElementKey, number>;
      return { services: results.sort((a, b) => a.title.localeCompare(b.title)), office: ikmFromSums(total, allSums) };
    },
  };
};

/** The last n months (YYYY-MM) in a time zone, oldest first. */
export function lastMonths(n: number, tz: string, now = new Date()): string[] {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit' }).format(now).split('-').map(Number);
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}
