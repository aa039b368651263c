import type { Core } from '@strapi/strapi';
import { addDuration, type TimeUnit } from '../core/calendar';
import { prng } from './names';
import { membershipFor, syntheticApplicant } from './synthetic-people';
import { bulkInsert, type BulkRow } from '../platform/bulk-insert';

export interface LargeOptions {
  cases: number;
  applicants: number;
  eventsPerCase: number;
  seed: number;
  log?: (message: string) => void;
}

const DAY = 86_400_000;
/** Share of cases per office: a large regency, a city, ... */
const OFFICE_WEIGHTS: Record<string, number> = { magetan: 0.4, karangasem: 0.25, banjarbaru: 0.2, tarakan: 0.15 };

/**
 * Fills the database with `applicants` people and `cases` cases spread over the offices,
 * their villages and services, three years back: most closed, the rest open at some activity,
 * a share overdue. Written in chunks, one transaction each, memory flat.
 */
export async function generateLarge(strapi: Core.Strapi, o: LargeOptions) {
  const rnd = prng(o.seed);
  const log = o.log ?? (() => {});
  const knex = strapi.db.connection;
  const offices: any[] = await knex('offices').select('id', 'code', 'regency_code', 'time_zone');
  const villages: any[] = await knex('regions').where('level', 'village').select('id', 'code');
  const standards = await strapi.documents('api::service-standard.service-standard').findMany({
    status: 'published',
    populate: { completionTime: true, sop: { populate: { activities: true, executors: true } } },
    limit: 1000,
  } as any);
  const officeList = offices.filter((x) => OFFICE_WEIGHTS[x.code]);
  const pickOffice = () => {
    let r = rnd.next();
    for (const x of officeList) {
      r -= OFFICE_WEIGHTS[x.code];
      if (r <= 0) return x;
    }
    return officeList[0];
  };
  const villagesOf = new Map(officeList.map((x) => [x.code, villages.filter((v) => v.code.startsWith(`${x.regency_code}.`))]));
  const servicesOf = new Map(officeList.map((x) => [x.code, standards.filter((s: any) => s.officeCode === x.code && s.sop?.activities?.length)]));
  const startSerial = Number((await knex('applicants').count({ n: '*' }))[0].n) + 1_000_000;
  const startCase = Number((await knex('cases').count({ n: '*' }))[0].n);
  const now = Date.now();
  const t0 = Date.now();
  const chunkCases = 10_000;
  let writtenCases = 0;
  let writtenApplicants = 0;
  let writtenEvents = 0;

  // Rows made here are consistent by construction, so (as pg_restore does) the load skips the
  // foreign-key triggers where the database lets it: on a table of a million rows, checking each
  // link row's keys came to dominate the load. Other users get the checks.
  const skipChecks = strapi.db.dialect.client === 'postgres' && (await knex.raw('select rolsuper from pg_roles where rolname = current_user')).rows[0]?.rolsuper === true;
  while (writtenCases < o.cases) {
    const n = Math.min(chunkCases, o.cases - writtenCases);
    // Applicants keep pace with cases so both targets end together.
    const nApplicants = Math.min(o.applicants - writtenApplicants, Math.ceil((n * o.applicants) / o.cases));
    const applicantRows: BulkRow[] = [];
    for (let i = 0; i < Math.max(nApplicants, 1); i += 1) {
      const office = pickOffice();
      const village = rnd.pick(villagesOf.get(office.code)!);
      const service: any = rnd.pick(servicesOf.get(office.code)!);
      applicantRows.push({
        data: syntheticApplicant(rnd, office.code, village.code, startSerial + writtenApplicants + i, membershipFor(service.slug)),
        links: { village: village.id, office: office.id },
      });
    }
    await knex.transaction(async (trx) => {
      if (skipChecks) await trx.raw('set local session_replication_role = replica');
      const applicantIds = await bulkInsert(strapi, 'api::applicant.applicant', applicantRows, { trx, chunkSize: 2000 });
      const caseRows: BulkRow[] = [];
      for (let i = 0; i < n; i += 1) {
        const k = rnd.int(0, applicantRows.length - 1);
        const person = applicantRows[k].data as any;
        const office = officeList.find((x) => x.code === person.officeCode)!;
        const service: any = rnd.pick(servicesOf.get(office.code)!);
        const acts = service.sop.activities.filter((a: any) => a.symbol !== 'end');
        const end = service.sop.activities.find((a: any) => a.symbol === 'end');
        const received = new Date(now - rnd.int(0, 3 * 365) * DAY - rnd.int(0, DAY - 1));
        const open = received.getTime() > now - 90 * DAY ? rnd.next() < 0.6 : rnd.next() < 0.02;
        const current = open ? rnd.pick(acts) : end;
        const executor = service.sop.executors.find((e: any) => e.key === current.executor);
        const ct = service.completionTime;
        const cal = { timeZone: office.time_zone };
        const dueAt = ct?.amount ? addDuration(received, Number(ct.amount), (ct.unit === 'workdays' ? 'days' : ct.unit) as TimeUnit, cal) : null;
        const started = new Date(received.getTime() + rnd.int(0, 5) * DAY);
        const seq = startCase + writtenCases + i + 1;
        caseRows.push({
          data: {
            code: `${office.code.slice(0, 3).toUpperCase()}-${received.getUTCFullYear()}-${String(seq).padStart(7, '0')}`,
            serviceSlug: service.slug,
            officeCode: office.code,
            villageCode: person.villageCode,
            districtCode: person.districtCode,
            currentActivity: current.number,
            currentExecutor: current.executor,
            queueRoles: open ? `|${(executor?.roles ?? []).join('|')}|` : null,
            status: open ? 'in-progress' : rnd.next() < 0.9 ? 'completed' : 'returned',
            priority: rnd.next() < 0.05 ? 'emergency' : 'regular',
            receivedAt: received,
            dueAt,
            activityStartedAt: started,
            activityDueAt: open && current.timeAmount ? addDuration(started, Number(current.timeAmount), (current.timeUnit === 'workdays' ? 'days' : current.timeUnit) as TimeUnit, cal) : null,
            closedAt: open ? null : new Date(started.getTime() + rnd.int(1, 20) * DAY),
            version: 1 + eventsFor(o.eventsPerCase),
          },
          links: { applicant: applicantIds[k], service: service.id, office: office.id },
        });
      }
      const caseIds = await bulkInsert(strapi, 'api::case.case', caseRows, { trx, chunkSize: 2000 });
      if (o.eventsPerCase > 0) {
        const events: BulkRow[] = [];
        caseRows.forEach((c, i) => {
          for (let e = 0; e < o.eventsPerCase; e += 1) {
            events.push({
              data: {
                caseCode: c.data.code,
                officeCode: c.data.officeCode,
                action: e === 0 ? 'create' : 'complete',
                role: 'petugas',
                at: new Date((c.data.receivedAt as Date).getTime() + e * 3600_000),
                toStatus: 'in-progress',
              },
              links: { case: caseIds[i] },
            });
          }
        });
        await bulkInsert(strapi, 'api::case-event.case-event', events, { trx, chunkSize: 3000 });
        writtenEvents += events.length;
      }
    });
    writtenCases += n;
    writtenApplicants += applicantRows.length;
    if (writtenCases % 100_000 === 0 || writtenCases === o.cases) {
      const s = (Date.now() - t0) / 1000;
      log(`generate: ${writtenCases.toLocaleString('en')} cases, ${writtenApplicants.toLocaleString('en')} applicants, ${writtenEvents.toLocaleString('en')} events in ${s.toFixed(1)} s`);
    }
  }
  if (strapi.db.dialect.client === 'postgres') await knex.raw('analyze');
  const seconds = (Date.now() - t0) / 1000;
  return {
    cases: writtenCases,
    applicants: writtenApplicants,
    events: writtenEvents,
    seconds: Number(seconds.toFixed(1)),
    rowsPerSecond: Math.round((writtenCases + writtenApplicants + writtenEvents) / seconds),
  };
}

const eventsFor = (n: number) => Math.max(0, n - 1);
