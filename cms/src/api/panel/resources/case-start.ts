import { addDuration, type OfficeCalendar, type TimeUnit } from '../../../domain/calendar';
import { conflict, fieldError } from '../lib/errors';
import { forgetQueueValues } from './queue';
import type { PanelRecord, WriteContext } from './types';

/**
 * Where a new case stands: at the first activity of its service's SOP, in the queue of that
 * activity's executor roles, due by the standard's completion time in the office's calendar.
 * The case engine moves it on from there.
 */

const CASE = 'api::case.case';
export const OPEN_CASE_STATUSES = ['in-progress', 'waiting'] as const;

async function officeCalendar(ctx: WriteContext): Promise<{ documentId: string; calendar: OfficeCalendar }> {
  const office: any = await ctx.strapi.db.query('api::office.office').findOne({ where: { code: ctx.staff.officeCode }, populate: { calendar: { populate: { holidays: true } } } });
  return {
    documentId: office.documentId,
    calendar: { timeZone: office.timeZone, workingWeekdays: office.calendar?.workingWeekdays ?? undefined, holidays: office.calendar?.holidays ?? [] },
  };
}

export async function startCase(data: Record<string, unknown>, ctx: WriteContext): Promise<void> {
  const { trx, sql, strapi } = ctx;
  if (typeof data.applicant !== 'string') throw fieldError('applicant', 'pemohon wajib diisi');
  if (typeof data.service !== 'string') throw fieldError('service', 'layanan wajib diisi');
  const applicant = await trx(sql.tableOf('api::applicant.applicant')).where('document_id', data.applicant).first('id', `${sql.columnOf('api::applicant.applicant', 'villageCode')} as villageCode`, `${sql.columnOf('api::applicant.applicant', 'districtCode')} as districtCode`);
  const standard: any = await strapi.documents('api::service-standard.service-standard').findOne({
    documentId: data.service,
    status: 'published',
    populate: { completionTime: true, requirements: true, sop: { populate: { activities: true, executors: true } } },
  } as any);
  const activities: any[] = standard?.sop?.activities ?? [];
  if (!standard || !activities.length) throw fieldError('service', 'layanan ini belum memiliki SOP terbit dengan kegiatan');
  const first = activities.find((a) => a.symbol === 'start') ?? [...activities].sort((a, b) => a.number - b.number)[0];
  const roles: string[] = standard.sop.executors.find((e: any) => e.key === first.executor)?.roles ?? [];

  const open = await trx({ c: sql.tableOf(CASE) })
    .join({ l: sql.linkOf(CASE, 'applicant').table }, `l.${sql.linkOf(CASE, 'applicant').source}`, 'c.id')
    .where(`l.${sql.linkOf(CASE, 'applicant').target}`, applicant.id)
    .where(`c.${sql.columnOf(CASE, 'serviceSlug')}`, standard.slug)
    .whereIn(`c.${sql.columnOf(CASE, 'status')}`, OPEN_CASE_STATUSES)
    .first('c.id');
  if (open) throw conflict('Pemohon ini masih memiliki kasus terbuka untuk layanan yang sama', { field: 'applicant' });

  const { documentId: officeId, calendar } = await officeCalendar(ctx);
  const now = new Date();
  const received = data.receivedAt instanceof Date ? data.receivedAt : now;
  const span = standard.completionTime;
  Object.assign(data, {
    code: `BARU-${now.getTime()}`, // replaced by afterCreate with one made from the row id
    office: officeId,
    officeCode: ctx.staff.officeCode,
    villageCode: applicant.villageCode,
    districtCode: applicant.districtCode,
    serviceSlug: standard.slug,
    currentActivity: first.number,
    currentExecutor: first.executor,
    queueRoles: roles.length ? `|${roles.join('|')}|` : null,
    status: 'in-progress',
    priority: data.priority ?? 'regular',
    receivedAt: received,
    dueAt: span?.amount && span?.unit ? addDuration(received, Number(span.amount), span.unit as TimeUnit, calendar) : null,
    activityStartedAt: now,
    activityDueAt: first.timeAmount && first.timeUnit ? addDuration(now, Number(first.timeAmount), first.timeUnit, calendar) : null,
    version: 1,
    checklist: (standard.requirements ?? []).map((r: any) => ({ key: r.key, label: r.text, required: r.required !== false, checked: false })),
  });
}

/** Case number from the row id (unique without a race), and the first history entry. */
export async function afterCaseStart(record: PanelRecord, rowId: number, ctx: WriteContext): Promise<void> {
  const { trx, sql, staff } = ctx;
  const year = new Date(String(record.receivedAt)).getUTCFullYear();
  const code = `${staff.officeCode.slice(0, 3).toUpperCase()}-${year}-${String(rowId).padStart(6, '0')}`;
  await trx(sql.tableOf(CASE)).where('id', rowId).update({ [sql.columnOf(CASE, 'code')]: code });
  record.code = code;
  forgetQueueValues(staff.officeCode);
  const actor = await trx(sql.tableOf('plugin::users-permissions.user')).where('id', staff.userId).first('document_id');
  await ctx.strapi.documents('api::case-event.case-event').create({
    data: {
      case: record.id,
      caseCode: code,
      officeCode: staff.officeCode,
      actor: actor?.document_id ?? null,
      actorName: staff.fullName ?? staff.username,
      role: staff.role,
      action: 'create',
      toActivity: record.currentActivity,
      toStatus: 'in-progress',
      at: new Date(),
    },
  } as any);
}
