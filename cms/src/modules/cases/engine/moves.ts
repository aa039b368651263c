/**
 * How a case moves: arriving at an activity (its queue, its due time), closing, and following
 * a BPJS result. Each function returns a Change that the engine commits in one transaction.
 */
import { activeFrom, activityDue } from '../../../core/deadlines';
import { closesOnArrival, exitOf, executorOf, queueRolesText, rolesAt, type CaseStatus, type SopActivity } from '../../../core/sop-walker';
import type { EngineContext } from './context';
import { invalid } from '../../../platform/errors';

export interface Change {
  /** Case attributes to write (besides version and updatedAt). */
  set: Record<string, unknown>;
  /** The history event (actor and case are filled in by the engine). */
  event: { action: string; toActivity?: number | null; toStatus?: string | null; note?: string | null; data?: Record<string, unknown> | null };
  /** Other writes of the same action, in its transaction, after the case row is locked. */
  after?: (trx: any, version: number) => Promise<Record<string, unknown> | void>;
  /** Clear the assignee: a new activity is picked up by whoever has its role. */
  clearAssignee?: boolean;
  /** Undo work done outside the transaction (an uploaded file) when the action fails. */
  onFail?: () => Promise<void>;
  /** Work that must wait for the commit (removing a replaced file's bytes). */
  onCommit?: () => Promise<void>;
}

export const BPJS_RESULTS = ['accepted', 'rejected', 'already-member'] as const;
export type BpjsResult = (typeof BPJS_RESULTS)[number];

export const BPJS_RESULT_LABELS: Record<BpjsResult, string> = {
  accepted: 'diterima',
  rejected: 'ditolak',
  'already-member': 'sudah terdaftar sebagai peserta JKN',
};

/** Attributes of a closed case. */
export function closing(ctx: EngineContext, status: CaseStatus, outcome: string | null | undefined): Record<string, unknown> {
  return { status, closedAt: ctx.now, queueRoles: null, waitingFor: null, activityDueAt: null, openKey: null, outcome: outcome ?? ctx.c.outcome ?? null };
}

/** The status a case closes with at the end of its SOP: "returned" when it took a Tidak branch on the way. */
export function endStatus(ctx: EngineContext): CaseStatus {
  return ctx.c.outcome ? 'returned' : 'completed';
}

/** Attributes of a case arriving at `target` (and closing there if it is a plain end). */
export function arriving(ctx: EngineContext, target: SopActivity, extra: { outcome?: string | null } = {}): Record<string, unknown> {
  const base = {
    currentActivity: target.number,
    currentExecutor: executorOf(ctx.def, target)?.key ?? target.executor,
    activityStartedAt: ctx.now,
  };
  if (closesOnArrival(target)) {
    const status: CaseStatus = (extra.outcome ?? ctx.c.outcome) ? 'returned' : 'completed';
    return { ...base, ...closing(ctx, status, extra.outcome) };
  }
  return {
    ...base,
    status: 'in-progress',
    waitingFor: null,
    queueRoles: queueRolesText(rolesAt(ctx.def, target)),
    activityDueAt: activityDue(ctx.now, target, ctx.rules, ctx.track),
    ...(extra.outcome !== undefined ? { outcome: extra.outcome } : {}),
  };
}

/** Completing the current activity: on to its next (an end activity closes the case). */
export function completingCurrent(ctx: EngineContext, action: string, note?: string | null, data?: Record<string, unknown>): Change {
  const a = ctx.activity!;
  if (a.symbol === 'end') {
    const status = endStatus(ctx);
    return { set: closing(ctx, status, null), event: { action, toActivity: a.number, toStatus: status, note, data }, clearAssignee: true };
  }
  const target = exitOf(ctx.def, a, 'complete', ctx.c.track);
  if (!target) throw invalid('currentActivity', `Kegiatan ${a.number} tidak memiliki kegiatan berikutnya yang berlaku`);
  const set = arriving(ctx, target);
  return { set, event: { action, toActivity: target.number, toStatus: set.status as string, note, data }, clearAssignee: true };
}

export function parseBpjsResult(body: any, prefix = ''): { result: BpjsResult; reason: string | null } {
  const result = body?.result;
  if (!BPJS_RESULTS.includes(result)) {
    throw invalid(`${prefix}result`, `Hasil BPJS harus salah satu dari: accepted (diterima), rejected (ditolak), already-member (sudah terdaftar)`);
  }
  const reason = typeof body?.reason === 'string' && body.reason.trim() ? body.reason.trim() : null;
  if (result === 'rejected' && !reason) throw invalid(`${prefix}reason`, 'Alasan penolakan BPJS wajib diisi');
  return { result, reason };
}

/**
 * A BPJS result for a case BPJS has decided on (sent in a batch, sent directly, or at a final
 * BPJS activity): accepted completes the BPJS step and sets the membership start; rejected
 * closes the case as rejected with BPJS's reason; already a member closes it as returned.
 */
export function followingBpjsResult(ctx: EngineContext, result: BpjsResult, reason: string | null, submissionMonth?: string | null, action = 'bpjs-result'): Change {
  const recorded = { bpjsResult: result, bpjsReason: reason };
  const data = { result, reason, ...(ctx.batch ? { batch: ctx.batch.code } : {}) };
  const note = `Hasil BPJS: ${BPJS_RESULT_LABELS[result]}${reason ? ` (${reason})` : ''}`;
  if (result === 'accepted') {
    const done = completingCurrent(ctx, action, note, data);
    return { ...done, set: { ...recorded, activeFrom: activeFrom(ctx.now, ctx.rules, submissionMonth), ...done.set } };
  }
  const status: CaseStatus = result === 'rejected' ? 'rejected' : 'returned';
  const outcome = result === 'rejected' ? `Ditolak BPJS: ${reason}` : `Sudah terdaftar sebagai peserta JKN${reason ? ` (${reason})` : ''}`;
  return { set: { ...recorded, ...closing(ctx, status, outcome) }, event: { action, toActivity: ctx.c.currentActivity, toStatus: status, note, data }, clearAssignee: true };
}
