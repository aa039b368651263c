import { fork, type ChildProcess } from 'child_process';
import { existsSync } from 'fs';
import path from 'path';
import type { Form35Plan, ImportOutcome, ImportProgress, ImportTimings } from './form35-pipeline';
import type { TidyOutcome } from './staged-open';
import { workerApplicationName } from './worker-session';

/**
 * Starts the import worker (import-worker.ts) for one Form 35 import and relays its progress
 * and the job's cancellation. The worker's heap is capped: its rows stream through, so a file
 * of any length needs about the same memory, and the cap makes V8 collect instead of growing.
 */
const WORKER_SCRIPT = path.join(__dirname, 'import-worker.js');
const WORKER_HEAP_MB = Number(process.env.IMPORT_WORKER_HEAP_MB) || 256;
/** After a cancel, how long the worker has to roll back before it is killed (the database rolls back then too). */
const CANCEL_GRACE_MS = 10_000;

/**
 * Ends the database sessions of a worker that did not finish (killed, crashed): a killed
 * client's backend can run on until its statement ends, holding its locks. Waits (at most
 * `waitMs`) until they are gone, so that their transaction has rolled back.
 */
export async function endWorkerSessions(knex: any, jobId: string, waitMs = 10_000): Promise<void> {
  const name = workerApplicationName(jobId);
  await knex.raw('select pg_terminate_backend(pid) from pg_stat_activity where application_name = ? and pid <> pg_backend_pid()', [name]);
  for (const until = Date.now() + waitMs; Date.now() < until;) {
    const { rows } = await knex.raw('select count(*)::int as n from pg_stat_activity where application_name = ?', [name]);
    if (!rows[0].n) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface WorkerHooks {
  progress(p: ImportProgress): Promise<void>;
  /** The tidy-up after the import, reported once the import has answered. */
  tidied?(t: TidyOutcome): void;
  /** Throws when the job is cancelled or the server is stopping. */
  checkCancelled(): Promise<void>;
}

/** Whether imports can run in a worker here: PostgreSQL's staged path (the one the worker runs), and the compiled worker beside this file. */
export const workerAvailable = (client: string) => client === 'postgres' && process.env.IMPORT_WORKER !== 'false' && process.env.IMPORT_STAGED !== 'false' && existsSync(WORKER_SCRIPT);

const forkWorker = () => fork(WORKER_SCRIPT, [], { env: process.env, execArgv: [`--max-old-space-size=${WORKER_HEAP_MB}`], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });

/**
 * A worker started ahead of the next import: Node's start and loading exceljs, knex and pg
 * take about 0.4 s, which an import would otherwise wait for. One is kept (about 80 MB, idle)
 * while the jobs run on PostgreSQL, unless IMPORT_SPARE_WORKER=false. It is started when the
 * jobs start and again a moment after the last import's worker has exited (never beside a
 * running import), and it serves only while the server's environment is the one it started with.
 */
let spare: { child: ChildProcess; env: string } | null = null;
let spareWanted = false;
let spareTimer: NodeJS.Timeout | undefined;
/** Workers running an import: a spare is started only when there are none. */
let busy = 0;
const SPARE_DELAY_MS = 1000;
const environment = () => JSON.stringify(process.env);

function startSpare(): void {
  clearTimeout(spareTimer);
  if (!spareWanted || spare || busy) return;
  const child = forkWorker();
  // The spare must not keep the server's process alive, nor outlive it (it exits when its channel closes).
  child.unref();
  (child as any).channel?.unref();
  child.on('error', () => {});
  child.on('exit', () => {
    if (spare?.child === child) spare = null;
  });
  spare = { child, env: environment() };
}

/** Starts keeping a spare worker (the jobs' start, where workerAvailable). */
export function keepSpareWorker(): void {
  spareWanted = process.env.IMPORT_SPARE_WORKER !== 'false';
  startSpare();
}

/** Stops keeping one, and ends the one kept (the jobs' stop). */
export function dropSpareWorker(): void {
  spareWanted = false;
  clearTimeout(spareTimer);
  spare?.child.kill();
  spare = null;
}

/**
 * The spare worker if it is alive and current (and `fresh` is not asked for), else a new one;
 * a new spare follows once this one has exited. `spare` says which it is.
 */
function takeWorker(fresh: boolean): { child: ChildProcess; spare: boolean } {
  const kept = spare;
  spare = null;
  let child: ChildProcess;
  let fromSpare = false;
  if (!fresh && kept && kept.child.connected && kept.child.exitCode === null && kept.child.signalCode === null && kept.env === environment()) {
    child = kept.child;
    child.ref();
    (child as any).channel?.ref();
    fromSpare = true;
  } else {
    kept?.child.kill();
    child = forkWorker();
  }
  busy += 1;
  child.once('close', () => {
    busy -= 1;
    if (!spareWanted || busy) return;
    spareTimer = setTimeout(startSpare, SPARE_DELAY_MS);
    spareTimer.unref();
  });
  return { child, spare: fromSpare };
}

/**
 * Runs an import in a worker. A spare that ends before it has taken the import (killed or
 * crashed while it waited, after it was found alive) did nothing: the import then runs in a
 * fresh worker, once (`fresh`).
 */
export function runInWorker(plan: Form35Plan, connection: unknown, hooks: WorkerHooks, timings: ImportTimings, fresh = false): Promise<ImportOutcome> {
  const t0 = Date.now();
  const { child, spare: fromSpare } = takeWorker(fresh);
  return new Promise<ImportOutcome>((resolve, reject) => {
    let settled = false;
    let started = false;
    let stopReason: unknown = null;
    /** A spare that has not taken the import yet: if it ends now, the import goes to a fresh worker. */
    const untakenSpare = () => fromSpare && !started && !stopReason;
    let killTimer: NodeJS.Timeout | undefined;
    // Progress is written in order, and the last write lands before the job's final one.
    let progressWrites: Promise<void> = Promise.resolve();
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      clearTimeout(killTimer);
      void progressWrites.then(settle);
    };
    /** Ends the worker for good: a worker nobody listens to must not commit later. */
    const abandon = (err: unknown) => {
      child.kill('SIGKILL');
      finish(() => reject(err));
    };
    const watch = setInterval(() => {
      if (stopReason) return;
      hooks.checkCancelled().catch((err) => {
        stopReason = err;
        try {
          if (child.connected) child.send({ type: 'cancel' });
        } catch {
          // the worker is gone or going: 'close' settles
        }
        killTimer = setTimeout(() => child.kill('SIGKILL'), CANCEL_GRACE_MS);
      });
    }, 500);
    child.on('message', (m: any) => {
      if (m?.type === 'started') {
        started = true;
        timings.workerStart = Date.now() - t0;
      } else if (m?.type === 'tidied') hooks.tidied?.(m.tidy);
      else if (m?.type === 'progress') progressWrites = progressWrites.then(() => hooks.progress(m.progress)).catch(() => {});
      else if (m?.type === 'done') {
        Object.assign(timings, m.timings, { workerStart: timings.workerStart });
        finish(() => resolve(m.outcome));
      } else if (m?.type === 'cancelled') finish(() => reject(stopReason ?? new Error('Impor dibatalkan')));
      else if (m?.type === 'error') finish(() => reject(Object.assign(new Error(m.message), { stack: m.stack })));
    });
    // (An untaken spare's error is followed by its 'close', which hands the import on.)
    child.on('error', (err) => (untakenSpare() ? child.kill('SIGKILL') : abandon(err)));
    // 'close' comes after the worker's last message has been read.
    child.on('close', (code, signal) => {
      if (untakenSpare()) return finish(() => resolve(runInWorker(plan, connection, hooks, timings, true)));
      finish(() => reject(stopReason ?? new Error(`Proses impor berhenti tak terduga (${signal ?? `kode ${code}`})`)));
    });
    try {
      child.send({ type: 'start', plan, connection });
    } catch (err) {
      if (untakenSpare()) child.kill('SIGKILL');
      else abandon(err);
    }
  });
}
