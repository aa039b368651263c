/**
 * Monthly batches (strapi.service('api::batch.batches')): a village operator's proposals
 * recapped into a village batch (Form 35 and BA), villages recapped by the district, districts
 * (or cases directly) by the office, the office batch sent to BPJS, and BPJS's cleansing result
 * recorded per line, each case following its line. Every case moved writes its own event,
 * under its own version, in the batch action's transaction.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import { bulkInsert } from '../../platform/bulk-insert';
import { caseInScope } from '../../core/case-scope';
import { localDate } from '../../core/calendar';
import { bpjsMonth, proposalMonth, type OfficeRules } from '../../core/deadlines';
import { batchStage, requirementsGate, rolesAt, type BatchStage } from '../../core/sop-walker';
import type { StaffContext } from '../../core/staff';
import { CASE_POPULATE, CASE_UID, missingRequirements, setRelation, withFiles, type CaseRecord } from './engine/case-record';
import { batchTreeIds } from './engine/batch-tree';
import { commitChange } from './engine/commit';
import { buildContext, loadOffice, type EngineContext, type OfficeInfo } from './engine/context';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { completingCurrent, parseBpjsResult, type BpjsResult, type Change } from './engine/moves';
import { bpjsCasesByNik, checkAwaitsBpjsResults, checkRecordsBpjsResults, recordBpjsResults, type BpjsResultLine } from './bpjs-results';
import { sendingToBpjs, textField } from './engine/handlers';
import { identityAsShown, seesIdentityInFull } from '../../core/identity-visibility';
import { maskNik } from '../../core/mask';
import { recordPersonalDataAccess } from '../privacy';
import { actorOf } from './engine';

const BATCH_UID = 'api::batch.batch';
const LEVEL_PREFIX: Record<BatchStage, string> = { village: 'DESA', district: 'KEC', office: 'DINSOS' };
const MAX_LINES = 5000;

interface Skipped {
  code: string;
  reason: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cases = () => strapi.db.query(CASE_UID);
  const batches = () => strapi.db.query(BATCH_UID);

  async function serviceOf(staff: StaffContext, body: any) {
    const ref = textField(body, 'service', { required: true, label: 'Layanan (service)' })!;
    return (strapi.service('api::sop.sop-version') as any).publishedService(ref, staff.officeCode);
  }

  /** The cases (with their engine context) standing at a batch stage, split into ready and skipped. */
  async function casesAtStage(staff: StaffContext, where: Record<string, unknown>, stage: BatchStage, office: { office: OfficeInfo; rules: OfficeRules }, now: Date) {
    const rows = await withFiles(strapi, await cases().findMany({ where: { ...where, status: 'in-progress' }, populate: CASE_POPULATE, orderBy: { id: 'asc' } }));
    const ready: EngineContext[] = [];
    const skipped: Skipped[] = [];
    for (const row of rows) {
      const ctx = await buildContext(strapi, row, now, office);
      const a = ctx.activity;
      if (!a || batchStage(a, ctx.track) !== stage) continue;
      if (!rolesAt(ctx.def, a).includes(staff.role)) skipped.push({ code: row.code, reason: `Kegiatan ${a.number} bukan tugas peran Anda` });
      else if (row.assignee && row.assignee.id !== staff.userId) skipped.push({ code: row.code, reason: `Ditugaskan kepada ${row.assignee.fullName || row.assignee.username}` });
      else if (requirementsGate(ctx.def) === a.number && missingRequirements(ctx.c.checklist).length) {
        skipped.push({ code: row.code, reason: `Persyaratan belum lengkap: ${missingRequirements(ctx.c.checklist).join('; ')}` });
      } else ready.push(ctx);
    }
    return { ready, skipped };
  }

  async function createBatch(
    trx: any,
    input: { level: BatchStage; region: string; std: any; office: OfficeInfo; month: string; status: string; villageCode?: string | null; districtCode?: string | null; now: Date },
  ) {
    const year = Number(localDate(input.now, input.office.timeZone).slice(0, 4));
    const seq = await (strapi.service('api::counter.counter') as any).next(trx, `batch:${input.std.slug}:${input.region}:${input.month}`, year);
    const code = `${LEVEL_PREFIX[input.level]}/${input.region}/${input.month}/${seq}`;
    const regionRow = input.level === 'office' ? null : await strapi.db.query('api::region.region').findOne({ where: { code: input.region }, select: ['id'] });
    const documentId = createId();
    const [id] = await bulkInsert(
      strapi,
      BATCH_UID,
      [
        {
          data: {
            documentId,
            code,
            level: input.level,
            regionCode: input.level === 'office' ? null : input.region,
            villageCode: input.villageCode ?? null,
            districtCode: input.districtCode ?? null,
            officeCode: input.office.code,
            serviceSlug: input.std.slug,
            month: input.month,
            status: input.status,
            caseCount: 0,
            submittedAt: input.status === 'submitted' ? input.now : null,
          },
          links: { office: input.office.id, service: input.std.id, region: regionRow?.id ?? null },
        },
      ],
      { trx },
    );
    return { id, documentId, code, level: input.level, month: input.month, status: input.status };
  }

  /**
   * Moves the ready cases into a batch (completing their activity when the batch completes
   * it). A case already in a lower batch stays linked to it (its batch is nested instead).
   */
  async function intoBatch(trx: any, ready: EngineContext[], batch: { id: number; code: string }, action: string, completes: (ctx: EngineContext) => boolean, staff: StaffContext) {
    for (const ctx of ready) {
      const data = { batch: batch.code };
      const change: Change = completes(ctx) ? completingCurrent(ctx, action, null, data) : { set: {}, event: { action, data } };
      if (!ctx.c.batch) {
        const prior = change.after;
        change.after = async (t, version) => {
          await setRelation(strapi, t, CASE_UID, 'batch', ctx.c.id, batch.id);
          return prior ? prior(t, version) : undefined;
        };
      }
      await commitChange(strapi, trx, ctx, change, actorOf(staff));
    }
    await trx('batches')
      .where({ id: batch.id })
      .update({ case_count: trx.raw('coalesce(case_count, 0) + ?', [ready.length]), updated_at: new Date() });
  }

  /** The cases of a batch and of the batches under it. */
  async function casesOfTree(batchId: number, where: Record<string, unknown> = {}): Promise<CaseRecord[]> {
    return withFiles(strapi, await cases().findMany({ where: { ...where, batch: { id: { $in: await batchTreeIds(strapi, batchId) } } }, populate: CASE_POPULATE, orderBy: { id: 'asc' } }));
  }

  const summary = (b: any, count?: number) => ({ documentId: b.documentId, code: b.code, level: b.level, month: b.month, status: b.status, ...(count !== undefined ? { caseCount: count } : {}) });

  async function visibleBatch(staff: StaffContext, documentId: string) {
    const b = await batches().findOne({ where: { documentId } });
    const visible =
      b &&
      b.officeCode === staff.officeCode &&
      (staff.scope === 'office' ||
        (staff.scope === 'village' && b.villageCode === staff.regionCode) ||
        (staff.scope === 'district' && b.districtCode === staff.regionCode) ||
        (staff.scope === 'bpjs' && ['sent-to-bpjs', 'cleansed', 'closed'].includes(b.status)));
    if (!visible) throw notFound('Rekap tidak ditemukan');
    return b;
  }

  return {
    /** Village operator: this month's ready proposals of their village into the village batch. */
    async villageRecap(staff: StaffContext, body: any) {
      if (staff.scope !== 'village' || !staff.regionCode) throw forbidden('Rekap usulan desa/kelurahan dibuat oleh operator desa/kelurahan');
      const std = await serviceOf(staff, body);
      const office = await loadOffice(strapi, staff.officeCode);
      const now = new Date();
      const { ready, skipped } = await casesAtStage(staff, { officeCode: staff.officeCode, serviceSlug: std.slug, villageCode: staff.regionCode }, 'village', office, now);
      if (!ready.length) throw invalid('service', 'Tidak ada usulan yang siap direkap', { skipped });
      const month = proposalMonth(now, office.rules);
      const result = await strapi.db.transaction(async ({ trx }) => {
        const existing = await batches().findOne({ where: { level: 'village', officeCode: staff.officeCode, serviceSlug: std.slug, villageCode: staff.regionCode, month, status: 'submitted' } });
        const batch =
          existing ??
          (await createBatch(trx, {
            level: 'village',
            region: staff.regionCode!,
            std,
            office: office.office,
            month,
            status: 'submitted',
            villageCode: staff.regionCode,
            districtCode: staff.regionCode!.slice(0, 8),
            now,
          }));
        await intoBatch(trx, ready, batch, 'village-recap', () => true, staff);
        await trx('batches').where({ id: batch.id }).update({ submitted_at: now });
        return batch;
      });
      const count = await cases().count({ where: { batch: { id: result.id } } });
      return { batch: summary(result, count), month, recapped: ready.map((c) => c.c.code), skipped };
    },

    /**
     * District operator: the proposals of their district's villages standing at the district
     * recap (from submitted village batches, or without one when entered before batches
     * existed), one district batch per proposal month.
     */
    async districtRecap(staff: StaffContext, body: any) {
      if (staff.scope !== 'district' || !staff.regionCode) throw forbidden('Rekap kecamatan dibuat oleh operator kecamatan');
      const std = await serviceOf(staff, body);
      const office = await loadOffice(strapi, staff.officeCode);
      const now = new Date();
      const { ready, skipped } = await casesAtStage(staff, { officeCode: staff.officeCode, serviceSlug: std.slug, districtCode: staff.regionCode }, 'district', office, now);
      const villageBatches = await batches().findMany({
        where: { level: 'village', officeCode: staff.officeCode, serviceSlug: std.slug, districtCode: staff.regionCode, status: 'submitted' },
        orderBy: { id: 'asc' },
      });
      const monthOf = (ctx: EngineContext) => (ctx.c.batch?.level === 'village' ? ctx.c.batch.month : proposalMonth(now, office.rules));
      const months = [...new Set<string>([...villageBatches.map((b: any) => b.month), ...ready.map(monthOf)])].sort();
      if (!ready.length) throw invalid('service', 'Belum ada usulan desa/kelurahan yang siap direkap', { skipped });
      const out: any[] = [];
      for (const month of months) {
        const ofMonth = villageBatches.filter((b: any) => b.month === month);
        const casesOfMonth = ready.filter((ctx) => monthOf(ctx) === month);
        if (!casesOfMonth.length) continue;
        const batch = await strapi.db.transaction(async ({ trx }) => {
          const ids = ofMonth.map((b: any) => b.id);
          const updated = ids.length ? await trx('batches').whereIn('id', ids).andWhere({ status: 'submitted' }).update({ status: 'recapped', updated_at: now }) : 0;
          if (updated !== ids.length) throw conflict('Sebagian rekap desa baru saja direkap oleh pengguna lain; muat ulang lalu ulangi');
          const b = await createBatch(trx, { level: 'district', region: staff.regionCode!, std, office: office.office, month, status: 'submitted', districtCode: staff.regionCode, now });
          for (const vb of ofMonth) await setRelation(strapi, trx, BATCH_UID, 'parent', vb.id, b.id);
          await intoBatch(trx, casesOfMonth, b, 'district-recap', () => true, staff);
          return b;
        });
        out.push({ ...summary(batch, casesOfMonth.length), villages: ofMonth.map((b: any) => b.code), recapped: casesOfMonth.map((c) => c.c.code) });
      }
      return { batches: out, skipped };
    },

    /** Office: the cases waiting for the office recap (from district batches or directly) into the office batch of the BPJS month. */
    async officeRecap(staff: StaffContext, body: any) {
      if (staff.scope !== 'office') throw forbidden('Rekap Dinas Sosial dibuat oleh petugas Dinas Sosial');
      const std = await serviceOf(staff, body);
      const office = await loadOffice(strapi, staff.officeCode);
      const now = new Date();
      const found = await casesAtStage(staff, { officeCode: staff.officeCode, serviceSlug: std.slug }, 'office', office, now);
      const ready = found.ready.filter((ctx) => ctx.batch?.level !== 'office');
      if (!ready.length) throw invalid('service', 'Tidak ada usulan yang siap direkap oleh Dinas Sosial', { skipped: found.skipped });
      const month = bpjsMonth(now, office.rules);
      const children = [...new Map(ready.filter((c) => c.batch).map((c) => [c.batch!.id, c.batch!])).values()];
      const batch = await strapi.db.transaction(async ({ trx }) => {
        const existing = await batches().findOne({ where: { level: 'office', officeCode: staff.officeCode, serviceSlug: std.slug, month, status: 'open' } });
        const b = existing ?? (await createBatch(trx, { level: 'office', region: staff.officeCode, std, office: office.office, month, status: 'open', now }));
        for (const child of children) {
          await setRelation(strapi, trx, BATCH_UID, 'parent', child.id, b.id);
          await trx('batches').where({ id: child.id }).update({ status: 'recapped', updated_at: now });
        }
        await intoBatch(trx, ready, b, 'office-recap', (ctx) => ctx.activity!.effect === 'office-recap', staff);
        return b;
      });
      const count = await cases().count({ where: { batch: { id: { $in: await batchTreeIds(strapi, batch.id) } } } });
      return { batch: summary(batch, count), month, recapped: ready.map((c) => c.c.code), skipped: found.skipped, from: children.map((b) => b.code) };
    },

    /** Marks the office batch sent to BPJS: its cases wait for the cleansing result. */
    async send(staff: StaffContext, documentId: string) {
      const b = await visibleBatch(staff, documentId);
      if (b.level !== 'office') throw invalid('batch', 'Hanya rekap Dinas Sosial yang dikirim ke BPJS');
      if (staff.scope !== 'office') throw forbidden('Rekap dikirim ke BPJS oleh petugas Dinas Sosial');
      const office = await loadOffice(strapi, staff.officeCode);
      const now = new Date();
      const rows = await casesOfTree(b.id, { status: 'in-progress' });
      const contexts: EngineContext[] = [];
      for (const row of rows) {
        const ctx = await buildContext(strapi, row, now, office);
        if (ctx.activity?.effect !== 'bpjs-send') continue;
        if (!rolesAt(ctx.def, ctx.activity).includes(staff.role)) throw forbidden(`Kegiatan ${ctx.activity.number} (kirim ke BPJS) bukan tugas peran Anda`);
        contexts.push(ctx);
      }
      await strapi.db.transaction(async ({ trx }) => {
        const updated = await trx('batches').where({ id: b.id, status: 'open' }).update({ status: 'sent-to-bpjs', sent_at: now, updated_at: now });
        if (updated !== 1) throw conflict(`Rekap ${b.code} sudah dikirim ke BPJS`, { status: b.status });
        for (const ctx of contexts) await commitChange(strapi, trx, ctx, sendingToBpjs(ctx, 'bpjs-send', null, { batch: b.code }), actorOf(staff));
      });
      return { batch: summary({ ...b, status: 'sent-to-bpjs' }, contexts.length), sent: contexts.map((c) => c.c.code) };
    },

    /**
     * BPJS's cleansing result, per line matched by NIK: accepted, rejected (with a reason) or
     * already a member. Lines may come in several parts; the batch is cleansed when no case
     * is pending any more.
     */
    async recordResults(staff: StaffContext, documentId: string, body: any) {
      checkRecordsBpjsResults(staff);
      const b = await visibleBatch(staff, documentId);
      checkAwaitsBpjsResults(b);
      const lines = body?.lines;
      if (!Array.isArray(lines) || !lines.length) throw invalid('lines', 'Kirim daftar hasil per NIK: lines = [{ nik, result, reason }]');
      if (lines.length > MAX_LINES) throw invalid('lines', `Paling banyak ${MAX_LINES} baris per pengiriman`);
      const seen = new Set<string>();
      const parsed = lines.map((line: any, i: number) => {
        if (typeof line?.nik !== 'string' || !/^\d{16}$/.test(line.nik)) throw invalid(`lines.${i}.nik`, `Baris ${i + 1}: NIK harus 16 digit angka`);
        if (seen.has(line.nik)) throw invalid(`lines.${i}.nik`, `Baris ${i + 1}: NIK ${maskNik(line.nik)} tercantum lebih dari sekali`);
        seen.add(line.nik);
        return { nik: line.nik as string, ...parseBpjsResult(line, `lines.${i}.`) };
      });
      const byNik = await bpjsCasesByNik(strapi, b.id);
      const unmatched: string[] = [];
      const alreadyRecorded: string[] = [];
      const matched: BpjsResultLine[] = [];
      for (const line of parsed) {
        const c = byNik.get(line.nik);
        if (!c) unmatched.push(line.nik);
        else if (c.bpjsResult !== 'pending') alreadyRecorded.push(line.nik);
        else matched.push({ c, result: line.result, reason: line.reason });
      }
      const { status } = await recordBpjsResults(strapi, { staff, batch: b, lines: matched });
      const applied: Record<BpjsResult, number> = { accepted: 0, rejected: 0, 'already-member': 0 };
      for (const line of matched) applied[line.result] += 1;
      return { batch: summary({ ...b, status }), applied, unmatched, alreadyRecorded };
    },

    /** The lines of a batch: its cases with NIK (masked for roles that don't need it in full) and result. */
    async lines(staff: StaffContext, documentId: string) {
      const b = await visibleBatch(staff, documentId);
      const where: Record<string, unknown> = { batch: { id: { $in: await batchTreeIds(strapi, b.id) } } };
      const rows: CaseRecord[] = await cases().findMany({ where, populate: { applicant: { select: ['id', 'nik', 'name'] } }, orderBy: { code: 'asc' } });
      const shown = rows.filter((r) => caseInScope(staff, r) || staff.scope === 'bpjs');
      if (seesIdentityInFull(staff)) {
        const route = `GET /api/panel/batches/${documentId}/lines`;
        const applicants = shown.flatMap((r) => (r.applicant?.nik ? [r.applicant.id] : []));
        await recordPersonalDataAccess(strapi, { staff, kind: 'list', route, purpose: `baris rekap ${b.code}`, reference: documentId, fields: ['nik'], applicants });
      }
      return {
        batch: summary(b, rows.length),
        lines: shown.map((r) => ({
          case: r.documentId,
          code: r.code,
          nik: r.applicant?.nik ? identityAsShown(staff, 'nik', r.applicant.nik) : null,
          name: r.applicant?.name ?? null,
          status: r.status,
          currentActivity: r.currentActivity,
          bpjsResult: r.bpjsResult,
          bpjsReason: r.bpjsReason,
          activeFrom: r.activeFrom,
        })),
      };
    },
  };
};
