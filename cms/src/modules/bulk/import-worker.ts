/**
 * The import worker: a Node process of its own that runs one Form 35 import (parse, validate,
 * write, commit) on its own PostgreSQL connection, from a plan of plain data the server made.
 * The server keeps answering requests while a file is parsed, and the import's memory is its
 * own: it is returned whole when the process ends, and an import cannot grow the server's heap.
 *
 * Messages: in, { type: 'start', plan, connection } and { type: 'cancel' }; out, 'started',
 * 'progress', then one of 'done' (the outcome), 'cancelled' or 'error'; after 'done', 'tidied'
 * (staged-open's tidyAfterImport). If the server goes away the
 * worker exits: its connection closes and PostgreSQL rolls the transaction back.
 */
import { knex as createKnex } from 'knex';
import { types as pgTypes } from 'pg';
import { runForm35Import, type Form35Plan, type ImportTimings } from './form35-pipeline';
import { tidyAfterImport } from './staged-open';
import { workerApplicationName } from './worker-session';

class Cancelled extends Error {}

let cancelled = false;
const send = (message: unknown) => new Promise<void>((resolve) => (process.send && process.connected ? process.send(message, undefined, undefined, () => resolve()) : resolve()));

// Values read as Strapi's PostgreSQL dialect reads them in the server: a date stays the text
// 'YYYY-MM-DD' (as a JS Date it would be local midnight, the day before east of UTC), jsonb
// stays text, numeric becomes a number.
pgTypes.setTypeParser(pgTypes.builtins.DATE, 'text', (v: string) => v);
pgTypes.setTypeParser(pgTypes.builtins.JSONB, 'text', (v: string) => v);
pgTypes.setTypeParser(pgTypes.builtins.NUMERIC, 'text', parseFloat);

async function start(plan: Form35Plan, connection: unknown): Promise<void> {
  void send({ type: 'started' });
  const settings = typeof connection === 'string' ? { connectionString: connection } : { ...(connection as object) };
  // Named after the job, so that the server can find (and end) its sessions.
  // The import's lookups are by key (a chunk's 5,000 NIKs): planned for spinning disks and in
  // parallel, they became parallel sequential scans once applicants ran to hundreds of
  // thousands, three processes taking the cores the transaction writes on (50 ms a chunk at
  // 300,000 applicants, against 15 ms through the NIK index).
  const afterCreate = (conn: any, done: (err: Error | null, conn: any) => void) =>
    conn.query('set max_parallel_workers_per_gather = 0; set random_page_cost = 1.1', (err: Error | null) => done(err, conn));
  const knex = createKnex({ client: 'pg', connection: { ...settings, application_name: workerApplicationName(plan.job.documentId) } as any, pool: { min: 0, max: 2, afterCreate } });
  const timings: ImportTimings = { check: 0, stage: 0, write: 0, total: 0 };
  try {
    const outcome = await runForm35Import(
      plan,
      {
        knex,
        progress: (progress) => send({ type: 'progress', progress }),
        checkCancelled: async () => {
          if (cancelled) throw new Cancelled();
        },
      },
      timings,
    );
    await send({ type: 'done', outcome, timings });
    if (outcome.progress.rowsWritten) await send({ type: 'tidied', tidy: await tidyAfterImport(knex, plan.schema.staged) });
  } catch (err: any) {
    await send(err instanceof Cancelled ? { type: 'cancelled', timings } : { type: 'error', message: String(err?.message ?? err), stack: String(err?.stack ?? ''), timings });
  } finally {
    await knex.destroy().catch(() => {});
    process.disconnect?.();
  }
}

process.on('message', (message: any) => {
  if (message?.type === 'cancel') cancelled = true;
  else if (message?.type === 'start') void start(message.plan, message.connection);
});
// The import has ended, or the server is gone (its connection then closes with this process).
process.on('disconnect', () => process.exit(0));
