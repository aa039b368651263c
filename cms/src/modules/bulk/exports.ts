/**
 * Exports (strapi.service('api::job.exports')): a batch's recap for BPJS (lines, and counts per
 * village, district or office), the BNBA list for the SK, and all cases of a panel filter.
 * Rows are read in keyset-paginated chunks (id > last, a few thousand at a time) and written
 * as they come (streamed xlsx or csv), so memory stays flat. The person columns are Form 35's,
 * in its order: an exported file imports again to the same rows.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import path from 'path';
import { FORM35_COLUMNS } from './form35';
import { tableWriter } from './table-writer';
import { joinColumnOf } from '../../platform/bulk-insert';
import { DROPPED_STATUSES, LISTED_BPJS_RESULTS } from '../../core/batch-members';
import { localDate } from '../../core/calendar';
import { identityAsShown, seesIdentityInFull, type IdentityField } from '../../core/identity-visibility';
import type { StaffContext } from '../../core/staff';
import { copyExportAccess, recordPersonalDataAccess } from '../privacy';
import { batchTreeIds, BPJS_RESULT_LABELS, statusLabel } from '../cases';
import { fieldError, forbidden, notFound, parseListQuery, modelInfo, scopedQuery, resourceNamed, recordsService } from '../staff-api';
import type { JobOutcome, JobRow, JobRun } from './jobs';

const PAGE = 5000;
const LEVELS = ['village', 'district', 'office'] as const;
type Level = (typeof LEVELS)[number];
const EXTRA_HEADERS = ['Kode Kasus', 'Layanan', 'Status', 'Kegiatan', 'Tanggal Diterima', 'Hasil BPJS', 'Alasan BPJS', 'Aktif Mulai'];

/** A date column (birth date, active from) as Form 35 writes it: DD-MM-YYYY. */
const dmy = (v: unknown) => {
  if (!v) return null;
  const s = v instanceof Date ? v.toISOString() : String(v);
  return `${s.slice(8, 10)}-${s.slice(5, 7)}-${s.slice(0, 4)}`;
};

/** An instant (received at) as the office's calendar date; SQLite returns epoch milliseconds. */
const dmyAt = (v: unknown, timeZone: string) => {
  if (v == null || v === '') return null;
  const at = v instanceof Date ? v : new Date(typeof v === 'number' || /^\d+$/.test(String(v)) ? Number(v) : String(v));
  return Number.isNaN(at.getTime()) ? null : dmy(localDate(at, timeZone));
};

export interface ExportRequest {
  kind: 'batch-recap' | 'bnba' | 'cases';
  format: 'xlsx' | 'csv';
  batch?: string;
  level?: Level;
  filter?: Record<string, unknown>;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection as unknown as Knex;

  async function visibleBatch(staff: StaffContext, id: unknown) {
    if (typeof id !== 'string' || !id) throw fieldError('batch', 'Rekap (batch) wajib diisi: id rekap');
    const found = await recordsService(strapi).findVisible(resourceNamed('batches'), staff, id);
    if (!found) throw notFound('Rekap tidak ditemukan');
    return found;
  }

  /** Checks an export request when it is made (400/404 then, not a failed job later). */
  async function check(staff: StaffContext, body: any): Promise<ExportRequest & { fileName: string }> {
    if (!body || typeof body !== 'object') throw fieldError('kind', 'Kirim jenis ekspor (kind): batch-recap, bnba atau cases');
    const { kind, format = 'xlsx' } = body;
    if (!['batch-recap', 'bnba', 'cases'].includes(kind)) throw fieldError('kind', 'Jenis ekspor harus batch-recap, bnba atau cases');
    if (!['xlsx', 'csv'].includes(format)) throw fieldError('format', 'Format harus xlsx atau csv');
    const stamp = localDate(new Date(), (await officeOf(staff.officeCode)).timeZone);
    if (kind === 'cases') {
      const filter = body.filter ?? {};
      parseListQuery(resourceNamed('cases'), modelInfo(strapi, 'api::case.case'), { filter: JSON.stringify(filter) });
      return { kind, format, filter, fileName: `kasus-${stamp}.${format}` };
    }
    const b = await visibleBatch(staff, body.batch);
    const level: Level = body.level ?? 'village';
    if (!LEVELS.includes(level)) throw fieldError('level', 'Tingkat rekap harus village, district atau office');
    const code = String(b.record.code).replace(/[^A-Za-z0-9-]+/g, '_');
    return { kind, format, batch: body.batch, level, fileName: `${kind === 'bnba' ? 'bnba' : `rekap-${level}`}-${code}.${format}` };
  }

  /** The office's regency (for region names) and time zone (for dates and file names). */
  async function officeOf(officeCode: string): Promise<{ regencyCode: string; timeZone: string }> {
    const office = await knex()('offices').where({ code: officeCode }).first('regency_code', 'time_zone');
    return { regencyCode: office.regency_code, timeZone: office.time_zone ?? 'Asia/Jakarta' };
  }

  /** Region names of the office's regency, for the Desa/Kelurahan and Kecamatan columns. */
  async function regionNames(regencyCode: string): Promise<Map<string, string>> {
    const rows = await knex()('regions').where('code', 'like', `${regencyCode}.%`).select('code', 'name');
    return new Map(rows.map((r: any) => [r.code, r.name]));
  }

  /** Cases with their applicant, in id order from `after`, for one page. */
  function casesPage(base: Knex.QueryBuilder, after: number): Knex.QueryBuilder {
    return base
      .clone()
      .leftJoin({ a: 'applicants' }, 'a.id', `t.${joinColumnOf(strapi, 'api::case.case', 'applicant')}`)
      .where('t.id', '>', after)
      .orderBy('t.id', 'asc')
      .limit(PAGE)
      .select(
        't.id',
        't.code',
        't.service_slug',
        't.status',
        't.current_activity',
        't.received_at',
        't.bpjs_result',
        't.bpjs_reason',
        't.active_from',
        't.village_code',
        't.district_code',
        'a.id as applicant_id',
        'a.nik',
        'a.kk_number',
        'a.name',
        'a.birth_place',
        'a.birth_date',
        'a.sex',
        'a.address',
        'a.phone',
      );
  }

  /** The identity columns of an export row, by the field each holds. */
  const IDENTITY_COLUMNS: readonly [string, IdentityField][] = [
    ['nik', 'nik'],
    ['kk_number', 'kk'],
    ['phone', 'phone'],
  ];

  /**
   * An export's file may be downloaded by the office's other staff (the jobs resource shows them
   * the job): it holds identity numbers as its maker saw them, so one who sees them masked may
   * not take a file made in full (the rule of core/identity-visibility.ts), and one who may is
   * recorded as having seen its applicants.
   */
  async function beforeDownload(staff: StaffContext, job: JobRow): Promise<void> {
    if (!['batch-recap', 'bnba', 'cases'].includes(job.kind)) return;
    const maker = job.params?.staff;
    const full = maker ? seesIdentityInFull(maker) : true;
    if (full && !seesIdentityInFull(staff)) throw forbidden('Berkas ekspor ini memuat NIK, KK dan telepon lengkap; peran Anda hanya melihatnya tersamar. Buat ekspor sendiri.');
    if (full && maker?.userId !== staff.userId) await copyExportAccess(strapi, staff, job);
  }

  async function run(job: JobRun): Promise<JobOutcome> {
    const staff = job.staff;
    const req = job.job.params as unknown as ExportRequest;
    const format = job.job.format as 'xlsx' | 'csv';
    const { regencyCode, timeZone } = await officeOf(staff.officeCode);
    const names = await regionNames(regencyCode);
    const full = seesIdentityInFull(staff);
    // Whose identity numbers the file gives in full, and which: for the privacy log.
    const seen = new Set<number>();
    const seenFields = new Set<IdentityField>();
    const personRow = (r: any, n: number) => [
      n,
      identityAsShown(staff, 'nik', r.nik),
      identityAsShown(staff, 'kk', r.kk_number),
      r.name,
      r.birth_place,
      dmy(r.birth_date),
      r.sex === 'female' ? 'P' : r.sex === 'male' ? 'L' : null,
      r.address,
      null,
      names.get(r.village_code) ?? r.village_code,
      names.get(r.district_code) ?? r.district_code,
      identityAsShown(staff, 'phone', r.phone),
      null,
      r.code,
      r.service_slug,
      statusLabel(r.status),
      r.current_activity,
      dmyAt(r.received_at, timeZone),
      r.bpjs_result ? ((BPJS_RESULT_LABELS as any)[r.bpjs_result] ?? r.bpjs_result) : null,
      r.bpjs_reason,
      dmy(r.active_from),
    ];

    let base: Knex.QueryBuilder;
    let title: string;
    if (req.kind === 'cases') {
      const def = resourceNamed('cases');
      const query = parseListQuery(def, modelInfo(strapi, def.uid), { filter: JSON.stringify(req.filter ?? {}) });
      base = (await scopedQuery(strapi, knex(), def, staff, query.filters)).qb;
      title = 'Kasus';
    } else {
      const b = await visibleBatch(staff, req.batch);
      const ids = await batchTreeIds(strapi, b.rowId);
      base = (await scopedQuery(strapi, knex(), resourceNamed('cases'), { ...staff, scope: staff.scope === 'bpjs' ? 'office' : staff.scope })).qb.whereIn(
        `t.${joinColumnOf(strapi, 'api::case.case', 'batch')}`,
        ids,
      );
      // The same people as the batch's letters list (core/batch-members.ts).
      if (req.kind === 'bnba')
        base.whereNotIn('t.status', [...DROPPED_STATUSES]).where((w) => {
          w.whereNull('t.bpjs_result').orWhereIn('t.bpjs_result', [...LISTED_BPJS_RESULTS]);
        });
      title = req.kind === 'bnba' ? 'BNBA' : 'Daftar';
    }
    const [{ n }] = await base.clone().clearSelect().count({ n: '*' });
    const total = Number(n);
    await job.progress({ rowsTotal: total }, true);

    const file = path.join(job.dir, `output.${format}`);
    const out = tableWriter(format, file);
    if (req.kind === 'batch-recap' && format === 'xlsx') {
      // The counts per village, district or the office first, then the lines.
      const group = req.level === 'district' ? 't.district_code' : req.level === 'office' ? 't.office_code' : 't.village_code';
      const rows = await base
        .clone()
        .clearSelect()
        .select({ g: group })
        .count({ n: '*' })
        .select(
          knex().raw(
            `sum(case when t.bpjs_result = 'accepted' then 1 else 0 end) as accepted, sum(case when t.bpjs_result = 'rejected' then 1 else 0 end) as rejected, sum(case when t.bpjs_result = 'already-member' then 1 else 0 end) as member, sum(case when t.bpjs_result = 'pending' then 1 else 0 end) as pending`,
          ),
        )
        .groupBy(group)
        .orderBy(group);
      await out.sheet(
        'Rekap',
        [req.level === 'district' ? 'Kecamatan' : req.level === 'office' ? 'Kantor' : 'Desa/Kelurahan', 'Kode', 'Jumlah Usulan', 'Diterima', 'Ditolak', 'Sudah Peserta', 'Menunggu BPJS'],
        [28, 16, 14, 12, 12, 14, 14],
      );
      for (const r of rows as any[]) await out.row([names.get(r.g) ?? r.g, r.g, Number(r.n), Number(r.accepted), Number(r.rejected), Number(r.member), Number(r.pending)]);
    }
    await out.sheet(title, [...FORM35_COLUMNS.map((c) => c.header), ...EXTRA_HEADERS], [6, 20, 20, 28, 16, 14, 8, 32, 10, 22, 18, 16, 16, 18, 26, 16, 10, 14, 16, 24, 12]);
    let after = 0;
    let written = 0;
    try {
      for (;;) {
        await job.checkCancelled();
        const rows: any[] = await casesPage(base, after);
        if (!rows.length) break;
        for (const r of rows) {
          await out.row(personRow(r, ++written));
          if (!full || r.applicant_id == null) continue;
          let shown = false;
          for (const [column, field] of IDENTITY_COLUMNS) {
            if (!r[column]) continue;
            shown = true;
            seenFields.add(field);
          }
          if (shown) seen.add(Number(r.applicant_id));
        }
        after = rows[rows.length - 1].id;
        await job.progress({ rowsRead: written, rowsValid: written, rowsWritten: written });
        if (rows.length < PAGE) break;
      }
    } finally {
      await out.close();
    }
    // Recorded before the job ends: until then its file can't be downloaded.
    await recordPersonalDataAccess(strapi, {
      staff,
      kind: 'export',
      route: 'POST /api/panel/exports',
      purpose: `ekspor ${title.toLowerCase()}: ${job.job.fileName ?? `output.${format}`}`,
      reference: job.job.documentId,
      fields: [...seenFields],
      applicants: seen,
    });
    return {
      status: 'succeeded',
      message: `${written.toLocaleString('id-ID')} baris diekspor`,
      file: `output.${format}`,
      progress: { rowsTotal: total, rowsRead: written, rowsValid: written, rowsWritten: written },
    };
  }

  return { check, run, beforeDownload };
};
