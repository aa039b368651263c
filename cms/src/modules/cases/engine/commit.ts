/**
 * Committing a Change: the case row under its version, the action's other writes, and the
 * history event, all in one transaction (all or nothing).
 */
import type { Core } from '@strapi/strapi';
import { CASE_UID, commitCase, setRelation } from './case-record';
import type { EngineContext } from './context';
import type { Change } from './moves';

export interface ActorInfo {
  userId: number | null;
  name: string | null;
  role: string | null;
}

const leavesActivity = (ctx: EngineContext, set: Record<string, unknown>) => set.closedAt !== undefined || (set.currentActivity !== undefined && set.currentActivity !== ctx.c.currentActivity);

/** Writes one case's change inside an open transaction; returns the case's new version. */
export async function commitChange(strapi: Core.Strapi, trx: any, ctx: EngineContext, change: Change, actor: ActorInfo): Promise<number> {
  const set = { ...change.set };
  if (ctx.adopted) set.sopVersion = ctx.sopHash;
  const version = await commitCase(strapi, trx, ctx.c, set);
  if (change.clearAssignee && ctx.c.assignee) await setRelation(strapi, trx, CASE_UID, 'assignee', ctx.c.id, null);
  const extra = change.after ? await change.after(trx, version) : undefined;
  const e = change.event;
  await (strapi.service('api::case-event.history') as any).record(trx, [
    {
      caseId: ctx.c.id,
      caseCode: ctx.c.code,
      officeCode: ctx.c.officeCode,
      actorId: actor.userId,
      actorName: actor.name,
      role: actor.role,
      action: e.action,
      fromActivity: ctx.c.currentActivity,
      // Leaving the activity for another one, or closing the case: the activity's due time, so
      // that the dashboard can tell activities finished late (a return to the applicant and its
      // resume restart the same activity and are not a finish).
      fromActivityDueAt: leavesActivity(ctx, set) && ctx.c.activityDueAt ? new Date(ctx.c.activityDueAt) : null,
      toActivity: e.toActivity === undefined ? ((set.currentActivity as number | undefined) ?? ctx.c.currentActivity) : e.toActivity,
      fromStatus: ctx.c.status,
      toStatus: e.toStatus ?? (set.status as string | undefined) ?? ctx.c.status,
      note: e.note ?? null,
      at: ctx.now,
      data: { ...(e.data ?? {}), ...(extra ?? {}), version },
    },
  ]);
  return version;
}

/** Runs one case's change in its own transaction, undoing outside work if it fails, finishing it once committed. */
export async function runChange(strapi: Core.Strapi, ctx: EngineContext, change: Change, actor: ActorInfo): Promise<number> {
  let version: number;
  try {
    version = await strapi.db.transaction(async ({ trx }) => commitChange(strapi, trx, ctx, change, actor));
  } catch (err) {
    if (change.onFail) await change.onFail().catch((e) => strapi.log.warn(`Cleanup after a failed case action: ${e?.message ?? e}`));
    throw err;
  }
  if (change.onCommit) await change.onCommit().catch((e) => strapi.log.warn(`Work after a case action: ${e?.message ?? e}`));
  return version;
}
