/**
 * Form 35 import (strapi.service('api::job.form35-import')): a village's proposals, read as a
 * stream and validated row by row, then written as the case engine's `open` would write them
 * (applicant found or created, case at the SOP's first activity with its checklist and its
 * "open" event), in multi-row inserts / COPY. All in one transaction: any problem, a cancel
 * or a crash leaves nothing. A dry run only validates.
 */
import type { Core } from '@strapi/strapi';
import { bulkInsert, linkTableOf, type BulkRow } from '../../../database/bulk-insert';
import { isBlankRow, looksLikeHeader, mapHeader, readForm35Row, type Form35Row, type HeaderMap, type Problem } from '../../../bulk/form35';
import { FileProblem } from '../../../bulk/csv';
import { readSheet, type SheetFormat } from '../../../bulk/sheet-reader';
import { stagedOpenWriter } from '../../../bulk/staged-open';
import { applicantInScope } from '../../../domain/case-scope';
import { localDate } from '../../../domain/calendar';
import { activityDue, caseDue } from '../../../domain/deadlines';
import { roleDefinition } from '../../../domain/roles';
import { executorOf, firstActivity, openerRoles, OPEN_STATUSES, queueRolesText, rolesAt, trackOf } from '../../../domain/sop-walker';
import type { StaffContext } from '../../../domain/staff';
import { CASE_UID } from '../../case/services/engine/case-record';
import { loadOffice } from '../../case/services/engine/context';
import { actorOf, maskNik } from '../../case/services/engine';
import { fieldError, forbidden } from '../../panel/lib/errors';
import { MAX_REPORT_PROBLEMS, type JobOutcome, type JobRun } from './jobs';

const APPLICANT_UID = 'api::applicant.applicant';
const CHUNK = Number(process.env.IMPORT_CHUNK_ROWS) || 5000;
/** Rows above the header that may hold a title ("FORMULIR 35 ..."). */
const HEADER_SEARCH_ROWS = 20;

const norm = (s: string) => s.toLowerCase().replace(/^(desa|kelurahan|kel\.?|ds\.?|kecamatan|kec\.?)\s+/, '').replace(/[^a-z0-9]/g, '');
const VILLAGE_CODE = /^(\d{2})\.?(\d{2})\.?(\d{2})\.?(\d{4})$/;

interface Village {
  id: number;
  code: string;
  name: string;
  districtCode: string;
}

export interface PreparedService {
  std: any;
  hash: string;
  def: any;
  track: string | null;
}

/**
 * PostgreSQL checks each link-table row's foreign keys with a per-row trigger, which costs more
 * than the COPY itself (about 7 link rows per imported row). Every row this import links to
 * was inserted by it or read in its own transaction, so, like pg_restore --disable-triggers,
 * the import runs with row triggers off (session_replication_role = replica, local to its
 * transaction; unique indexes still hold). Only a superuser may do so; otherwise the checks
 * stay and the import is slower.
 */
async function withoutRowTriggers(trx: any): Promise<boolean> {
  if (trx.client.config.client !== 'postgres' && trx.client.config.client !== 'pg') return false;
  if (process.env.IMPORT_KEEP_TRIGGERS === 'true') return false;
  await trx.raw('savepoint bulk_triggers');
  try {
    await trx.raw('set local session_replication_role = replica');
    await trx.raw('release savepoint bulk_triggers');
    return true;
  } catch {
    await trx.raw('rollback to savepoint bulk_triggers');
    return false;
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  /** Where the last import spent its time (ms), for the benchmark and the log. */
  const timings = { check: 0, write: 0, applicants: 0, cases: 0, events: 0, total: 0 };

  /** The service and SOP a Form 35 opens cases of, checked when the import is requested. */
  async function prepare(staff: StaffContext, serviceRef: unknown, trackRef?: unknown): Promise<PreparedService> {
    if (typeof serviceRef !== 'string' || !serviceRef.trim()) throw fieldError('service', 'Layanan (service) wajib diisi: slug atau id layanan');
    const versions = strapi.service('api::sop.sop-version') as any;
    const std = await versions.publishedService(serviceRef.trim(), staff.officeCode);
    const { hash, definition: def } = await versions.snapshot(std.sop, staff.officeCode);
    const allowed = openerRoles(def);
    if (!allowed.includes(staff.role)) throw forbidden(`Kasus layanan "${std.title}" dibuka oleh: ${allowed.map((r) => roleDefinition(r)?.name ?? r).join(', ')}; peran Anda: ${roleDefinition(staff.role)?.name ?? staff.role}`);
    const track = typeof trackRef === 'string' && trackRef ? trackRef : null;
    if (def.tracks.length && !track) throw fieldError('track', `Pilih jalur layanan: ${def.tracks.map((t: any) => `${t.key} (${t.label})`).join(', ')}`);
    if (track && !trackOf(def, track)) throw fieldError('track', `Jalur "${track}" tidak dikenal`);
    return { std, hash, def, track };
  }

  async function villagesOf(regencyCode: string) {
    const rows = await knex()('regions').where('code', 'like', `${regencyCode}.%`).whereIn('level', ['village', 'district']).select('id', 'code', 'name', 'level');
    const districts = new Map<string, string>(rows.filter((r: any) => r.level === 'district').map((r: any) => [r.code, r.name]));
    const byCode = new Map<string, Village>();
    const byName = new Map<string, Village[]>();
    for (const r of rows.filter((x: any) => x.level === 'village')) {
      const v = { id: r.id, code: r.code, name: r.name, districtCode: r.code.slice(0, 8) };
      byCode.set(v.code, v);
      const list = byName.get(norm(v.name)) ?? [];
      list.push(v);
      byName.set(norm(v.name), list);
    }
    return { byCode, byName, districts };
  }

  async function run(job: JobRun): Promise<JobOutcome> {
    const t0 = Date.now();
    Object.assign(timings, { check: 0, write: 0, applicants: 0, cases: 0, events: 0, total: 0 });
    try {
      return await importRows(job);
    } finally {
      timings.total = Date.now() - t0;
      strapi.log.info(`Form 35 import ${job.job.documentId}: ${JSON.stringify(timings)} ms`);
    }
  }

  async function importRows(job: JobRun): Promise<JobOutcome> {
    const staff = job.staff;
    const params = job.job.params as any;
    const { std, hash, def, track: trackKey } = await prepare(staff, params.service, params.track);
    const { office, rules } = await loadOffice(strapi, staff.officeCode);
    const { byCode, byName, districts } = await villagesOf(office.regencyCode);
    const districtByName = new Map([...districts].map(([code, name]) => [norm(name), code]));
    const track = trackOf(def, trackKey);
    const first = firstActivity(def, trackKey)!;
    const executor = executorOf(def, first);
    const requirements: any[] = std.requirements ?? [];
    const priority = track?.priority ?? 'regular';
    const actor = actorOf(staff);
    const problems: Problem[] = [];
    let problemCount = 0;
    const report = (p: Problem) => {
      problemCount += 1;
      if (problems.length < MAX_REPORT_PROBLEMS) problems.push(p);
    };
    const seen = new Map<string, number>();
    let rowsRead = 0;
    let rowsValid = 0;
    let rowsWritten = 0;
    const now = new Date();
    const year = Number(localDate(now, office.timeZone).slice(0, 4));
    const codePrefix = `${office.code.slice(0, 3).toUpperCase()}-${year}-`;
    const trx: any = job.job.dryRun ? null : await knex().transaction();
    const db = () => trx ?? knex();
    const triggersOff = trx ? await withoutRowTriggers(trx) : false;
    // With the foreign-key triggers off, the rows the import links to are locked as those
    // triggers would lock them (FOR KEY SHARE), so none can be deleted before the commit.
    const keyShare = async (tableName: string, ids: number[]) => {
      if (triggersOff && ids.length) await trx(tableName).whereIn('id', [...new Set(ids)]).forKeyShare().select('id');
    };
    await keyShare('offices', [office.id]);
    await keyShare('service_standards', [std.id]);
    const dueAt = caseDue(now, std.completionTime, rules, track);
    const activityDueAt = activityDue(now, first, rules, track);
    const queueRoles = queueRolesText(rolesAt(def, first));
    const checklist = requirements.map((q) => ({ key: q.key, label: q.text, required: q.required !== false }));
    const isPg = strapi.db.dialect.client === 'postgres';
    const staged = trx && isPg && process.env.IMPORT_STAGED !== 'false'
      ? stagedOpenWriter(strapi, trx, {
          now, officeId: office.id, officeCode: office.code, service: { id: std.id, slug: std.slug }, activity: first.number, executor: executor?.key ?? first.executor,
          queueRoles, priority, track: trackKey, dueAt, activityDueAt, sopVersion: hash, checklist, actor: { id: actor.userId ?? null, name: actor.name ?? null, role: actor.role ?? null },
        })
      : null;

    function resolveVillage(r: Form35Row): Village | null {
      const bad = (problem: string) => {
        report({ row: r.row, field: 'Desa/Kelurahan', problem });
        return null;
      };
      const m = VILLAGE_CODE.exec(r.village.replace(/\s/g, ''));
      let v: Village | undefined;
      const districtCode = r.district ? (/^\d{2}\.\d{2}\.\d{2}$/.test(r.district) ? r.district : districtByName.get(norm(r.district))) : undefined;
      if (r.district && !districtCode) {
        report({ row: r.row, field: 'Kecamatan', problem: `Kecamatan "${r.district}" tidak dikenal di wilayah ${office.name}` });
        return null;
      }
      if (m) v = byCode.get(`${m[1]}.${m[2]}.${m[3]}.${m[4]}`);
      else {
        const candidates = (byName.get(norm(r.village)) ?? []).filter((c) => !districtCode || c.districtCode === districtCode);
        if (candidates.length > 1) return bad(`Nama desa/kelurahan "${r.village}" ada di beberapa kecamatan; isi kolom Kecamatan atau tulis kode desa`);
        v = candidates[0];
      }
      if (!v) return bad(`Desa/kelurahan "${r.village}" tidak dikenal di wilayah ${office.name}${r.district ? ` (Kecamatan ${r.district})` : ''}`);
      if (districtCode && v.districtCode !== districtCode) {
        report({ row: r.row, field: 'Kecamatan', problem: `Desa/kelurahan ${v.name} tidak berada di Kecamatan ${r.district}` });
        return null;
      }
      if (!applicantInScope(staff, { officeCode: office.code, villageCode: v.code, districtCode: v.districtCode })) {
        return bad(`Desa/kelurahan ${v.name} (${v.code}) di luar wilayah kerja Anda`);
      }
      return v;
    }

    /** The generic path (SQLite): bulkInsert per table, as the engine's `open` would write. */
    async function writeRows(ok: { r: Form35Row; v: Village; applicantId?: number }[], codes: string[], eventData: (row: number) => Record<string, unknown>, tWrite: number) {
      const fresh = ok.filter((o) => !o.applicantId);
      const ids = await bulkInsert(
        strapi,
        APPLICANT_UID,
        fresh.map(({ r, v }): BulkRow => ({
          data: { nik: r.nik, kkNumber: r.kkNumber, name: r.name, sex: r.sex, birthPlace: r.birthPlace, birthDate: r.birthDate, address: r.address, villageCode: v.code, districtCode: v.districtCode, officeCode: office.code, phone: r.phone, welfareSource: 'none', membership: 'none' },
          links: { village: v.id, office: office.id },
        })),
        { trx, chunkSize: CHUNK },
      );
      fresh.forEach((o, i) => (o.applicantId = ids[i]));
      timings.applicants += Date.now() - tWrite;
      const tCases = Date.now();
      const caseIds = await bulkInsert(
        strapi,
        CASE_UID,
        ok.map(({ r, v, applicantId }, i): BulkRow => ({
          data: {
            code: codes[i],
            serviceSlug: std.slug,
            officeCode: office.code,
            villageCode: v.code,
            districtCode: v.districtCode,
            currentActivity: first.number,
            currentExecutor: executor?.key ?? first.executor,
            queueRoles,
            status: 'in-progress',
            priority,
            track: trackKey,
            receivedAt: now,
            dueAt,
            activityStartedAt: now,
            activityDueAt,
            sopVersion: hash,
            openKey: `${std.slug}|${r.nik}`,
            version: 1,
          },
          links: { service: std.id, applicant: applicantId, office: office.id },
          components: { checklist: checklist.map((item) => ({ ...item, checked: false })) },
        })),
        { trx, chunkSize: CHUNK },
      );
      timings.cases += Date.now() - tCases;
      const tEvents = Date.now();
      await (strapi.service('api::case-event.history') as any).record(
        trx,
        ok.map(({ r }, i) => ({
          caseId: caseIds[i],
          caseCode: codes[i],
          officeCode: office.code,
          actorId: actor.userId,
          actorName: actor.name,
          role: actor.role,
          action: 'open',
          toActivity: first.number,
          toStatus: 'in-progress',
          note: r.note,
          at: now,
          data: eventData(r.row),
        })),
        { chunkSize: CHUNK },
      );
      timings.events += Date.now() - tEvents;
    }

    /** Checks a chunk against the database (applicants, open cases) and writes it when all is well so far. */
    async function flush(chunk: { r: Form35Row; v: Village }[]) {
      if (!chunk.length) return;
      await job.checkCancelled();
      const tCheck = Date.now();
      const niks = chunk.map((c) => c.r.nik);
      // Applicants with these NIKs in any office (an open case is found through them, as the
      // engine's open does); a chunk of new people costs one indexed lookup.
      const existing = new Map<string, any>();
      const byId = new Map<number, string>();
      for (const a of await db()('applicants').whereIn('nik', niks).select('id', 'nik', 'name', 'sex', 'birth_date', 'village_code', 'district_code', 'office_code')) {
        byId.set(a.id, a.nik);
        if (a.office_code === office.code) existing.set(a.nik, a);
      }
      const open = new Map<string, string>();
      if (byId.size) {
        const lt = linkTableOf(strapi, CASE_UID, 'applicant');
        const rows = await db()('cases as c').join(`${lt.table} as l`, `l.${lt.source}`, 'c.id').whereIn(`l.${lt.target}`, [...byId.keys()]).andWhere('c.service_slug', std.slug).whereIn('c.status', OPEN_STATUSES).select(`l.${lt.target} as applicant`, 'c.code');
        for (const c of rows) open.set(byId.get(c.applicant)!, c.code);
      }
      const ok: { r: Form35Row; v: Village; applicantId?: number }[] = [];
      for (const { r, v } of chunk) {
        const a = existing.get(r.nik);
        let bad = false;
        if (open.has(r.nik)) {
          report({ row: r.row, field: 'NIK', problem: `Pemohon NIK ${maskNik(r.nik)} masih memiliki kasus ${open.get(r.nik)} yang belum selesai untuk layanan "${std.title}"` });
          bad = true;
        }
        if (a) {
          if (!applicantInScope(staff, { officeCode: a.office_code, villageCode: a.village_code, districtCode: a.district_code })) {
            report({ row: r.row, field: 'NIK', problem: 'Pemohon dengan NIK ini terdaftar di luar wilayah kerja Anda' });
            bad = true;
          } else if (norm(a.name) !== norm(r.name)) {
            report({ row: r.row, field: 'Nama', problem: `NIK ini sudah terdaftar atas nama "${a.name}"` });
            bad = true;
          } else if (a.birth_date && r.birthDate && String(a.birth_date instanceof Date ? a.birth_date.toISOString() : a.birth_date).slice(0, 10) !== r.birthDate) {
            report({ row: r.row, field: 'Tanggal Lahir', problem: 'Tanggal lahir berbeda dengan data pemohon terdaftar dengan NIK ini' });
            bad = true;
          }
        }
        if (!bad) ok.push({ r, v, applicantId: a?.id });
      }
      rowsValid += ok.length;
      timings.check += Date.now() - tCheck;
      if (!trx || problemCount) return;
      const tWrite = Date.now();
      // Applicants that don't exist yet, then one case each at the first activity, then the events:
      // on PostgreSQL through a staging table (bulk/staged-open.ts), elsewhere with bulkInsert.
      await keyShare('regions', ok.map((o) => o.v.id));
      await keyShare('applicants', ok.flatMap((o) => (o.applicantId ? [o.applicantId] : [])));
      const firstNumber = await (strapi.service('api::counter.counter') as any).reserve(trx, `case:${office.code}`, year, ok.length, async () => {
        const row = await trx('cases').where('code', 'like', `${codePrefix}%`).max({ last: 'code' }).first();
        return row?.last ? Number(String(row.last).slice(codePrefix.length)) || 0 : 0;
      });
      const codes = ok.map((_, i) => `${codePrefix}${String(firstNumber + i).padStart(6, '0')}`);
      const eventData = (row: number) => ({ sopVersion: hash, track: trackKey, priority, version: 1, import: job.job.documentId, row });
      if (staged) {
        await staged.write(
          ok.map(({ r, v, applicantId }, i) => ({
            applicantId, nik: r.nik, kkNumber: r.kkNumber, name: r.name, sex: r.sex, birthPlace: r.birthPlace, birthDate: r.birthDate, address: r.address, phone: r.phone,
            villageId: v.id, villageCode: v.code, districtCode: v.districtCode, caseCode: codes[i], openKey: `${std.slug}|${r.nik}`, note: r.note, eventData: eventData(r.row),
          })),
        );
      } else await writeRows(ok, codes, eventData, tWrite); // times its tables apart; the staging path is `write` alone
      rowsWritten += ok.length;
      timings.write += Date.now() - tWrite;
    }

    // One chunk is checked and written while the next is read: the database works on one core
    // while the file is parsed on the other. Chunks still go to the database one after another.
    let inFlight: Promise<void> | null = null;
    const schedule = async (c: { r: Form35Row; v: Village }[]) => {
      if (inFlight) await inFlight;
      inFlight = flush(c);
      inFlight.catch(() => {});
    };
    const settle = async () => {
      if (inFlight) await inFlight.catch(() => {});
    };
    try {
      let header: HeaderMap | null = null;
      let chunk: { r: Form35Row; v: Village }[] = [];
      try {
        for await (const { row, cells } of readSheet(job.input, job.job.format as SheetFormat)) {
          if (!header) {
            if (looksLikeHeader(cells)) {
              const mapped = mapHeader(cells, row);
              if (mapped.problems.length) {
                mapped.problems.forEach(report);
                break;
              }
              header = mapped.map;
            } else if (row >= HEADER_SEARCH_ROWS) break;
            continue;
          }
          if (isBlankRow(cells)) continue;
          rowsRead += 1;
          const { value, problems: rowProblems } = readForm35Row(cells, header, row);
          rowProblems.forEach(report);
          if (value) {
            const earlier = seen.get(value.nik);
            if (earlier) report({ row, field: 'NIK', problem: `NIK ${maskNik(value.nik)} sudah tercantum pada baris ${earlier}` });
            else {
              seen.set(value.nik, row);
              const v = resolveVillage(value);
              if (v) chunk.push({ r: value, v });
            }
          }
          if (chunk.length >= CHUNK) {
            await schedule(chunk);
            chunk = [];
          }
          if (rowsRead % 1000 === 0) {
            await job.checkCancelled();
            await job.progress({ rowsRead, rowsValid, rowsWritten, problemCount });
          }
        }
        await schedule(chunk);
        await inFlight;
        if (!header && !problemCount) report({ row: 1, field: 'NIK', problem: rowsRead === 0 && seen.size === 0 ? `Baris judul dengan kolom "NIK" tidak ditemukan pada ${HEADER_SEARCH_ROWS} baris pertama (lembar kerja kosong atau bukan Form 35)` : 'Baris judul tidak ditemukan' });
        else if (header && rowsRead === 0) report({ row: header.row + 1, field: 'berkas', problem: 'Berkas tidak berisi baris data di bawah baris judul' });
      } catch (err) {
        await settle();
        if (!(err instanceof FileProblem)) throw err;
        report({ row: 0, field: 'berkas', problem: err.message });
      }
      const progress = { rowsRead, rowsValid, rowsWritten: problemCount ? 0 : rowsWritten, rowsTotal: rowsRead, problemCount };
      if (problemCount || !trx) {
        if (trx) await trx.rollback();
        const message = problemCount
          ? `${problemCount.toLocaleString('id-ID')} masalah ditemukan; ${trx ? 'tidak ada data yang disimpan' : 'uji coba (dry run), tidak ada data yang disimpan'}`
          : `Uji coba (dry run): ${rowsValid.toLocaleString('id-ID')} baris valid, siap diimpor`;
        return { status: problemCount ? 'failed' : 'succeeded', message, problems, progress: { ...progress, rowsWritten: 0 } };
      }
      await job.checkCancelled();
      await trx.commit();
      return { status: 'succeeded', message: `${rowsWritten.toLocaleString('id-ID')} usulan diimpor: kasus dibuka pada kegiatan ${first.number}`, problems, progress };
    } catch (err) {
      await settle();
      if (trx && !trx.isCompleted()) await trx.rollback().catch(() => {});
      throw err;
    }
  }

  return { prepare, run, timings };
};
