/**
 * The Form 35 import itself, without Strapi: the file read as a stream and validated row by
 * row, each chunk checked against the database and written as the case engine's `open` would
 * write it, all in one transaction that is committed only when every row is valid. The server
 * resolves everything Strapi knows (service, SOP, office, villages, table names) into a plan of
 * plain data, so this runs the same in the server or in the import worker process.
 */
import type { StaffContext } from '../../core/staff';
import { applicantInScope } from '../../core/case-scope';
import { NIK_TAKEN } from '../cases';
import { maskNik } from '../../core/mask';
import { OPEN_STATUSES } from '../../core/sop-walker';
import { caseCode, caseCodePrefix, reserveCaseNumbers } from '../../platform/counters';
import { FileProblem } from './csv';
import { isBlankRow, looksLikeHeader, mapHeader, readForm35Row, MAX_REPORT_PROBLEMS, type Form35Row, type HeaderMap, type Problem } from './form35';
import { readSheet, type SheetFormat } from './sheet-reader';
import { stagedOpenWriter, type OpenConstants, type StagedChunk, type StagedSchema } from './staged-open';

/** Rows per chunk: checked, staged and written together. IMPORT_CHUNK_ROWS, default 5,000. */
export const CHUNK = Number(process.env.IMPORT_CHUNK_ROWS) || 5000;
/** The first chunk is smaller, so that the database starts writing sooner. */
const FIRST_CHUNK = Math.min(CHUNK, 500);
/** Rows above the header that may hold a title ("FORMULIR 35 ..."). */
const HEADER_SEARCH_ROWS = 20;

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/^(desa|kelurahan|kel\.?|ds\.?|kecamatan|kec\.?)\s+/, '')
    .replace(/[^a-z0-9]/g, '');
const VILLAGE_CODE = /^(\d{2})\.?(\d{2})\.?(\d{2})\.?(\d{4})$/;

export interface Village {
  id: number;
  code: string;
  name: string;
  districtCode: string;
}

/** Everything the import needs to know, as plain data (it crosses to the worker process). */
export interface Form35Plan {
  job: { documentId: string; dryRun: boolean; format: SheetFormat; input: string };
  staff: StaffContext;
  office: { id: number; code: string; name: string };
  villages: Village[];
  /** District code → name, of the office's regency. */
  districts: [string, string][];
  service: { id: number; slug: string; title: string };
  /** What every opened case shares (the first activity, its deadlines, the checklist…). */
  open: OpenConstants;
  year: number;
  /** Write through the PostgreSQL staging table (else the hooks' generic writer). */
  staged: boolean;
  /** Table names; the applicants', cases' and their links' are the staged writer's. */
  schema: { staged: StagedSchema; counterTable: string; keyShareTables: { offices: string; services: string; regions: string } };
}

export interface ImportProgress {
  rowsTotal?: number;
  rowsRead?: number;
  rowsValid?: number;
  rowsWritten?: number;
  problemCount?: number;
}

export interface ImportOutcome {
  status: 'succeeded' | 'failed';
  message: string;
  problems: Problem[];
  progress: ImportProgress;
}

/** A valid row, ready to write: the applicant's id when already on file. */
export interface ValidRow {
  r: Form35Row;
  v: Village;
  applicantId?: number;
}

export interface ImportTimings {
  /** checking chunks against the database */
  check: number;
  /** staging chunks on side connections (PostgreSQL) */
  stage: number;
  /** writing chunks in the transaction */
  write: number;
  total: number;
  /** in a worker process: from the job handing it the import to the worker starting on it (a spare one is ready) */
  workerStart?: number;
  /** before the first chunk's write began: reading, checking and staging the first chunk */
  firstWrite?: number;
  /** the commit, and dropping the scratch tables after it */
  commit?: number;
  cleanup?: number;
  /** the tidy-up after the import answered (PostgreSQL, staged-open's tidyAfterImport): its time and the GIN pages it merged */
  tidyMs?: number;
  tidyMergedPages?: number;
}

export interface PipelineHooks {
  knex: any;
  progress(p: ImportProgress): Promise<void>;
  /** Throws when the job was cancelled or the server is stopping. */
  checkCancelled(): Promise<void>;
  /** The generic writer (SQLite, or IMPORT_STAGED=false): Strapi's bulkInsert, in the server only. */
  writeGeneric?(trx: any, rows: ValidRow[], codes: string[], eventData: (row: number) => Record<string, unknown>): Promise<void>;
}

const onPostgres = (trx: any) => trx.client.config.client === 'postgres' || trx.client.config.client === 'pg';

/**
 * PostgreSQL checks foreign keys (of the relation columns and link rows) with a per-row
 * trigger, which costs more than the writes themselves. Every row this import links to
 * was inserted by it or read in its own transaction, so, like pg_restore --disable-triggers,
 * the import runs with row triggers off (session_replication_role = replica, local to its
 * transaction; unique indexes still hold). Only a superuser may do so; otherwise the checks
 * stay and the import is slower.
 */
async function withoutRowTriggers(trx: any): Promise<boolean> {
  if (!onPostgres(trx)) return false;
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

/**
 * GIN indexes (the applicants' name search) take new entries into a pending list and merge it
 * into the index when it outgrows gin_pending_list_limit (4 MB): a hundred thousand names
 * would be merged eight times inside the transaction. The import lets the list grow instead
 * (local to its transaction), and it is merged once after the import has answered (staged-open's
 * tidyAfterImport); searches read the pending list meanwhile, so they find the new names at once.
 */
async function deferSearchIndexMerge(trx: any): Promise<void> {
  if (!onPostgres(trx)) return;
  await trx.raw(`set local gin_pending_list_limit = '1GB'`);
}

/** What a finished import says (also when it is recognised by its events after a stop). */
export const importedMessage = (rows: number, activity: number) => `${rows.toLocaleString('id-ID')} usulan diimpor: kasus dibuka pada kegiatan ${activity}`;

export async function runForm35Import(plan: Form35Plan, hooks: PipelineHooks, timings: ImportTimings): Promise<ImportOutcome> {
  const t0 = Date.now();
  Object.assign(timings, { check: 0, stage: 0, write: 0, total: 0 });
  try {
    return await importRows(plan, hooks, timings);
  } finally {
    timings.total = Date.now() - t0;
  }
}

async function importRows(plan: Form35Plan, hooks: PipelineHooks, timings: ImportTimings): Promise<ImportOutcome> {
  const tStart = Date.now();
  const { staff, office, service, open: c, schema } = plan;
  const byCode = new Map(plan.villages.map((v) => [v.code, v]));
  const byName = new Map<string, Village[]>();
  for (const v of plan.villages) byName.set(norm(v.name), [...(byName.get(norm(v.name)) ?? []), v]);
  const districtByName = new Map(plan.districts.map(([code, name]) => [norm(name), code]));
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
  const codePrefix = caseCodePrefix(office.code, plan.year);
  // READ COMMITTED, whatever the database's default: each chunk's statement must see the
  // scratch table staged (and committed) after the transaction began.
  const trx: any = plan.job.dryRun ? null : await hooks.knex.transaction(plan.staged ? { isolationLevel: 'read committed' } : undefined);
  const db = () => trx ?? hooks.knex;
  let triggersOff = false;
  let staged: ReturnType<typeof stagedOpenWriter> | null = null;
  try {
    triggersOff = trx ? await withoutRowTriggers(trx) : false;
    if (trx) await deferSearchIndexMerge(trx);
    // On PostgreSQL chunks are checked and staged on side connections while the previous chunk
    // is written in the transaction (modules/bulk/staged-open.ts); elsewhere one after another.
    staged = trx && plan.staged ? stagedOpenWriter(schema.staged, trx, hooks.knex, c, plan.job.documentId) : null;
  } catch (err) {
    if (trx) await trx.rollback().catch(() => {});
    throw err;
  }
  /**
   * With the foreign-key triggers off, the rows the import links to are locked as those
   * triggers would lock them (FOR KEY SHARE), so none can be deleted before the commit; one
   * deleted since the check fails the import, as the trigger would have.
   */
  const keyShare = async (tableName: string, ids: number[], what: string) => {
    if (!triggersOff || !ids.length) return;
    const unique = [...new Set(ids)];
    const found = await trx(tableName).whereIn('id', unique).forKeyShare().select('id');
    if (found.length !== unique.length) throw new Error(`${what} yang dirujuk berkas ini dihapus selama impor berjalan`);
  };
  const eventData = (row: number) => ({ sopVersion: c.sopVersion, track: c.track, priority: c.priority, version: 1, import: plan.job.documentId, row });

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
      const candidates = (byName.get(norm(r.village)) ?? []).filter((x) => !districtCode || x.districtCode === districtCode);
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

  /**
   * Checks a chunk against the database (applicants, open cases) on `reader` and returns its
   * valid rows. The staged path reads committed data on a side connection: rows this import has
   * written are of other NIKs (a NIK appears once per file), so the answer is the same.
   */
  async function check(chunk: { r: Form35Row; v: Village }[], reader: any): Promise<ValidRow[]> {
    const tCheck = Date.now();
    const niks = chunk.map((x) => x.r.nik);
    // Applicants with these NIKs in any office (an open case is found through them, as the
    // engine's open does); a chunk of new people costs one indexed lookup. Dates come as
    // 'YYYY-MM-DD' text (Strapi's PostgreSQL type parsers, set in the worker too; SQLite's text).
    const existing = new Map<string, any>();
    const byId = new Map<number, string>();
    for (const a of await reader(schema.staged.tables.applicant).whereIn('nik', niks).select('id', 'nik', 'name', 'sex', 'birth_date', 'village_code', 'district_code', 'office_code')) {
      byId.set(a.id, a.nik);
      if (a.office_code === office.code) existing.set(a.nik, a);
    }
    const openCases = new Map<string, string>();
    if (byId.size) {
      const r = schema.staged.relations.caseApplicant;
      const cases = reader(`${schema.staged.tables.case} as c`).andWhere('c.service_slug', service.slug).whereIn('c.status', OPEN_STATUSES);
      // The case's applicant: its column, or its link table.
      const applicant = 'column' in r ? `c.${r.column}` : `l.${r.link.target}`;
      if ('link' in r) cases.join(`${r.link.table} as l`, `l.${r.link.source}`, 'c.id');
      const rows = await cases.whereIn(applicant, [...byId.keys()]).select(`${applicant} as applicant`, 'c.code');
      for (const x of rows) openCases.set(byId.get(x.applicant)!, x.code);
    }
    const ok: ValidRow[] = [];
    for (const { r, v } of chunk) {
      const found = existing.get(r.nik);
      // Registered outside the importer's area: answered as an unknown NIK (a dry run writes
      // nothing, so it must not tell; nor its open case), and refused only when the row would
      // create the applicant, saying no more than that the office has the NIK
      // (modules/cases/nik-in-office.ts).
      const outside = !!found && !applicantInScope(staff, { officeCode: found.office_code, villageCode: found.village_code, districtCode: found.district_code });
      if (outside && !plan.job.dryRun) {
        report({ row: r.row, field: 'NIK', problem: NIK_TAKEN });
        continue;
      }
      const a = outside ? undefined : found;
      let bad = false;
      if (!outside && openCases.has(r.nik)) {
        report({ row: r.row, field: 'NIK', problem: `Pemohon NIK ${maskNik(r.nik)} masih memiliki kasus ${openCases.get(r.nik)} yang belum selesai untuk layanan "${service.title}"` });
        bad = true;
      }
      if (a) {
        if (norm(a.name) !== norm(r.name)) {
          report({ row: r.row, field: 'Nama', problem: `NIK ini sudah terdaftar atas nama "${a.name}"` });
          bad = true;
        } else if (a.birth_date && r.birthDate && String(a.birth_date).slice(0, 10) !== r.birthDate) {
          report({ row: r.row, field: 'Tanggal Lahir', problem: 'Tanggal lahir berbeda dengan data pemohon terdaftar dengan NIK ini' });
          bad = true;
        }
      }
      if (!bad) ok.push({ r, v, applicantId: a?.id });
    }
    rowsValid += ok.length;
    timings.check += Date.now() - tCheck;
    return ok;
  }

  /** Locks what the rows link to and takes their case numbers, in the transaction; returns the first number. */
  async function numberCases(ok: ValidRow[]): Promise<number> {
    await keyShare(
      schema.keyShareTables.regions,
      ok.map((o) => o.v.id),
      'Desa/kelurahan',
    );
    await keyShare(
      schema.staged.tables.applicant,
      ok.flatMap((o) => (o.applicantId ? [o.applicantId] : [])),
      'Data pemohon',
    );
    return reserveCaseNumbers(trx, schema.counterTable, schema.staged.tables.case, office.code, plan.year, ok.length);
  }

  /** The generic path, one chunk after another: check and write in the transaction (SQLite has one connection), or check only (dry run). */
  async function flushSerial(chunk: { r: Form35Row; v: Village }[]) {
    await hooks.checkCancelled();
    const ok = await check(chunk, db());
    if (!trx || problemCount) return;
    const tWrite = Date.now();
    timings.firstWrite ??= tWrite - tStart;
    const firstNumber = await numberCases(ok);
    const codes = ok.map((_, i) => caseCode(codePrefix, firstNumber + i));
    if (!hooks.writeGeneric) throw new Error('Impor Form 35 tidak tersedia untuk basis data ini');
    await hooks.writeGeneric(trx, ok, codes, eventData);
    rowsWritten += ok.length;
    timings.write += Date.now() - tWrite;
  }

  /** Staged path, step 1 (side connections): check a chunk, and stage it while all is well so far. */
  async function prepareStaged(chunk: { r: Form35Row; v: Village }[]) {
    await hooks.checkCancelled();
    const ok = await check(chunk, hooks.knex);
    if (problemCount || failure) return null;
    const tStage = Date.now();
    const stagedChunk = await staged!.stage(
      ok.map(({ r, v, applicantId }) => ({
        applicantId,
        nik: r.nik,
        kkNumber: r.kkNumber,
        name: r.name,
        sex: r.sex,
        birthPlace: r.birthPlace,
        birthDate: r.birthDate,
        address: r.address,
        phone: r.phone,
        villageId: v.id,
        villageCode: v.code,
        districtCode: v.districtCode,
        openKey: `${service.slug}|${r.nik}`,
        note: r.note,
        eventData: eventData(r.row),
      })),
    );
    timings.stage += Date.now() - tStage;
    return { ok, stagedChunk };
  }

  /** Staged path, step 2 (the transaction): write a staged chunk. */
  async function writeStaged({ ok, stagedChunk }: { ok: ValidRow[]; stagedChunk: StagedChunk }) {
    const tWrite = Date.now();
    timings.firstWrite ??= tWrite - tStart;
    const firstNumber = await numberCases(ok);
    await staged!.write(stagedChunk, codePrefix, firstNumber);
    rowsWritten += ok.length;
    timings.write += Date.now() - tWrite;
  }

  // While a chunk is written, the next ones are read (and on PostgreSQL checked and staged on
  // other connections): the file is parsed and staged on one core while the transaction runs on
  // the other. At most two chunks wait, so memory stays flat. The first failure stops every
  // later step, and nothing ends (rollback, dropping the scratch tables) before all have settled.
  const everyChunk: Promise<void>[] = [];
  let waiting: Promise<void>[] = [];
  let failure: unknown = null;
  let sideChain: Promise<unknown> = Promise.resolve();
  let mainChain: Promise<unknown> = Promise.resolve();
  /** A step that is skipped after a failure and records its own failure before anything else runs. */
  const step =
    <T>(fn: () => Promise<T>) =>
    async (): Promise<T | undefined> => {
      if (failure) return undefined;
      try {
        return await fn();
      } catch (err) {
        failure ??= err;
        throw err;
      }
    };
  const enqueue = (chunk: { r: Form35Row; v: Village }[]): Promise<unknown> => {
    if (!staged) {
      const done = mainChain.then(step(() => flushSerial(chunk)));
      mainChain = done.catch(() => {});
      return done;
    }
    const prepared = sideChain.then(step(() => prepareStaged(chunk)));
    sideChain = prepared.catch(() => {});
    // Written after the previous chunk's write, once this one is staged.
    const written = mainChain.then(() => prepared).then((p) => (p ? step(() => writeStaged(p))() : undefined));
    mainChain = written.catch(() => {});
    return written;
  };
  let chunksScheduled = 0;
  const schedule = async (chunk: { r: Form35Row; v: Village }[]) => {
    if (failure) throw failure;
    if (!chunk.length) return;
    chunksScheduled += 1;
    const done = enqueue(chunk).then(() => {});
    done.catch(() => {});
    everyChunk.push(done);
    waiting.push(done);
    while (waiting.length > 2) await waiting.shift();
  };
  /** Waits for every chunk (drain: and throws the first failure). */
  const settle = async () => {
    await Promise.allSettled(everyChunk);
    waiting = [];
  };
  const drain = async () => {
    await settle();
    if (failure) throw failure;
  };
  try {
    await keyShare(schema.keyShareTables.offices, [office.id], 'Kantor');
    await keyShare(schema.keyShareTables.services, [service.id], 'Layanan');
    let header: HeaderMap | null = null;
    let chunk: { r: Form35Row; v: Village }[] = [];
    try {
      for await (const { row, cells } of readSheet(plan.job.input, plan.job.format)) {
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
        if (chunk.length >= (chunksScheduled ? CHUNK : FIRST_CHUNK)) {
          await schedule(chunk);
          chunk = [];
        }
        if (rowsRead % 1000 === 0) {
          await hooks.checkCancelled();
          await hooks.progress({ rowsRead, rowsValid, rowsWritten, problemCount });
        }
      }
      await schedule(chunk);
      await drain();
      if (!header && !problemCount)
        report({
          row: 1,
          field: 'NIK',
          problem:
            rowsRead === 0 && seen.size === 0
              ? `Baris judul dengan kolom "NIK" tidak ditemukan pada ${HEADER_SEARCH_ROWS} baris pertama (lembar kerja kosong atau bukan Form 35)`
              : 'Baris judul tidak ditemukan',
        });
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
    await hooks.checkCancelled();
    const tCommit = Date.now();
    await trx.commit();
    timings.commit = Date.now() - tCommit;
    return { status: 'succeeded', message: importedMessage(rowsWritten, c.activity), problems, progress };
  } catch (err) {
    await settle();
    if (trx && !trx.isCompleted()) await trx.rollback().catch(() => {});
    throw err;
  } finally {
    // The scratch tables are read in the transaction: dropped once it has ended.
    const tCleanup = Date.now();
    if (staged) await staged.dropStaged().catch(() => {});
    timings.cleanup = Date.now() - tCleanup;
  }
}
