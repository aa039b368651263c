/**
 * What the panel shows of a case in the engine's terms: where it stands, what is due, what is
 * overdue, and how long each activity took (derived from the history).
 */
import { activityDue, activityVisits, isOverdue } from '../../../core/deadlines';
import type { ActivitySummary, CaseSummary, Timeline } from '../../../core/case-view';
import { caseStatusLabel } from '../../../core/status-labels';
import { activityOf, executorOf, OPEN_STATUSES } from '../../../core/sop-walker';
import type { EngineContext } from './context';
import { currentRoles } from './context';
import { missingRequirements } from './case-record';

export const statusLabel = (s: string) => caseStatusLabel(s);

export function activitySummary(ctx: EngineContext, n: number | null | undefined): ActivitySummary | null {
  const a = activityOf(ctx.def, n);
  if (!a) return null;
  const exec = executorOf(ctx.def, a);
  return {
    number: a.number,
    text: a.text,
    symbol: a.symbol,
    effect: a.effect,
    executor: exec ? { key: exec.key, label: exec.label, roles: exec.roles, external: !!exec.external } : null,
    output: a.output ?? null,
    time: a.timeText ?? null,
    letterKind: a.letterKind ?? null,
  };
}

/** Case files are private: they are read through the staff route, never from /uploads. */
const fileUrl = (caseId: string, fileId: number) => `/api/panel/cases/${caseId}/files/${fileId}`;

export function caseSummary(ctx: EngineContext): CaseSummary {
  const c = ctx.c;
  const open = OPEN_STATUSES.includes(c.status);
  return {
    documentId: c.documentId,
    code: c.code,
    version: c.version,
    status: c.status,
    statusLabel: statusLabel(c.status),
    waitingFor: c.waitingFor,
    priority: c.priority,
    track: ctx.track ? { key: ctx.track.key, label: ctx.track.label } : c.track ? { key: c.track, label: c.track } : null,
    service: c.service ? { documentId: c.service.documentId, slug: c.service.slug, title: c.service.title } : { slug: c.serviceSlug },
    sop: {
      name: ctx.def.name,
      number: ctx.def.number ?? null,
      version: ctx.sopHash,
      // The flow of the SOP version the case runs under, for the panel's flowchart.
      activities: ctx.def.activities.map((a) => ({
        number: a.number,
        text: a.text,
        executor: executorOf(ctx.def, a)?.label ?? a.executor,
        symbol: a.symbol,
        next: a.next ?? null,
        yesNext: a.yesNext ?? null,
        yesLabel: a.yesLabel ?? null,
        noNext: a.noNext ?? null,
        noLabel: a.noLabel ?? null,
      })),
    },
    applicant: c.applicant ? { documentId: c.applicant.documentId, name: c.applicant.name } : null,
    currentActivity: activitySummary(ctx, c.currentActivity),
    queueRoles: open ? currentRoles(ctx) : [],
    assignee: c.assignee ? { id: c.assignee.id, username: c.assignee.username, fullName: c.assignee.fullName } : null,
    receivedAt: c.receivedAt,
    dueAt: c.dueAt,
    overdue: isOverdue(c.dueAt, ctx.now, open),
    activityStartedAt: c.activityStartedAt,
    activityDueAt: c.activityDueAt,
    activityOverdue: isOverdue(c.activityDueAt, ctx.now, open),
    closedAt: c.closedAt,
    outcome: c.outcome,
    bpjsResult: c.bpjsResult,
    bpjsReason: c.bpjsReason,
    activeFrom: c.activeFrom,
    batch: c.batch ? { documentId: c.batch.documentId, code: c.batch.code, level: c.batch.level, month: c.batch.month, status: c.batch.status } : null,
    sentIn: ctx.batch && ctx.batch.id !== c.batch?.id ? { documentId: ctx.batch.documentId, code: ctx.batch.code, level: ctx.batch.level, month: ctx.batch.month, status: ctx.batch.status } : null,
    checklist: c.checklist.map((i) => ({
      key: i.key,
      label: i.label,
      required: i.required !== false,
      checked: !!i.checked,
      file: i.file ? { id: i.file.id, name: i.file.name, mime: i.file.mime, url: fileUrl(c.documentId, i.file.id) } : null,
    })),
    missingRequirements: missingRequirements(c.checklist),
    attachments: c.attachments.map((f) => ({ id: f.id, name: f.name, mime: f.mime, url: fileUrl(c.documentId, f.id) })),
    letter: ctx.letter ? { number: ctx.letter.number, kind: ctx.letter.kind, status: ctx.letter.status, initials: ctx.letter.initials ?? [] } : null,
  };
}

/** Time spent per activity visit, each against the activity's own due time. */
export function timelineOf(ctx: EngineContext, events: any[]): Timeline<Date | string> {
  const open = OPEN_STATUSES.includes(ctx.c.status);
  const visits = activityVisits(events, ctx.now, open ? null : ctx.c.closedAt);
  return {
    activities: visits.map((v) => {
      const a = activityOf(ctx.def, v.activity);
      const due = a ? activityDue(v.enteredAt, a, ctx.rules, ctx.track) : null;
      const end = v.leftAt ?? ctx.now;
      return {
        activity: v.activity,
        text: a?.text ?? null,
        executor: a ? (executorOf(ctx.def, a)?.label ?? a.executor) : null,
        enteredAt: v.enteredAt,
        leftAt: v.leftAt,
        minutes: Math.round(v.ms / 60000),
        ms: v.ms,
        dueAt: due,
        overdue: !!due && end.getTime() > due.getTime(),
      };
    }),
    events: events.map((e) => ({
      action: e.action,
      at: e.at,
      actor: e.actorName,
      role: e.role,
      fromActivity: e.fromActivity,
      toActivity: e.toActivity,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      data: typeof e.data === 'string' ? JSON.parse(e.data) : e.data,
    })),
  };
}
