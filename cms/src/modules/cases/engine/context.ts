/**
 * Everything an action is decided on: the case, the SOP version it walks, the office's
 * calendar rules, and the letter at hand for letter activities.
 */
import type { Core } from '@strapi/strapi';
import type { OfficeRules } from '../../../core/deadlines';
import { activityOf, rolesAt, trackOf, type CaseState, type SopActivity, type SopDefinition, type SopTrack } from '../../../core/sop-walker';
import { rootBatch, type BatchRef } from './batch-tree';
import { missingRequirements, type CaseRecord } from './case-record';
import { notFound } from '../../../platform/errors';

export interface OfficeInfo {
  id: number;
  code: string;
  name: string;
  regencyCode: string;
  timeZone: string;
  letterNumberFormat: string | null;
  head: { name?: string | null; nip?: string | null; rank?: string | null; title?: string | null } | null;
}

export interface EngineContext {
  c: CaseRecord;
  def: SopDefinition;
  sopHash: string;
  /** True when the case had no SOP version yet (seeded or imported) and adopts the current one now. */
  adopted: boolean;
  activity: SopActivity | undefined;
  track: SopTrack | null;
  office: OfficeInfo;
  rules: OfficeRules;
  now: Date;
  /** The top batch the case travels in (the office batch once the office has recapped it). */
  batch: BatchRef | null;
  /** The letter the current activity works on (latest of its kind for the case or its batch). */
  letter: any | null;
  initialledRoles: string[];
}

export async function loadOffice(strapi: Core.Strapi, code: string): Promise<{ office: OfficeInfo; rules: OfficeRules }> {
  const o = await strapi.db.query('api::office.office').findOne({
    where: { code },
    populate: { calendar: { populate: { holidays: true } }, head: true },
  });
  if (!o) throw notFound(`Kantor ${code} tidak ditemukan`);
  const cal = o.calendar ?? {};
  return {
    office: { id: o.id, code: o.code, name: o.name, regencyCode: o.regencyCode, timeZone: o.timeZone, letterNumberFormat: o.letterNumberFormat ?? null, head: o.head ?? null },
    rules: {
      timeZone: o.timeZone,
      workingWeekdays: Array.isArray(cal.workingWeekdays) ? cal.workingWeekdays : undefined,
      holidays: (cal.holidays ?? []).map((h: any) => ({ date: String(h.date).slice(0, 10) })),
      inputCutoffDay: cal.inputCutoffDay ?? null,
      bpjsMutationDay: cal.bpjsMutationDay ?? null,
      activeOnFirstOfNextMonth: cal.activeOnFirstOfNextMonth ?? false,
    },
  };
}

export async function definitionFor(strapi: Core.Strapi, c: Pick<CaseRecord, 'sopVersion' | 'serviceSlug' | 'officeCode'>): Promise<{ def: SopDefinition; hash: string; adopted: boolean }> {
  const versions = strapi.service('api::sop.sop-version') as any;
  if (c.sopVersion) return { def: await versions.definition(c.sopVersion), hash: c.sopVersion, adopted: false };
  const std = await versions.publishedService(c.serviceSlug, c.officeCode);
  const { hash, definition } = await versions.snapshot(std.sop, c.officeCode);
  return { def: definition, hash, adopted: true };
}

export async function buildContext(strapi: Core.Strapi, c: CaseRecord, now = new Date(), office?: { office: OfficeInfo; rules: OfficeRules }): Promise<EngineContext> {
  const [{ def, hash, adopted }, { office: o, rules }] = await Promise.all([definitionFor(strapi, c), office ?? loadOffice(strapi, c.officeCode)]);
  const activity = activityOf(def, c.currentActivity);
  const batch = c.batch ? await rootBatch(strapi, c.batch as BatchRef) : null;
  let letter: any = null;
  let initialledRoles: string[] = [];
  if (activity?.letterKind && ['letter-initial', 'letter-sign', 'handover', 'archive'].includes(activity.effect)) {
    const letters = strapi.service('api::letter.letters') as any;
    letter = (await letters.latest(activity.letterKind, { caseId: c.id })) ?? (batch ? await letters.latest(activity.letterKind, { batchId: batch.id }) : null);
    initialledRoles = ((letter?.initials ?? []) as any[]).filter((i) => i.activity === activity.number).map((i) => i.role);
  }
  return { c, def, sopHash: hash, adopted, activity, track: trackOf(def, c.track), office: o, rules, now, batch, letter, initialledRoles };
}

export function caseState(ctx: EngineContext): CaseState {
  return {
    status: ctx.c.status,
    currentActivity: ctx.c.currentActivity,
    track: ctx.c.track,
    assigneeId: ctx.c.assignee?.id ?? null,
    waitingFor: ctx.c.waitingFor,
    missingRequirements: missingRequirements(ctx.c.checklist),
    initialledRoles: ctx.initialledRoles,
  };
}

/** The roles whose turn it is now (for the queue column and for messages). */
export function currentRoles(ctx: EngineContext): string[] {
  return ctx.activity ? rolesAt(ctx.def, ctx.activity, ctx.initialledRoles) : [];
}
