/**
 * Form 35 import (strapi.service('api::job.form35-import')): a village's proposals, read as a
 * stream and validated row by row, then written as the case engine's `open` would write them
 * (applicant found or created, case at the SOP's first activity with its checklist and its
 * "open" event). All in one transaction: any problem, a cancel or a crash leaves nothing. A
 * dry run only validates.
 *
 * This service resolves what Strapi knows into a plan (modules/bulk/form35-pipeline.ts runs it). On
 * PostgreSQL the plan runs in the import worker process (modules/bulk/import-worker.ts); elsewhere, or
 * with IMPORT_WORKER=false, in the server, and with IMPORT_STAGED=false through bulkInsert.
 */
import type { Core } from '@strapi/strapi';
import { bulkInsert, type BulkRow } from '../../platform/bulk-insert';
import { importConnection } from '../../platform/sqlite-writers';
import { CHUNK, importedMessage, runForm35Import, type Form35Plan, type ImportTimings, type ValidRow } from './form35-pipeline';
import type { SheetFormat } from './sheet-reader';
import { dropStaleStages, sharedByOpened, stagedSchemaOf, tidyAfterImport, type TidyOutcome } from './staged-open';
import { endWorkerSessions, runInWorker, workerAvailable } from './worker-launch';
import { localDate } from '../../core/calendar';
import { activityDue, caseDue } from '../../core/deadlines';
import { roleDefinition } from '../../core/roles';
import { executorOf, firstActivity, openerRoles, queueRolesText, rolesAt, trackOf } from '../../core/sop-walker';
import type { StaffContext } from '../../core/staff';
import { CASE_UID, loadOffice, actorOf, openedCaseData } from '../cases';
import { fieldError, forbidden } from '../staff-api';
import type { JobOutcome, JobRun } from './jobs';

const APPLICANT_UID = 'api::applicant.applicant';

export interface PreparedService {
  std: any;
  hash: string;
  def: any;
  track: string | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const tableOf = (uid: string) => (strapi.db.metadata.get(uid as any) as any).tableName as string;
  /** Where the last import spent its time (ms), for the benchmark and the log. */
  const timings: ImportTimings = { check: 0, stage: 0, write: 0, total: 0 };

  /** The service and SOP a Form 35 opens cases of, checked when the import is requested. */
  async function prepare(staff: StaffContext, serviceRef: unknown, trackRef?: unknown): Promise<PreparedService> {
    if (typeof serviceRef !== 'string' || !serviceRef.trim()) throw fieldError('service', 'Layanan (service) wajib diisi: slug atau id layanan');
    const versions = strapi.service('api::sop.sop-version') as any;
    const std = await versions.publishedService(serviceRef.trim(), staff.officeCode);
    const { hash, definition: def } = await versions.snapshot(std.sop, staff.officeCode);
    const allowed = openerRoles(def);
    if (!allowed.includes(staff.role))
      throw forbidden(`Kasus layanan "${std.title}" dibuka oleh: ${allowed.map((r) => roleDefinition(r)?.name ?? r).join(', ')}; peran Anda: ${roleDefinition(staff.role)?.name ?? staff.role}`);
    const track = typeof trackRef === 'string' && trackRef ? trackRef : null;
    if (def.tracks.length && !track) throw fieldError('track', `Pilih jalur layanan: ${def.tracks.map((t: any) => `${t.key} (${t.label})`).join(', ')}`);
    if (track && !trackOf(def, track)) throw fieldError('track', `Jalur "${track}" tidak dikenal`);
    return { std, hash, def, track };
  }

  /** Everything the import needs, resolved from Strapi (service, SOP, office, villages, tables) into plain data. */
  async function planOf(job: JobRun): Promise<Form35Plan> {
    const staff = job.staff;
    const params = job.job.params as any;
    const { std, hash, def, track: trackKey } = await prepare(staff, params.service, params.track);
    const { office, rules } = await loadOffice(strapi, staff.officeCode);
    const regions = await knex()('regions').where('code', 'like', `${office.regencyCode}.%`).whereIn('level', ['village', 'district']).select('id', 'code', 'name', 'level');
    const track = trackOf(def, trackKey);
    const first = firstActivity(def, trackKey)!;
    const actor = actorOf(staff);
    const now = new Date();
    return {
      job: { documentId: job.job.documentId, dryRun: !!job.job.dryRun, format: job.job.format as SheetFormat, input: job.input },
      staff,
      office: { id: office.id, code: office.code, name: office.name },
      villages: regions.filter((r: any) => r.level === 'village').map((r: any) => ({ id: r.id, code: r.code, name: r.name, districtCode: r.code.slice(0, 8) })),
      districts: regions.filter((r: any) => r.level === 'district').map((r: any) => [r.code, r.name]),
      service: { id: std.id, slug: std.slug, title: std.title },
      open: {
        now,
        officeId: office.id,
        officeCode: office.code,
        service: { id: std.id, slug: std.slug },
        activity: first.number,
        executor: executorOf(def, first)?.key ?? first.executor,
        queueRoles: queueRolesText(rolesAt(def, first)),
        priority: track?.priority ?? 'regular',
        track: trackKey,
        dueAt: caseDue(now, std.completionTime, rules, track),
        activityDueAt: activityDue(now, first, rules, track),
        sopVersion: hash,
        checklist: ((std.requirements ?? []) as any[]).map((q) => ({ key: q.key, label: q.text, required: q.required !== false })),
        actor: { id: actor.userId ?? null, name: actor.name ?? null, role: actor.role ?? null },
      },
      year: Number(localDate(now, office.timeZone).slice(0, 4)),
      staged: strapi.db.dialect.client === 'postgres' && process.env.IMPORT_STAGED !== 'false',
      schema: {
        staged: stagedSchemaOf(strapi),
        counterTable: tableOf('api::counter.counter'),
        keyShareTables: { offices: tableOf('api::office.office'), services: tableOf('api::service-standard.service-standard'), regions: tableOf('api::region.region') },
      },
    };
  }

  /** The generic path (SQLite, IMPORT_STAGED=false): bulkInsert per table, as the engine's `open` would write. */
  async function writeGeneric(plan: Form35Plan, trx: any, ok: ValidRow[], codes: string[], eventData: (row: number) => Record<string, unknown>) {
    const c = plan.open;
    const fresh = ok.filter((o) => !o.applicantId);
    const ids = await bulkInsert(
      strapi,
      APPLICANT_UID,
      fresh.map(({ r, v }): BulkRow => ({
        data: {
          nik: r.nik,
          kkNumber: r.kkNumber,
          name: r.name,
          sex: r.sex,
          birthPlace: r.birthPlace,
          birthDate: r.birthDate,
          address: r.address,
          villageCode: v.code,
          districtCode: v.districtCode,
          officeCode: c.officeCode,
          phone: r.phone,
          welfareSource: 'none',
          membership: 'none',
        },
        links: { village: v.id, office: c.officeId },
      })),
      { trx, chunkSize: CHUNK },
    );
    fresh.forEach((o, i) => (o.applicantId = ids[i]));
    const caseIds = await bulkInsert(
      strapi,
      CASE_UID,
      ok.map(({ r, v, applicantId }, i): BulkRow => ({
        data: openedCaseData(sharedByOpened(c), { code: codes[i], villageCode: v.code, districtCode: v.districtCode, openKey: `${c.service.slug}|${r.nik}` }),
        links: { service: c.service.id, applicant: applicantId, office: c.officeId },
        components: { checklist: c.checklist.map((item) => ({ ...item, checked: false })) },
      })),
      { trx, chunkSize: CHUNK },
    );
    await (strapi.service('api::case-event.history') as any).record(
      trx,
      ok.map(({ r }, i) => ({
        caseId: caseIds[i],
        caseCode: codes[i],
        officeCode: c.officeCode,
        actorId: c.actor.id,
        actorName: c.actor.name,
        role: c.actor.role,
        action: 'open',
        toActivity: c.activity,
        toStatus: 'in-progress',
        note: r.note,
        at: c.now,
        data: eventData(r.row),
      })),
      { chunkSize: CHUNK },
    );
  }

  /** How many cases a committed import opened (its "open" events carry its job id). */
  async function importedBy(jobId: string): Promise<number> {
    const { tables, columns } = stagedSchemaOf(strapi);
    const [row] = await knex()(tables.event).whereRaw(`?? ->> 'import' = ?`, [columns.event.data, jobId]).count({ n: '*' });
    return Number(row?.n ?? 0);
  }

  /** The tidy-up after an import (PostgreSQL): recorded in the timings, its failures logged. */
  const tidied = (jobId: string) => (t: TidyOutcome) => {
    Object.assign(timings, { tidyMs: t.ms, tidyMergedPages: t.mergedPages });
    for (const f of t.failures) strapi.log.warn(`Form 35 import ${jobId}: tidy-up after the import: ${f}`);
  };

  async function run(job: JobRun): Promise<JobOutcome> {
    const plan = await planOf(job);
    // This import's figures only (the object is the service's, read by the benchmark).
    for (const key of Object.keys(timings) as (keyof ImportTimings)[]) delete timings[key];
    Object.assign(timings, { check: 0, stage: 0, write: 0, total: 0 });
    try {
      if (plan.staged && workerAvailable(strapi.db.dialect.client)) {
        try {
          return await runInWorker(plan, (knex() as any).client.config.connection, { ...job, tidied: tidied(job.job.documentId) }, timings);
        } catch (err) {
          // A worker that did not finish may leave a session and scratch tables behind (it
          // normally drops them): its sessions are ended first, then its tables dropped.
          await endWorkerSessions(knex(), job.job.documentId)
            .then(() => dropStaleStages(knex(), (key) => key !== job.job.documentId))
            .catch((e) => strapi.log.warn(`Form 35 import ${job.job.documentId}: cleanup after the worker failed: ${e?.message ?? e}`));
          // A worker that ended between its commit and its last message did import: say so.
          const committed = plan.job.dryRun ? 0 : await importedBy(plan.job.documentId);
          if (committed) return { status: 'succeeded', message: importedMessage(committed, plan.open.activity), problems: [], progress: { rowsWritten: committed } };
          throw err;
        }
      }
      // On SQLite the import writes on a connection of its own, so the server keeps answering.
      const own = importConnection(strapi);
      const outcome = await runForm35Import(
        plan,
        { knex: own.knex, progress: (p) => job.progress(p), checkCancelled: () => job.checkCancelled(), writeGeneric: (trx, ok, codes, eventData) => writeGeneric(plan, trx, ok, codes, eventData) },
        timings,
      ).finally(() => own.release());
      if (strapi.db.dialect.client === 'postgres' && outcome.progress.rowsWritten) void tidyAfterImport(knex(), plan.schema.staged).then(tidied(job.job.documentId));
      return outcome;
    } finally {
      strapi.log.info(`Form 35 import ${job.job.documentId}: ${JSON.stringify(timings)} ms`);
    }
  }

  return { prepare, run, importedBy, timings };
};
