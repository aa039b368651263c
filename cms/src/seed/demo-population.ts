import type { Core } from '@strapi/strapi';
import { bulkInsert, type BulkRow } from '../platform/bulk-insert';
import { addDuration, type OfficeCalendar, type TimeUnit } from '../core/calendar';
import { SOP_POPULATE } from '../modules/cases';
import { prng } from './names';
import { membershipFor, syntheticApplicant } from './synthetic-people';
import type { OfficeSeed } from './seed-types';

/**
 * A realistic demo population: applicants with valid synthetic NIKs in real villages, and
 * cases of every service standing at every activity of its SOP, with the history of how
 * they got there. Deterministic, so every machine shows the same demo.
 */

export interface DemoContext {
  offices: OfficeSeed[];
  officeIds: Map<string, { id: number }>;
  regionIds: Map<string, number>;
  villagesOf: (district: string) => string[];
  districtsOf: (regency: string) => string[];
  demoDistricts: Record<string, [string, string]>;
  /** Demo user id and role by office: role -> [username, id]. */
  staffOf: (office: string, role: string) => { id: number; username: string } | undefined;
  now?: Date;
}

interface Activity {
  number: number;
  executor: string;
  symbol: string;
  effect?: string;
  next?: number | null;
  yesNext?: number | null;
  noNext?: number | null;
  noLabel?: string | null;
  timeAmount?: number | null;
  timeUnit?: TimeUnit | null;
}

interface Step {
  from: number;
  to: number;
  action: 'complete' | 'decide-yes' | 'decide-no';
}

/** Every activity reachable from the first, with the steps that reach it (breadth first). */
export function pathsThroughSop(activities: Activity[]): Map<number, Step[]> {
  const byNumber = new Map(activities.map((a) => [a.number, a]));
  const first = activities.find((a) => a.symbol === 'start') ?? activities[0];
  const paths = new Map<number, Step[]>([[first.number, []]]);
  const queue = [first.number];
  while (queue.length) {
    const n = queue.shift()!;
    const a = byNumber.get(n);
    if (!a || a.symbol === 'end') continue;
    const exits: Step[] =
      a.symbol === 'decision'
        ? [...(a.yesNext ? [{ from: n, to: a.yesNext, action: 'decide-yes' as const }] : []), ...(a.noNext ? [{ from: n, to: a.noNext, action: 'decide-no' as const }] : [])]
        : a.next
          ? [{ from: n, to: a.next, action: 'complete' as const }]
          : [];
    for (const step of exits) {
      if (!paths.has(step.to)) {
        paths.set(step.to, [...paths.get(n)!, step]);
        queue.push(step.to);
      }
    }
  }
  return paths;
}

const HOUR = 3600_000;

export async function seedDemoPopulation(strapi: Core.Strapi, ctx: DemoContext): Promise<{ applicants: number; cases: number; events: number }> {
  const already = await strapi.db.query('api::case.case').count({});
  if (already > 0) return { applicants: 0, cases: 0, events: 0 };
  const now = ctx.now ?? new Date();
  const rnd = prng(20260401);
  const versions = strapi.service('api::sop.sop-version') as any;
  const standards = await strapi.documents('api::service-standard.service-standard').findMany({
    status: 'published',
    populate: { requirements: true, completionTime: true, sop: { populate: SOP_POPULATE } },
    limit: 1000,
  } as any);
  const applicantRows: BulkRow[] = [];
  const caseSpecs: { applicantIndex: number; row: BulkRow; events: { data: Record<string, unknown>; actor?: number }[] }[] = [];
  let serial = 1;
  let caseSeq = 0;

  for (const office of ctx.offices) {
    const cal: OfficeCalendar = { timeZone: office.timeZone, workingWeekdays: office.calendar.workingWeekdays, holidays: office.calendar.holidays };
    const [districtA, districtB] = ctx.demoDistricts[office.code];
    const allDistricts = ctx.districtsOf(office.regencyCode);
    const homeVillages = ctx.villagesOf(districtA).slice(0, 2);
    const newApplicant = (membership: string) => {
      const district = rnd.next() < 0.6 ? districtA : rnd.next() < 0.5 ? districtB : rnd.pick(allDistricts);
      const village = district === districtA && rnd.next() < 0.8 ? rnd.pick(homeVillages) : rnd.pick(ctx.villagesOf(district));
      serial += 1;
      applicantRows.push({
        data: syntheticApplicant(rnd, office.code, village, serial, membership),
        links: { village: ctx.regionIds.get(village), office: ctx.officeIds.get(office.code)!.id },
      });
      return applicantRows.length - 1;
    };

    for (const std of standards.filter((s: any) => s.officeCode === office.code)) {
      const sop: any = std.sop;
      if (!sop?.activities?.length) continue;
      const activities: Activity[] = sop.activities;
      const executors = new Map<string, string[]>(sop.executors.map((e: any) => [e.key, e.roles ?? []]));
      const paths = pathsThroughSop(activities);
      const membership = membershipFor(std.slug);
      // Pinned like a case the engine opens: a later edit of the SOP must not move these cases.
      const { hash: sopVersion } = await versions.snapshot(sop, office.code);
      const targets: { at: number; status: string; count: number }[] = [];
      for (const a of activities) {
        if (!paths.has(a.number)) continue;
        if (a.symbol === 'end') {
          const viaNo = paths.get(a.number)!.some((s) => s.action === 'decide-no');
          targets.push({ at: a.number, status: viaNo ? 'returned' : 'completed', count: 2 });
        } else targets.push({ at: a.number, status: 'in-progress', count: 2 });
      }
      // Ends reached both ways (Magetan: "Tidak" returns the file): also show a returned case.
      const decision = activities.find((a) => a.symbol === 'decision' && a.noNext);
      if (decision) targets.push({ at: decision.noNext!, status: 'returned', count: 1 });

      for (const target of targets) {
        for (let k = 0; k < target.count; k += 1) {
          let steps = paths.get(target.at)!;
          if (target.status === 'returned' && decision) {
            steps = [...paths.get(decision.number)!, { from: decision.number, to: decision.noNext!, action: 'decide-no' }];
          }
          const received = new Date(now.getTime() - rnd.int(2, 45 * 24) * HOUR);
          const events: { data: Record<string, unknown>; actor?: number }[] = [];
          let at = received;
          const first = steps.length ? steps[0].from : target.at;
          events.push({
            data: { action: 'create', toActivity: first, toStatus: 'in-progress', at, role: 'operator-desa' },
            actor: ctx.staffOf(office.code, executors.get(activities.find((a) => a.number === first)!.executor)?.[0] ?? 'petugas')?.id,
          });
          for (const step of steps) {
            const a = activities.find((x) => x.number === step.from)!;
            const role = executors.get(a.executor)?.[0] ?? 'petugas';
            at = new Date(at.getTime() + rnd.int(5, 180) * 60_000);
            const last = step === steps[steps.length - 1];
            const toStatus = last && target.status !== 'in-progress' ? target.status : 'in-progress';
            events.push({
              data: {
                action: step.action,
                fromActivity: step.from,
                toActivity: step.to,
                fromStatus: 'in-progress',
                toStatus,
                at,
                role,
                note: step.action === 'decide-no' ? (a.noLabel ?? null) : null,
              },
              actor: ctx.staffOf(office.code, role)?.id,
            });
          }
          const current = activities.find((a) => a.number === target.at)!;
          const currentRoles = executors.get(current.executor) ?? [];
          const passedCheck = steps.some((s) => activities.find((a) => a.number === s.from)?.effect === 'requirements-check');
          const completion = std.completionTime as any;
          const dueAt = completion ? addDuration(received, Number(completion.amount), completion.unit, cal) : null;
          const closed = target.status !== 'in-progress';
          caseSeq += 1;
          const applicantIndex = newApplicant(membership);
          const emergency = office.code === 'karangasem' && rnd.next() < 0.25;
          caseSpecs.push({
            applicantIndex,
            events,
            row: {
              data: {
                code: `${office.code.slice(0, 3).toUpperCase()}-${received.getUTCFullYear()}-${String(caseSeq).padStart(6, '0')}`,
                serviceSlug: std.slug,
                officeCode: office.code,
                villageCode: applicantRows[applicantIndex].data.villageCode,
                districtCode: applicantRows[applicantIndex].data.districtCode,
                sopVersion,
                currentActivity: current.number,
                currentExecutor: current.executor,
                queueRoles: closed ? null : `|${currentRoles.join('|')}|`,
                status: target.status,
                priority: emergency ? 'emergency' : 'regular',
                track: office.code === 'karangasem' ? (emergency ? 'emergency' : rnd.pick(['regular', 'mutation', 'reactivation'])) : null,
                receivedAt: received,
                dueAt,
                activityStartedAt: at,
                activityDueAt: !closed && current.timeAmount && current.timeUnit ? addDuration(at, Number(current.timeAmount), current.timeUnit, cal) : null,
                closedAt: closed ? at : null,
                outcome: target.status === 'returned' ? (decision?.noLabel ?? null) : null,
                version: events.length,
              },
              links: { service: std.id as number, office: ctx.officeIds.get(office.code)!.id },
              components: {
                checklist: ((std as any).requirements ?? []).map((r: any) => ({ key: r.key, label: r.text, required: r.required, checked: passedCheck })),
              },
            },
          });
        }
      }
    }
  }

  return strapi.db.connection.transaction(async (trx) => {
    const applicantIds = await bulkInsert(strapi, 'api::applicant.applicant', applicantRows, { trx });
    const caseRows = caseSpecs.map((c) => ({ ...c.row, links: { ...c.row.links, applicant: applicantIds[c.applicantIndex] } }));
    const caseIds = await bulkInsert(strapi, 'api::case.case', caseRows, { trx });
    const eventRows: BulkRow[] = [];
    caseSpecs.forEach((c, i) => {
      for (const e of c.events) {
        eventRows.push({ data: { ...e.data, caseCode: c.row.data.code, officeCode: c.row.data.officeCode, actorName: null }, links: { case: caseIds[i], actor: e.actor } });
      }
    });
    await bulkInsert(strapi, 'api::case-event.case-event', eventRows, { trx });
    return { applicants: applicantIds.length, cases: caseIds.length, events: eventRows.length };
  });
}
