/**
 * One handler per case action: validates the action's own input and says how the case changes.
 * Who may act was decided before (availableActions); the engine commits the returned Change.
 */
import type { Core } from '@strapi/strapi';
import { activityDue, caseDue } from '../../../core/deadlines';
import { exitOf, queueRolesText, rolesAt, trackOf, type CaseAction } from '../../../core/sop-walker';
import type { StaffContext } from '../../../core/staff';
import { CASE_UID, missingRequirements, setRelation } from './case-record';
import type { EngineContext } from './context';
import { invalid } from '../../../platform/errors';
import { draftChange, handoverChange, initialChange, signChange } from './letter-effects';
import { BPJS_RESULT_LABELS, arriving, closing, completingCurrent, followingBpjsResult, parseBpjsResult, type BpjsResult, type Change } from './moves';
import { attachChange, checkChange } from './requirements';

export interface ActionInput {
  body: any;
  files?: any;
  staff: StaffContext;
  user?: any;
}

type Handler = (strapi: Core.Strapi, ctx: EngineContext, input: ActionInput) => Promise<Change> | Change;

export function textField(body: any, field: string, opts: { required?: boolean; min?: number; max?: number; label?: string } = {}): string | null {
  const raw = body?.[field];
  if (raw !== undefined && raw !== null && typeof raw !== 'string') throw invalid(field, `${opts.label ?? field} harus berupa teks`);
  const value = typeof raw === 'string' ? raw.trim() : '';
  if (!value) {
    if (opts.required) throw invalid(field, `${opts.label ?? field} wajib diisi`);
    return null;
  }
  if (opts.min && value.length < opts.min) throw invalid(field, `${opts.label ?? field} terlalu singkat (minimal ${opts.min} karakter)`);
  if (value.length > (opts.max ?? 5000)) throw invalid(field, `${opts.label ?? field} terlalu panjang (maksimal ${opts.max ?? 5000} karakter)`);
  return value;
}

/** A case sent to BPJS alone (emergency track): it moves on to a BPJS activity, or waits for BPJS where it is. */
export function sendingToBpjs(ctx: EngineContext, action: string, note: string | null, data?: Record<string, unknown>): Change {
  const a = ctx.activity!;
  const next = exitOf(ctx.def, a, 'complete', ctx.c.track);
  const pending = { bpjsResult: 'pending', bpjsReason: null };
  if (next && next.effect === 'bpjs-result') {
    const set = arriving(ctx, next);
    return { set: { ...pending, ...set }, event: { action, toActivity: next.number, toStatus: set.status as string, note, data }, clearAssignee: true };
  }
  return {
    set: { ...pending, status: 'waiting', waitingFor: 'bpjs', queueRoles: queueRolesText(['petugas-bpjs']) },
    event: { action, toActivity: a.number, toStatus: 'waiting', note, data },
    clearAssignee: true,
  };
}

const complete: Handler = (strapi, ctx, { body, staff, user }) => {
  const a = ctx.activity!;
  const note = textField(body, 'note', { label: 'Catatan' });
  switch (a.effect) {
    case 'assessment': {
      const result = textField(body, 'note', { required: true, min: 10, label: 'Hasil asesmen (catatan)' });
      return completingCurrent(ctx, 'complete', result, { assessment: result });
    }
    case 'bpjs-result': {
      const { result, reason } = parseBpjsResult(body);
      // At the end of the SOP the result decides the outcome; earlier, a later decision does.
      if (a.symbol === 'end') return followingBpjsResult(ctx, result, reason, null, 'complete');
      const done = completingCurrent(ctx, 'complete', note ?? `Hasil BPJS: ${BPJS_RESULT_LABELS[result as BpjsResult] ?? result}${reason ? ` (${reason})` : ''}`, { result, reason });
      return { ...done, set: { bpjsResult: result, bpjsReason: reason, ...done.set } };
    }
    case 'bpjs-send':
      return ctx.track?.bpjsSend === 'direct' ? sendingToBpjs(ctx, 'complete', note, { sent: 'direct' }) : completingCurrent(ctx, 'complete', note);
    case 'letter-draft':
      return draftChange(strapi, ctx, note);
    case 'letter-initial':
      return initialChange(strapi, ctx, staff, note);
    case 'letter-sign':
      return signChange(strapi, ctx, staff, user, note);
    case 'handover':
      return handoverChange(ctx, note);
    default:
      return completingCurrent(ctx, 'complete', note);
  }
};

const decide =
  (exit: 'yes' | 'no'): Handler =>
  (_strapi, ctx, { body }) => {
    const a = ctx.activity!;
    const note = textField(body, 'note', { label: 'Catatan' });
    const target = exitOf(ctx.def, a, exit, ctx.c.track);
    if (!target) throw invalid('currentActivity', `Cabang "${exit === 'yes' ? 'Ya' : 'Tidak'}" kegiatan ${a.number} tidak menuju kegiatan yang berlaku`);
    const label = exit === 'yes' ? a.yesLabel || 'Ya' : a.noLabel || 'Tidak';
    const set = arriving(ctx, target, exit === 'no' ? { outcome: label } : {});
    return { set, event: { action: `decide-${exit}`, toActivity: target.number, toStatus: set.status as string, note: note ?? label, data: { decision: exit, label } }, clearAssignee: true };
  };

const returnToApplicant: Handler = (_strapi, ctx, { body }) => {
  const missing = missingRequirements(ctx.c.checklist);
  const note = textField(body, 'note', { label: 'Catatan' }) ?? (missing.length ? `Persyaratan belum lengkap: ${missing.join('; ')}` : null);
  if (!note) throw invalid('note', 'Sebutkan apa yang harus dilengkapi pemohon (semua persyaratan sudah tercentang)');
  return { set: { status: 'waiting', waitingFor: 'applicant' }, event: { action: 'return', note, data: { missing } } };
};

const resume: Handler = (_strapi, ctx, { body }) => {
  const a = ctx.activity!;
  // The clock of the activity restarts: the wait was the applicant's, not the office's.
  return {
    set: { status: 'in-progress', waitingFor: null, activityStartedAt: ctx.now, activityDueAt: activityDue(ctx.now, a, ctx.rules, ctx.track) },
    event: { action: 'resume', note: textField(body, 'note', { label: 'Catatan' }) },
  };
};

const reject: Handler = (_strapi, ctx, { body }) => {
  const reason = textField(body, 'reason', { required: true, min: 5, label: 'Alasan penolakan' })!;
  return { set: closing(ctx, 'rejected', reason), event: { action: 'reject', toStatus: 'rejected', note: reason }, clearAssignee: true };
};

const reassign: Handler = async (strapi, ctx, { body }) => {
  const ref = body?.assignee;
  if (ref === undefined || ref === null || ref === '') throw invalid('assignee', 'Pilih petugas tujuan (assignee: id atau username)');
  const where = typeof ref === 'number' || /^\d+$/.test(String(ref)) ? { id: Number(ref) } : { username: String(ref) };
  const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where, populate: { role: true } });
  const roles = rolesAt(ctx.def, ctx.activity!, ctx.initialledRoles);
  if (!user || user.blocked || user.officeCode !== ctx.c.officeCode) throw invalid('assignee', 'Petugas tujuan tidak ditemukan di kantor ini');
  if (!roles.includes(user.role?.type)) throw invalid('assignee', `Petugas tujuan tidak memiliki peran pelaksana kegiatan ${ctx.activity!.number} (${roles.join(', ')})`);
  const note = textField(body, 'note', { label: 'Catatan' });
  return {
    set: {},
    event: { action: 'reassign', note: note ?? `Dialihkan kepada ${user.fullName || user.username}`, data: { assignee: user.username, from: ctx.c.assignee?.username ?? null } },
    after: async (trx) => {
      await setRelation(strapi, trx, CASE_UID, 'assignee', ctx.c.id, user.id);
    },
  };
};

const note: Handler = (_strapi, _ctx, { body }) => ({
  set: {},
  event: { action: 'note', note: textField(body, 'note', { required: true, label: 'Catatan' }) },
});

const route: Handler = async (strapi, ctx, { body }) => {
  const key = textField(body, 'track', { required: true, label: 'Jalur layanan' });
  const track = trackOf(ctx.def, key);
  if (!track) throw invalid('track', `Jalur "${key}" tidak dikenal (pilihan: ${ctx.def.tracks.map((t) => t.key).join(', ')})`);
  if (track.key === ctx.c.track) throw invalid('track', 'Kasus sudah berada di jalur ini');
  const std = ctx.c.service ? await strapi.db.query('api::service-standard.service-standard').findOne({ where: { id: ctx.c.service.id }, populate: { completionTime: true } }) : null;
  const dueAt = caseDue(new Date(ctx.c.receivedAt), std?.completionTime, ctx.rules, track);
  return {
    set: { track: track.key, priority: track.priority, dueAt },
    event: { action: 'route', note: textField(body, 'note', { label: 'Catatan' }) ?? `Jalur: ${track.label}`, data: { track: track.key, from: ctx.c.track } },
  };
};

const bpjsResult: Handler = (_strapi, ctx, { body }) => {
  const { result, reason } = parseBpjsResult(body);
  return followingBpjsResult(ctx, result, reason, ctx.batch?.level === 'office' ? ctx.batch.month : null);
};

export const HANDLERS: Record<CaseAction, Handler> = {
  complete,
  'decide-yes': decide('yes'),
  'decide-no': decide('no'),
  return: returnToApplicant,
  resume,
  reject,
  reassign,
  note,
  check: (strapi, ctx, { body }) => checkChange(strapi, ctx, body),
  attach: (strapi, ctx, { body, files }) => attachChange(strapi, ctx, body, files),
  route,
  'bpjs-result': bpjsResult,
};
