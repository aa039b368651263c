/**
 * Completing letter activities: draft (a numbered letter; one per batch when the case goes
 * with a batch), initial (up the chain the activity names), sign, hand over.
 */
import type { Core } from '@strapi/strapi';
import { roleDefinition } from '../../../core/roles';
import type { StaffContext } from '../../../core/staff';
import { queueRolesText } from '../../../core/sop-walker';
import type { EngineContext } from './context';
import { invalid } from '../../../platform/errors';
import { completingCurrent, type Change } from './moves';

const letters = (strapi: Core.Strapi) => strapi.service('api::letter.letters') as any;

/** The letter of the activity's kind for this case, drafted now if there is none yet. */
async function letterAtHand(strapi: Core.Strapi, trx: any, ctx: EngineContext): Promise<any> {
  if (ctx.letter) return ctx.letter;
  const kind = ctx.activity!.letterKind || 'surat';
  return letters(strapi).draft(trx, ctx.office, { kind, caseId: ctx.c.id }, ctx.now);
}

export function draftChange(strapi: Core.Strapi, ctx: EngineContext, note: string | null): Change {
  const kind = ctx.activity!.letterKind || 'surat';
  const batch = ctx.batch?.level === 'office' ? ctx.batch : null;
  const change = completingCurrent(ctx, 'complete', note);
  change.after = async (trx) => {
    if (batch) {
      // One letter covers the batch: lock the batch row so that its cases share one number.
      if (strapi.db.dialect.client === 'postgres') await trx('batches').where({ id: batch.id }).forUpdate().first('id');
      const existing = await letters(strapi).latest(kind, { batchId: batch.id });
      if (existing) return { letter: existing.number };
    }
    const l = await letters(strapi).draft(trx, ctx.office, { kind, caseId: batch ? null : ctx.c.id, batchId: batch?.id ?? null }, ctx.now);
    return { letter: l.number };
  };
  return change;
}

export function initialChange(strapi: Core.Strapi, ctx: EngineContext, staff: StaffContext, note: string | null): Change {
  const a = ctx.activity!;
  const chain = a.initialRoles?.length ? a.initialRoles : null;
  const done = [...ctx.initialledRoles, staff.role];
  const pending = chain ? chain.filter((r) => !done.includes(r)) : [];
  const initial = { role: staff.role, userId: staff.userId, name: staff.fullName || staff.username, activity: a.number, at: ctx.now.toISOString() };
  const after = async (trx: any) => {
    const letter = await letterAtHand(strapi, trx, ctx);
    await letters(strapi).addInitial(letter, initial, pending.length === 0);
    return { letter: letter.number, initialledBy: done };
  };
  if (pending.length) {
    return { set: { queueRoles: queueRolesText([pending[0]]) }, event: { action: 'initial', note, toActivity: a.number, toStatus: ctx.c.status }, after, clearAssignee: true };
  }
  return { ...completingCurrent(ctx, 'complete', note), after };
}

export function signChange(strapi: Core.Strapi, ctx: EngineContext, staff: StaffContext, user: any, note: string | null): Change {
  const signer =
    staff.role === 'kepala-dinas' && ctx.office.head?.name
      ? { name: ctx.office.head.name, nip: ctx.office.head.nip ?? null, rank: ctx.office.head.rank ?? null, title: ctx.office.head.title ?? null }
      : { name: user?.fullName || staff.username, nip: user?.nip ?? null, rank: null, title: `${roleDefinition(staff.role)?.name ?? staff.role}, ${ctx.office.name}` };
  const change = completingCurrent(ctx, 'complete', note);
  change.after = async (trx) => {
    const letter = await letterAtHand(strapi, trx, ctx);
    await letters(strapi).sign(letter, signer, staff.userId, ctx.now);
    return { letter: letter.number, signer: signer.name };
  };
  return change;
}

export function handoverChange(ctx: EngineContext, note: string | null): Change {
  if (ctx.letter && ctx.letter.status !== 'signed') {
    throw invalid('letter', `Surat ${ctx.letter.number} belum ditandatangani dan belum dapat diserahkan`);
  }
  return completingCurrent(ctx, 'complete', note, ctx.letter ? { letter: ctx.letter.number } : undefined);
}
