/**
 * BPJS cleansing result import (strapi.service('api::job.bpjs-import')): BPJS's list (xlsx or
 * csv: NIK, Hasil, Alasan) matched by NIK into the lines of an office batch sent to BPJS.
 * Every row is checked first; then the cases' results are recorded by the cases module's one
 * recorder (recordBpjsResults), as the batch screen's are, all in one transaction.
 */
import type { Core } from '@strapi/strapi';
import { FileProblem } from './csv';
import { MAX_REPORT_PROBLEMS, type Problem } from './form35';
import { cellText, isFormula, readSheet, type SheetFormat } from './sheet-reader';
import { bpjsCasesByNik, checkAwaitsBpjsResults, checkRecordsBpjsResults, parseBpjsResult, recordBpjsResults, type BpjsResult, type BpjsResultLine } from '../cases';
import { maskNik } from '../../core/mask';
import type { StaffContext } from '../../core/staff';
import { fieldError, notFound, resourceNamed, recordsService } from '../staff-api';
import type { JobOutcome, JobRun } from './jobs';

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const HEADERS: Record<'nik' | 'result' | 'reason', string[]> = {
  nik: ['nik', 'noktp'],
  result: ['hasil', 'hasilcleansing', 'status', 'result', 'keputusan'],
  reason: ['alasan', 'keterangan', 'reason', 'ket', 'catatan'],
};
/** BPJS writes results in words; the engine's values are accepted too. */
const RESULT_WORDS: Record<string, BpjsResult> = {
  diterima: 'accepted',
  terima: 'accepted',
  accepted: 'accepted',
  sesuai: 'accepted',
  ok: 'accepted',
  ditolak: 'rejected',
  tolak: 'rejected',
  rejected: 'rejected',
  tidaksesuai: 'rejected',
  sudahterdaftar: 'already-member',
  sudahpeserta: 'already-member',
  alreadymember: 'already-member',
  terdaftar: 'already-member',
  peserta: 'already-member',
};
const LABEL = { nik: 'NIK', result: 'Hasil', reason: 'Alasan' };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function batchOf(staff: StaffContext, id: unknown) {
    checkRecordsBpjsResults(staff);
    if (typeof id !== 'string' || !id) throw fieldError('batch', 'Rekap (batch) wajib diisi: id rekap yang dikirim ke BPJS');
    const found = await recordsService(strapi).findVisible(resourceNamed('batches'), staff, id);
    if (!found) throw notFound('Rekap tidak ditemukan');
    const b = found.record as any;
    checkAwaitsBpjsResults(b);
    return { ...b, id: found.rowId, documentId: b.id };
  }

  async function run(job: JobRun): Promise<JobOutcome> {
    const staff = job.staff;
    const b = await batchOf(staff, (job.job.params as any).batch);
    const problems: Problem[] = [];
    let problemCount = 0;
    const report = (p: Problem) => {
      problemCount += 1;
      if (problems.length < MAX_REPORT_PROBLEMS) problems.push(p);
    };
    const byNik = await bpjsCasesByNik(strapi, b.id);
    const lines: (BpjsResultLine & { row: number })[] = [];
    const seen = new Map<string, number>();
    let columns: Partial<Record<'nik' | 'result' | 'reason', number>> | null = null;
    let rowsRead = 0;
    try {
      for await (const { row, cells } of readSheet(job.input, job.job.format as SheetFormat)) {
        if (!columns) {
          const keys = cells.map((c) => norm(cellText(c) ?? ''));
          if (!keys.some((k) => HEADERS.nik.includes(k))) {
            if (row >= 20) break;
            continue;
          }
          columns = {};
          for (const f of Object.keys(HEADERS) as (keyof typeof HEADERS)[]) {
            const i = keys.findIndex((k) => HEADERS[f].includes(k));
            if (i >= 0) columns[f] = i;
          }
          if (columns.result === undefined) {
            report({ row, field: 'Hasil', problem: 'Kolom "Hasil" (diterima/ditolak/sudah terdaftar) tidak ada pada baris judul' });
            break;
          }
          continue;
        }
        if (cells.every((c) => cellText(c) === null)) continue;
        rowsRead += 1;
        const cell = (f: 'nik' | 'result' | 'reason') => (columns![f] === undefined ? undefined : cells[columns![f]!]);
        const formula = (['nik', 'result', 'reason'] as const).find((f) => isFormula(cell(f)));
        if (formula) {
          report({ row, field: LABEL[formula], problem: 'Sel berisi rumus (formula); tempel sebagai nilai' });
          continue;
        }
        const nik = typeof cell('nik') === 'number' ? null : (cellText(cell('nik'))?.replace(/[\s.'-]/g, '') ?? null);
        if (!nik || !/^\d{16}$/.test(nik)) {
          report({
            row,
            field: 'NIK',
            problem: typeof cell('nik') === 'number' ? 'NIK tersimpan sebagai angka (digit terakhir hilang di Excel); format kolom sebagai Teks' : 'NIK harus 16 digit angka',
          });
          continue;
        }
        if (seen.has(nik)) {
          report({ row, field: 'NIK', problem: `NIK ${maskNik(nik)} sudah tercantum pada baris ${seen.get(nik)}` });
          continue;
        }
        seen.set(nik, row);
        const word = norm(cellText(cell('result')) ?? '');
        let parsed: { result: BpjsResult; reason: string | null };
        try {
          parsed = parseBpjsResult({ result: RESULT_WORDS[word] ?? word, reason: cellText(cell('reason')) });
        } catch (err: any) {
          const onReason = err?.details?.errors?.[0]?.path?.[0] === 'reason';
          report({
            row,
            field: onReason ? 'Alasan' : 'Hasil',
            problem: onReason ? 'Alasan penolakan wajib diisi' : `"${cellText(cell('result')) ?? ''}" bukan hasil; isi diterima, ditolak atau sudah terdaftar`,
          });
          continue;
        }
        const c = byNik.get(nik);
        if (!c) report({ row, field: 'NIK', problem: `NIK ${maskNik(nik)} tidak ada dalam rekap ${b.code}` });
        else if (c.bpjsResult !== 'pending') report({ row, field: 'NIK', problem: `Hasil untuk NIK ${maskNik(nik)} sudah dicatat (${c.bpjsResult})` });
        else lines.push({ row, c, ...parsed });
        if (rowsRead % 500 === 0) {
          await job.checkCancelled();
          await job.progress({ rowsRead, rowsValid: lines.length, problemCount });
        }
      }
      if (!columns && !problemCount) report({ row: 1, field: 'NIK', problem: 'Baris judul dengan kolom "NIK" tidak ditemukan pada 20 baris pertama' });
      else if (columns && rowsRead === 0 && !problemCount) report({ row: 2, field: 'berkas', problem: 'Berkas tidak berisi baris data' });
    } catch (err) {
      if (!(err instanceof FileProblem)) throw err;
      report({ row: 0, field: 'berkas', problem: err.message });
    }
    const progress = { rowsTotal: rowsRead, rowsRead, rowsValid: lines.length, problemCount };
    if (problemCount)
      return { status: 'failed', message: `${problemCount.toLocaleString('id-ID')} masalah ditemukan; tidak ada hasil yang dicatat`, problems, progress: { ...progress, rowsWritten: 0 } };
    if (job.job.dryRun) return { status: 'succeeded', message: `Uji coba (dry run): ${lines.length} baris valid, siap dicatat`, problems, progress: { ...progress, rowsWritten: 0 } };
    const { written, status } = await recordBpjsResults(strapi, { staff, batch: b, lines, checkCancelled: () => job.checkCancelled() });
    return {
      status: 'succeeded',
      message: `${written} hasil BPJS dicatat pada rekap ${b.code}${status === 'cleansed' ? '; rekap selesai dicleansing' : ''}`,
      problems,
      progress: { ...progress, rowsWritten: written },
    };
  }

  return { batchOf, run };
};
