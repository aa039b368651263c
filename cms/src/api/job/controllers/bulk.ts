/**
 * Staff API of bulk data: imports (Form 35, BPJS results) and exports as background jobs,
 * their progress, cancel, report and file. Thin: the work is in modules/bulk.
 */
import type { Core } from '@strapi/strapi';
import { promises as fs } from 'fs';
import { formatOf, jobsService, problemReportStream, templateStream } from '../../../modules/bulk';
import { IMPORT_MAX_BYTES, tooLargeBody } from '../../../middlewares/upload-limit';
import { fieldError, forbidden, notFound } from '../../../modules/staff-api';

const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8', json: 'application/json' };

const formatParam = (v: unknown, allowed: string[], fallback: string) => {
  const f = v === undefined || v === '' ? fallback : v;
  if (typeof f !== 'string' || !allowed.includes(f)) throw fieldError('format', `Format harus salah satu dari: ${allowed.join(', ')}`);
  return f;
};

const attachment = (ctx: any, name: string, format: keyof typeof MIME) => {
  ctx.set('Content-Type', MIME[format]);
  ctx.set('Content-Disposition', `attachment; filename="${name.replace(/[^\w.\-]+/g, '_')}"`);
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async template(ctx: any) {
    const format = formatParam(ctx.query.format, ['xlsx', 'csv'], 'xlsx') as 'xlsx' | 'csv';
    attachment(ctx, `template-form-35.${format}`, format);
    ctx.body = templateStream(format);
  },

  async importFile(ctx: any) {
    const staff = ctx.state.staff;
    const body = ctx.request.body ?? {};
    let file = ctx.request.files?.file;
    if (Array.isArray(file)) file = file[0];
    try {
      if (!file) throw fieldError('file', 'Unggah berkas (file) .xlsx atau .csv');
      if (file.size > IMPORT_MAX_BYTES) {
        ctx.status = 413;
        ctx.body = tooLargeBody();
        return;
      }
      const fileName = String(file.originalFilename ?? file.name ?? 'berkas');
      const format = formatOf(fileName, file.mimetype ?? file.type);
      if (!format) throw fieldError('file', `Berkas "${fileName}" bukan .xlsx atau .csv`);
      if (file.size === 0) throw fieldError('file', 'Berkas kosong');
      const kind = body.kind;
      if (!['form35', 'bpjs-result'].includes(kind)) throw fieldError('kind', 'Jenis impor (kind) harus form35 atau bpjs-result');
      if (body.dryRun !== undefined && !['true', 'false', true, false].includes(body.dryRun)) throw fieldError('dryRun', 'dryRun harus true atau false');
      const dryRun = body.dryRun === true || body.dryRun === 'true';
      let params: Record<string, unknown>;
      if (kind === 'form35') {
        if (staff.scope === 'bpjs') throw forbidden('Petugas BPJS tidak mengimpor Form 35');
        const prepared = await (strapi.service('api::job.form35-import') as any).prepare(staff, body.service, body.track);
        params = { service: prepared.std.slug, track: prepared.track };
      } else {
        await (strapi.service('api::job.bpjs-import') as any).batchOf(staff, body.batch);
        params = { batch: body.batch };
      }
      ctx.status = 202;
      ctx.body = await jobsService(strapi).create(staff, { kind, dryRun, fileName, format, params, upload: file.filepath ?? file.path });
      file = null;
    } finally {
      // An upload that didn't become a job is removed (Strapi only cleans up the "files" field).
      if (file?.filepath) await fs.rm(file.filepath, { force: true }).catch(() => {});
    }
  },

  async exportFile(ctx: any) {
    const staff = ctx.state.staff;
    const req = await (strapi.service('api::job.exports') as any).check(staff, ctx.request.body);
    ctx.status = 202;
    ctx.body = await jobsService(strapi).create(staff, {
      kind: req.kind,
      fileName: req.fileName,
      format: req.format,
      params: { batch: req.batch, level: req.level, filter: req.filter, kind: req.kind },
    });
  },

  async cancel(ctx: any) {
    ctx.body = await jobsService(strapi).cancel(ctx.state.staff, ctx.params.id);
  },

  async report(ctx: any) {
    const format = formatParam(ctx.query.format, ['json', 'xlsx'], 'json') as 'json' | 'xlsx';
    const { job, problems } = await jobsService(strapi).problems(ctx.state.staff, ctx.params.id);
    if (format === 'json') {
      ctx.body = { data: { job: job.documentId, problemCount: (job as any).problemCount, problems } };
      return;
    }
    attachment(ctx, `laporan-${job.documentId}.xlsx`, 'xlsx');
    ctx.body = problemReportStream(problems);
  },

  async file(ctx: any) {
    const f = await jobsService(strapi).file(ctx.state.staff, ctx.params.id);
    // From this instance's disk, or from object storage when another instance made it.
    const body = await f.open();
    if (!body) throw notFound('Berkas pekerjaan ini tidak ditemukan');
    attachment(ctx, f.name, f.format as 'xlsx' | 'csv');
    ctx.body = body;
  },
});
