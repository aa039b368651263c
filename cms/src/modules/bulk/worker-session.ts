/**
 * How the import worker's database session is named (PostgreSQL application_name): the launcher
 * ends a job's leftover sessions by it, and the sweep of stale stages (staged-open.ts) spares the
 * stages of jobs still connected. Its own file so that staged-open need not import the launcher,
 * which imports the pipeline, which imports staged-open.
 */
export const WORKER_APPLICATION_PREFIX = 'form35-import:';
export const workerApplicationName = (jobId: string) => `${WORKER_APPLICATION_PREFIX}${jobId}`;
