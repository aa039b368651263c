/**
 * Background jobs of imports and exports (strapi.service('api::job.jobs')): the job record
 * (its state and progress, listed by the panel's `jobs` resource), its files on disk (the
 * upload, the export, the per-row report), and the queue that runs them: pg-boss on
 * PostgreSQL, an in-process queue on SQLite (single-server installs).
 */
import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import { promises as fs } from 'fs';
import path from 'path';
import { MAX_REPORT_PROBLEMS, type Problem } from './form35';
import { dropStaleStages } from './staged-open';
import { liveProgress, type LiveProgress } from '../../platform/live-progress';
import { dropSpareWorker, keepSpareWorker, workerAvailable } from './worker-launch';
import type { StaffContext } from '../../core/staff';
import { recordsService, resourceNamed, conflict, gone, notFound } from '../staff-api';
import { formatDateId } from '../documents';

const UID = 'api::job.job';
import { jobObjects, oncePerCluster, removeExpiredLimits } from '../cluster';
const QUEUE = 'layanan-pbi-bulk';
const PROGRESS_MS = 500;
/**
 * Days a finished job's files (exports, reports: lists of people with their NIKs) are kept;
 * then they are deleted and the job says so. JOB_FILES_DAYS, default 7.
 */
export const JOB_FILES_DAYS = Number(process.env.JOB_FILES_DAYS ?? 7);
const CLEAN_EVERY_MS = 3600_000;
const CLEAN_QUEUE = 'layanan-pbi-clean';

export type JobKind = 'form35' | 'bpjs-result' | 'batch-recap' | 'bnba' | 'cases';
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobRow {
  id: number;
  documentId: string;
  kind: JobKind;
  status: JobStatus;
  dryRun: boolean;
  fileName: string | null;
  format: string | null;
  params: { staff: StaffContext; [key: string]: unknown };
}

export type Progress = LiveProgress;

export class JobCancelled extends Error {
  constructor() {
    super('Dibatalkan oleh pengguna; tidak ada data yang disimpan');
  }
}

/** What a job handler is given: its record, its folder, and progress and cancel hooks. */
export interface JobRun {
  job: JobRow;
  dir: string;
  /** The uploaded file (imports). */
  input: string;
  staff: StaffContext;
  progress(p: Progress, force?: boolean): Promise<void>;
  /** Throws JobCancelled when the job was cancelled (checked in memory, and in the database every second). */
  checkCancelled(): Promise<void>;
}

export interface JobOutcome {
  status: 'succeeded' | 'failed';
  message: string;
  progress?: Progress;
  problems?: Problem[];
  /** name of the produced file inside the job folder (exports) */
  file?: string;
}

type Handler = (run: JobRun) => Promise<JobOutcome>;

const filesGone = (job: any) =>
  gone(
    `Berkas pekerjaan ini sudah dihapus pada ${formatDateId(new Date(job.filesRemovedAt), job.params?.staff?.timeZone)} (disimpan ${JOB_FILES_DAYS} hari setelah selesai, karena berisi data pribadi)`,
  );

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const isPg = () => strapi.db.dialect.client === 'postgres';
  const knex = () => strapi.db.connection;
  const table = () => (strapi.db.metadata.get(UID as any) as any).tableName as string;
  const rootDir = () => path.join(process.env.DATA_DIR || path.resolve(strapi.dirs.app.root, '..', 'data'), 'jobs');
  const dirOf = (documentId: string) => path.join(rootDir(), documentId);
  const cancelled = new Set<string>();
  const handlers = new Map<JobKind, Handler>();
  let boss: any = null;
  let workerId: string | null = null;
  let localQueue: string[] = [];
  let localRunning = false;
  let stopping = false;
  let cleaner: NodeJS.Timeout | null = null;

  /**
   * The jobs table is written in transactions, even a single statement: on SQLite a transaction
   * waits for its turn behind an import's without holding a connection (sqlite-writers.ts), where
   * a lone statement waits for the lock holding one, three at most, and a fourth answers 503.
   */
  const write = <T>(work: (db: any) => Promise<T>): Promise<T> => knex().transaction(work);

  async function update(documentId: string, data: Record<string, unknown>) {
    const cols: Record<string, unknown> = { updated_at: new Date() };
    const map: Record<string, string> = {
      status: 'status',
      rowsTotal: 'rows_total',
      rowsRead: 'rows_read',
      rowsValid: 'rows_valid',
      rowsWritten: 'rows_written',
      problemCount: 'problem_count',
      message: 'message',
      hasReport: 'has_report',
      hasFile: 'has_file',
      filesRemovedAt: 'files_removed_at',
      cancelRequested: 'cancel_requested',
      startedAt: 'started_at',
      finishedAt: 'finished_at',
      heartbeatAt: 'heartbeat_at',
    };
    for (const [k, v] of Object.entries(data)) if (v !== undefined) cols[map[k]] = v;
    await write((db) => db(table()).where({ document_id: documentId }).update(cols));
  }

  async function load(documentId: string): Promise<JobRow | null> {
    const row: any = await strapi.db.query(UID as any).findOne({ where: { documentId } });
    if (!row) return null;
    const params = typeof row.params === 'string' ? JSON.parse(row.params) : row.params;
    return { ...row, params };
  }

  async function run(documentId: string): Promise<void> {
    const job = await load(documentId);
    if (!job || job.status !== 'queued') return;
    const dir = dirOf(documentId);
    if (cancelled.has(documentId) || (job as any).cancelRequested) {
      await update(documentId, { status: 'cancelled', message: new JobCancelled().message, finishedAt: new Date() });
      return;
    }
    const startedAt = new Date();
    await update(documentId, { status: 'running', startedAt, heartbeatAt: startedAt });
    let lastWrite = 0;
    let lastCheck = Date.now();
    let current: Progress = {};
    const handle: JobRun = {
      job,
      dir,
      input: path.join(dir, 'input'),
      staff: job.params.staff,
      // Progress is kept in memory (the jobs resource shows it) and written to the job's row
      // outside the job's transaction: on PostgreSQL only, for on SQLite an import's
      // transaction holds the write lock until it ends.
      async progress(p, force) {
        current = { ...current, ...p };
        liveProgress.set(documentId, current);
        if (!isPg() || (!force && Date.now() - lastWrite < PROGRESS_MS)) return;
        lastWrite = Date.now();
        await update(documentId, { ...current, heartbeatAt: new Date() });
      },
      async checkCancelled() {
        if (cancelled.has(documentId)) throw new JobCancelled();
        if (isPg() && Date.now() - lastCheck > 1000) {
          lastCheck = Date.now();
          const row = await knex()(table()).where({ document_id: documentId }).first('cancel_requested');
          if (row?.cancel_requested) throw new JobCancelled();
        }
        if (stopping) throw new Error('Server berhenti saat pekerjaan berjalan; tidak ada data yang disimpan');
      },
    };
    let outcome: JobOutcome;
    try {
      const handler = handlers.get(job.kind);
      if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
      // (A job submitted on another instance: its upload comes from object storage.)
      if (job.kind === 'form35' || job.kind === 'bpjs-result') await jobObjects.ensureLocal(documentId, 'input', handle.input);
      outcome = await handler(handle);
    } catch (err: any) {
      if (err instanceof JobCancelled) {
        await fs.rm(handle.input, { force: true });
        await update(documentId, { ...current, status: 'cancelled', message: err.message, finishedAt: new Date() }).finally(() => liveProgress.end(documentId));
        cancelled.delete(documentId);
        return;
      }
      strapi.log.error(`Job ${documentId} (${job.kind}) failed: ${err?.stack ?? err}`);
      outcome = { status: 'failed', message: `Gagal: ${err?.message ?? err}; tidak ada data yang disimpan` };
    }
    let hasReport = false;
    if (outcome.problems) {
      // A report that can't be written (disk full, folder removed) must not leave the job "running".
      try {
        await fs.mkdir(dir, { recursive: true });
        await fs.writeFile(path.join(dir, 'report.json'), JSON.stringify(outcome.problems.slice(0, MAX_REPORT_PROBLEMS)));
        hasReport = true;
      } catch (err: any) {
        strapi.log.error(`Job ${documentId}: the report could not be written: ${err?.message ?? err}`);
      }
    }
    // The report and the export go to object storage (when configured), so any instance serves them.
    try {
      if (hasReport) await jobObjects.save(documentId, 'report.json', path.join(dir, 'report.json'));
      if (outcome.file) await jobObjects.save(documentId, outcome.file, path.join(dir, outcome.file));
    } catch (err: any) {
      strapi.log.error(`Job ${documentId}: its files could not be stored: ${err?.message ?? err}`);
      outcome = { ...outcome, status: 'failed', file: undefined, message: `${outcome.message}; berkas hasil gagal disimpan ke penyimpanan` };
    }
    // The upload holds personal data and is not needed once its report exists.
    await fs.rm(handle.input, { force: true });
    await jobObjects.remove(documentId, 'input').catch((e) => strapi.log.warn(`Job ${documentId}: upload not removed from storage: ${e?.message ?? e}`));
    // The live progress goes once the row holds the final figures (not before: they would read 0 meanwhile).
    await update(documentId, { ...current, ...(outcome.progress ?? {}), status: outcome.status, message: outcome.message, hasReport, hasFile: !!outcome.file, finishedAt: new Date() }).finally(() =>
      liveProgress.end(documentId),
    );
    cancelled.delete(documentId);
  }

  async function drainLocal() {
    if (localRunning) return;
    localRunning = true;
    try {
      while (localQueue.length && !stopping) await run(localQueue.shift()!).catch((e) => strapi.log.error(`Job runner: ${e?.stack ?? e}`));
    } finally {
      localRunning = false;
    }
  }

  const service = {
    register(kind: JobKind, handler: Handler) {
      handlers.set(kind, handler);
    },

    dirOf,

    /**
     * Jobs that were running when a server stopped left nothing (their transaction never
     * committed); they are marked failed, except a Form 35 import that had committed just
     * before (its events say so). Run at start.
     */
    async recoverStopped() {
      const stale = new Date(Date.now() - 60_000);
      const stopped = await knex()(table())
        .where({ status: 'running' })
        .andWhere((q: any) => q.whereNull('heartbeat_at').orWhere('heartbeat_at', '<', stale))
        .select('document_id', 'kind', 'dry_run');
      for (const j of stopped) {
        const imported = j.kind === 'form35' && !j.dry_run ? await (strapi.service('api::job.form35-import') as any).importedBy(j.document_id) : 0;
        await update(
          j.document_id,
          imported
            ? { status: 'succeeded', message: `${imported.toLocaleString('id-ID')} usulan diimpor (server berhenti sesudah impor selesai)`, rowsWritten: imported, finishedAt: new Date() }
            : { status: 'failed', message: 'Terhenti karena server berhenti; tidak ada data yang disimpan', finishedAt: new Date() },
        );
      }
    },

    async start() {
      const cleanUp = () => Promise.all([service.removeOldFiles(), removeExpiredLimits(strapi)]).catch((e) => strapi.log.warn(`Jobs: removing old files failed: ${e?.message ?? e}`));
      if (!isPg()) {
        await cleanUp();
        cleaner = setInterval(() => void cleanUp(), CLEAN_EVERY_MS);
        cleaner.unref();
      }
      await service.recoverStopped();
      if (isPg()) {
        // Scratch tables of Form 35 imports that a crash left behind (modules/bulk/staged-open.ts).
        const running = new Set((await knex()(table()).where({ status: 'running' }).select('document_id')).map((r: any) => r.document_id));
        await dropStaleStages(knex(), (key) => running.has(key))
          .then((dropped) => dropped && strapi.log.info(`Jobs: dropped ${dropped} scratch table(s) of interrupted imports`))
          .catch((e) => strapi.log.warn(`Jobs: scratch tables of interrupted imports not dropped: ${e?.message ?? e}`));
        const PgBoss = require('pg-boss');
        const conn: any = strapi.config.get('database.connection.connection');
        boss = new PgBoss({ ...(typeof conn === 'string' ? { connectionString: conn } : conn), max: 3, schema: 'pgboss', application_name: 'layanan-pbi-jobs' });
        boss.on('error', (e: any) => strapi.log.warn(`pg-boss: ${e?.message ?? e}`));
        await boss.start();
        // Hourly clean-up, once per cluster (modules/cluster).
        await oncePerCluster(strapi, boss, CLEAN_QUEUE, '17 * * * *', cleanUp);
        // Form 35 imports run in a worker process: one is kept started for the next import.
        if (workerAvailable(strapi.db.dialect.client)) keepSpareWorker();
        await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 0, expireInSeconds: 3 * 3600 });
        workerId = await boss.work(QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async (jobs: any[]) => {
          // (Strapi's pg type parsers leave jsonb as text.)
          for (const job of jobs) await run((typeof job.data === 'string' ? JSON.parse(job.data) : job.data).jobId);
        });
      } else {
        const queued = await knex()(table()).where({ status: 'queued' }).orderBy('id').select('document_id');
        localQueue.push(...queued.map((r: any) => r.document_id));
        setImmediate(() => void drainLocal());
      }
    },

    async stop() {
      stopping = true;
      dropSpareWorker();
      if (cleaner) clearInterval(cleaner);
      cleaner = null;
      if (boss) await boss.stop({ graceful: true, wait: true, timeout: 10_000 }).catch(() => {});
      boss = null;
      workerId = null;
      localQueue = [];
    },

    /**
     * Deletes the folders of jobs finished more than JOB_FILES_DAYS days before `now` (their
     * exports and reports) and of folders no job owns any more; the job keeps its counts and
     * records when its files went. Returns how many folders were removed.
     */
    async removeOldFiles(now = new Date()): Promise<number> {
      const cutoff = new Date(now.getTime() - JOB_FILES_DAYS * 86_400_000);
      const old: { document_id: string }[] = await knex()(table())
        .whereIn('status', ['succeeded', 'failed', 'cancelled'])
        .andWhere('finished_at', '<', cutoff)
        .whereNull('files_removed_at')
        .select('document_id');
      for (const { document_id: id } of old) {
        await jobObjects.removeAll(id);
        await fs.rm(dirOf(id), { recursive: true, force: true });
        await update(id, { hasFile: false, hasReport: false, filesRemovedAt: now });
      }
      // Folders without a job (a job record deleted by hand), once they are a day old: a job's
      // folder is made just before its record.
      const names = await fs.readdir(rootDir()).catch(() => [] as string[]);
      const known = new Set((await knex()(table()).whereIn('document_id', names).select('document_id')).map((r: any) => r.document_id));
      let orphans = 0;
      for (const name of names.filter((n) => !known.has(n))) {
        const stat = await fs.stat(path.join(rootDir(), name)).catch(() => null);
        if (stat && now.getTime() - stat.mtimeMs > 86_400_000) {
          await fs.rm(path.join(rootDir(), name), { recursive: true, force: true });
          orphans += 1;
        }
      }
      if (old.length + orphans) strapi.log.info(`Jobs: removed the files of ${old.length} job(s) finished before ${cutoff.toISOString()} and ${orphans} orphan folder(s)`);
      return old.length + orphans;
    },

    /** Creates a queued job (moving the upload into its folder) and queues it. */
    async create(staff: StaffContext, input: { kind: JobKind; dryRun?: boolean; fileName?: string | null; format?: string | null; params?: Record<string, unknown>; upload?: string }) {
      const documentId = createId();
      const dir = dirOf(documentId);
      await fs.mkdir(dir, { recursive: true });
      if (input.upload) {
        await fs.rename(input.upload, path.join(dir, 'input')).catch(async () => {
          await fs.copyFile(input.upload!, path.join(dir, 'input'));
          await fs.rm(input.upload!, { force: true });
        });
        // Object storage: whichever instance's worker takes the job reads the upload from there.
        await jobObjects.save(documentId, 'input', path.join(dir, 'input'));
      }
      const now = new Date();
      const office = await knex()('offices').where({ code: staff.officeCode }).first('id');
      await write((db) =>
        db(table()).insert({
          document_id: documentId,
          kind: input.kind,
          status: 'queued',
          dry_run: !!input.dryRun,
          file_name: input.fileName ?? null,
          format: input.format ?? null,
          rows_read: 0,
          rows_valid: 0,
          rows_written: 0,
          problem_count: 0,
          has_report: false,
          has_file: false,
          cancel_requested: false,
          office_code: staff.officeCode,
          owner_id: staff.userId,
          owner_name: staff.fullName || staff.username,
          params: JSON.stringify({ ...(input.params ?? {}), staff, officeId: office?.id ?? null }),
          created_at: now,
          updated_at: now,
        }),
      );
      if (boss) {
        await boss.send(QUEUE, { jobId: documentId }, { retryLimit: 0, expireInSeconds: 3 * 3600 });
        // This server's worker fetches now rather than at its next poll (if idle).
        if (workerId) boss.notifyWorker(workerId);
      } else {
        localQueue.push(documentId);
        setImmediate(() => void drainLocal());
      }
      return service.record(staff, documentId);
    },

    /** The job as the panel shows it (through the jobs resource: scope applies). */
    async record(staff: StaffContext, documentId: string) {
      return recordsService(strapi).getOne(resourceNamed('jobs'), staff, documentId);
    },

    async visible(staff: StaffContext, documentId: string): Promise<JobRow> {
      const found = await recordsService(strapi).findVisible(resourceNamed('jobs'), staff, documentId);
      if (!found) throw notFound('Pekerjaan tidak ditemukan');
      return (await load(documentId))!;
    },

    /** Cancels a queued or running job; a running import rolls back at its next chunk. */
    async cancel(staff: StaffContext, documentId: string) {
      const job = await service.visible(staff, documentId);
      if (!['queued', 'running'].includes(job.status)) throw conflict(`Pekerjaan sudah selesai (status: ${job.status}) dan tidak dapat dibatalkan`, { status: job.status });
      cancelled.add(documentId);
      // A job running in this server reads the cancel from memory. On SQLite the row is not
      // written meanwhile: the write would wait for the import's write lock (and answer 503 if
      // it waited too long); the job's end records the cancel.
      if (isPg() || job.status === 'queued') await update(documentId, { cancelRequested: true });
      if (job.status === 'queued') {
        const n = await write((db) =>
          db(table()).where({ document_id: documentId, status: 'queued' }).update({ status: 'cancelled', message: new JobCancelled().message, finished_at: new Date(), updated_at: new Date() }),
        );
        if (n) localQueue = localQueue.filter((id) => id !== documentId);
      }
      return service.record(staff, documentId);
    },

    /** The per-row report of a job. */
    async problems(staff: StaffContext, documentId: string): Promise<{ job: JobRow; problems: Problem[] }> {
      const job = await service.visible(staff, documentId);
      if ((job as any).filesRemovedAt) throw filesGone(job);
      const file = path.join(dirOf(documentId), 'report.json');
      const text = (await jobObjects.ensureLocal(documentId, 'report.json', file).catch(() => false)) ? await fs.readFile(file, 'utf8').catch(() => null) : null;
      if (text === null) throw notFound('Pekerjaan ini belum memiliki laporan');
      return { job, problems: JSON.parse(text) };
    },

    /** An export's file: its path and the name to download it as. */
    async file(staff: StaffContext, documentId: string): Promise<{ path: string; name: string; format: string; open: () => Promise<import('stream').Readable | null> }> {
      const job = await service.visible(staff, documentId);
      if ((job as any).filesRemovedAt) throw filesGone(job);
      if (!(job as any).hasFile) throw notFound('Pekerjaan ini tidak menghasilkan berkas');
      // Identity numbers in the file: the same rule as on screen, and the privacy log.
      await (strapi.service('api::job.exports') as any).beforeDownload(staff, job);
      const file = path.join(dirOf(documentId), `output.${job.format}`);
      return { path: file, name: job.fileName ?? `ekspor.${job.format}`, format: job.format ?? 'xlsx', open: () => jobObjects.open(documentId, `output.${job.format}`, file) };
    },
  };
  return service;
};

export type JobsService = ReturnType<typeof import('./jobs').default>;
export const jobsService = (strapi: Core.Strapi) => strapi.service('api::job.jobs') as unknown as JobsService;
