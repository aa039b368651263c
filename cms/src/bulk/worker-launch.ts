import { fork } from 'child_process';
import { existsSync } from 'fs';
import path from 'path';
import type { Form35Plan, ImportOutcome, ImportProgress, ImportTimings } from './form35-pipeline';

/**
 * Starts the import worker (import-worker.ts) for one Form 35 import and relays its progress
 * and the job's cancellation. The worker's heap is capped: its rows stream through, so a file
 * of any length needs about the same memory, and the cap makes V8 collect instead of growing.
 */
const WORKER_SCRIPT = path.join(__dirname, 'import-worker.js');
const WORKER_HEAP_MB = Number(process.env.IMPORT_WORKER_HEAP_MB) || 256;
/** After a cancel, how long the worker has to roll back before it is killed (the database rolls back then too). */
const CANCEL_GRACE_MS = 10_000;

export interface WorkerHooks {
  progress(p: ImportProgress): Promise<void>;
  /** Throws when the job is cancelled or the server is stopping. */
  checkCancelled(): Promise<void>;
}

/** Whether imports can run in a worker here: PostgreSQL, and the compiled worker beside this file. */
export const workerAvailable = (client: string) => client === 'postgres' && process.env.IMPORT_WORKER !== 'false' && existsSync(WORKER_SCRIPT);

export function runInWorker(plan: Form35Plan, connection: unknown, hooks: WorkerHooks, timings: ImportTimings): Promise<ImportOutcome> {
  const child = fork(WORKER_SCRIPT, [], { execArgv: [`--max-old-space-size=${WORKER_HEAP_MB}`], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise<ImportOutcome>((resolve, reject) => {
    let settled = false;
    let stopReason: unknown = null;
    let killTimer: NodeJS.Timeout | undefined;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      clearTimeout(killTimer);
      settle();
    };
    const watch = setInterval(() => {
      if (stopReason) return;
      hooks.checkCancelled().catch((err) => {
        stopReason = err;
        if (child.connected) child.send({ type: 'cancel' });
        killTimer = setTimeout(() => child.kill('SIGKILL'), CANCEL_GRACE_MS);
      });
    }, 500);
    child.on('message', (m: any) => {
      if (m?.type === 'progress') void hooks.progress(m.progress).catch(() => {});
      else if (m?.type === 'done') {
        Object.assign(timings, m.timings);
        finish(() => resolve(m.outcome));
      } else if (m?.type === 'cancelled') finish(() => reject(stopReason ?? new Error('Impor dibatalkan')));
      else if (m?.type === 'error') finish(() => reject(Object.assign(new Error(m.message), { stack: m.stack })));
    });
    child.on('error', (err) => finish(() => reject(err)));
    // 'close' comes after the worker's last message has been read.
    child.on('close', (code, signal) => finish(() => reject(stopReason ?? new Error(`Proses impor berhenti tak terduga (${signal ?? `kode ${code}`})`))));
    child.send({ type: 'start', plan, connection });
  });
}
